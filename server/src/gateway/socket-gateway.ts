import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import { playerView, screenView, type Command, type GameState } from '../engine/index.ts';
import type { GameNode } from '../games/game-node.ts';
import type { Outcome } from '../games/game-runtime.ts';
import { commandKey, hashToken, joinToken, newId, sameHash } from '../games/tokens.ts';
import type { Clock } from '../ports/clock.ts';
import { addressKey, clientAddress } from './client-address.ts';
import { commandDispatcher, fail, type CommandHandlers } from './command-handler.ts';
import { Connection } from './connection.ts';
import type { EventTelemetry } from './event-telemetry.ts';
import type { Fanout } from './fanout.ts';
import { joinNickname, rerollNickname, retryJoin } from './generated-nicknames.ts';
import type { Hardening } from './hardening.ts';
import { rooms } from './rooms.ts';
import type { QuizbusServer, QuizbusSocket } from './socket-types.ts';

export interface GatewayDeps {
  node: GameNode;
  fanout: Fanout;
  clock: Clock;
  logger: Logger;
  /** Counts each command by type and outcome, with its latency. */
  observe?: (command: string, outcome: string, seconds: number) => void;
  /** Limits and filters (hardening.ts); none in unit setups that build a gateway by hand. */
  hardening?: Hardening;
  /** The "under the hood" event flow; telemetry.watch is refused without it. */
  telemetry?: EventTelemetry;
}

type Failure = ReturnType<typeof fail>;

const gameNotFound = () => fail('GAME_NOT_FOUND', 'No game with that PIN is running.');

/**
 * The Socket.IO side: identify a socket (host, display, player), then hand its commands to the
 * game's owner (here or on another node) and acknowledge each one. Thin on purpose: rules live
 * in the engine, ownership in the GameNode.
 */
export function attachSocketGateway(io: QuizbusServer, deps: GatewayDeps): void {
  const { node, fanout, clock, logger, hardening } = deps;
  const limits = hardening?.limits;

  /**
   * Runs `fn` with the game's state available on this node, holding an interest in the game
   * meanwhile (so its events keep coming); `keep` says whether the socket now holds it.
   */
  async function withGame<T>(
    pin: string,
    address: string,
    fn: (gameId: string, state: GameState) => Promise<{ result: T; keep: boolean }>,
  ): Promise<T | ReturnType<typeof gameNotFound>> {
    // PIN guessing: an address that named too many games that do not exist is refused before the lookup.
    const refused = await limits?.checkPin(address);
    if (refused) return refused.ack;
    const gameId = await node.resolvePin(pin);
    if (!gameId) {
      await limits?.countMiss(address);
      return gameNotFound();
    }
    node.retain(gameId);
    let keep = false;
    try {
      const state = await node.open(gameId);
      if (!state) return gameNotFound();
      const out = await fn(gameId, state);
      keep = out.keep;
      return out.result;
    } finally {
      if (!keep) node.release(gameId);
    }
  }

  /** A wrong token is a guess like a wrong PIN. */
  async function guessed<R>(conn: Connection, result: R): Promise<R> {
    await limits?.countMiss(conn.address);
    return result;
  }

  /** The host commands after attach: each builds its engine command from the host's token hash. */
  async function hostCommand(conn: Connection, key: string | undefined, build: (hostTokenHash: string) => Command): Promise<Failure | { ok: true; seq: number }> {
    const acting = actingHost(conn.socket);
    if (!acting.ok) return acting;
    const outcome: Outcome = await node.execute(acting.gameId, { ...build(acting.hostTokenHash), ...(key !== undefined && { cid: key }) });
    return outcome.ok ? { ok: true, seq: outcome.seq } : fail(outcome.code, outcome.message);
  }

  // Every identifying command acks in the same synchronous step that seats the socket and
  // builds its view, so the ack reaches the client before any event that follows it: the
  // client always knows its view and publicSeq first.
  const handlers: CommandHandlers = {
    'host.attach': (conn, { pin, hostToken }, reply) =>
      withGame(pin, conn.address, async (gameId, state) => {
        const tokenHash = hashToken(hostToken);
        if (!sameHash(tokenHash, state.hostTokenHash)) return { result: await guessed(conn, fail('UNAUTHORIZED', 'That host token does not open this game.')), keep: false };
        seat(conn.socket, { gameId, role: 'host', hostTokenHash: tokenHash }, rooms.host(gameId));
        reply({ ok: true, view: screenView(node.stateOf(gameId) ?? state, 'host', clock.now()) });
        return { result: fail('INTERNAL', 'acknowledged already'), keep: true };
      }),

    'display.attach': (conn, { pin }, reply) =>
      withGame(pin, conn.address, async (gameId, state) => {
        seat(conn.socket, { gameId, role: 'display' }, rooms.display(gameId));
        reply({ ok: true, view: screenView(node.stateOf(gameId) ?? state, 'display', clock.now()) });
        return { result: fail('INTERNAL', 'acknowledged already'), keep: true };
      }),

    'player.join': async (conn, { cid, pin, nickname: typed, studentId }, reply) => {
      const limited = await limits?.takeJoin(conn.address);
      if (limited) return limited.ack;
      const { socket } = conn;
      return withGame(pin, conn.address, async (gameId, opened) => {
        // A resent join (same cid) gets the same token; the engine hands back the original seat.
        const sessionToken = joinToken(gameId, cid);
        const key = commandKey('player.join', cid);
        let outcome: Outcome<'join'>;
        for (let attempt = 0; ; attempt += 1) {
          // Games with generated nicknames ignore the typed one (generated-nicknames.ts).
          const { nickname, generated } = joinNickname(node.stateOf(gameId) ?? opened, typed);
          const join = {
            type: 'join' as const,
            playerId: newId('p'),
            ...(key !== undefined && { cid: key }),
            nickname,
            tokenHash: hashToken(sessionToken),
            ...(studentId !== undefined && { studentId }),
            via: node.nodeId,
            ...(hardening && { maxPlayers: hardening.maxPlayersPerGame, nicknameBlocked: !generated && hardening.nicknameFilter.blocks(nickname) }),
          };
          outcome = await node.execute(gameId, join, (state, o) => {
            const { playerId } = o.reply;
            if (seatPlayer(socket, gameId, playerId)) reply({ ok: true, playerId, sessionToken, view: playerView(state, playerId, clock.now()) });
          });
          if (outcome.ok || !retryJoin(generated, outcome.code, attempt)) break;
        }
        if (!outcome.ok) return { result: fail(outcome.code, outcome.message), keep: false };
        // Applied, but this node could not seat the socket in time: a resend with the same cid seats it.
        return { result: fail('OUTCOME_UNKNOWN', 'The join took effect but could not be confirmed here; resend it with the same command id.'), keep: socket.data.gameId === gameId };
      });
    },

    'player.resume': (conn, { pin, sessionToken }, reply) =>
      withGame(pin, conn.address, async (gameId) => {
        const { socket } = conn;
        const outcome = await node.execute(gameId, { type: 'resume', tokenHash: hashToken(sessionToken), via: node.nodeId }, (state, o) => {
          const { playerId } = o.reply;
          if (seatPlayer(socket, gameId, playerId)) reply({ ok: true, playerId, view: playerView(state, playerId, clock.now()) });
        });
        if (!outcome.ok) {
          const refusal = fail(outcome.code, outcome.message);
          return { result: outcome.code === 'UNAUTHORIZED' ? await guessed(conn, refusal) : refusal, keep: false };
        }
        return { result: fail('OUTCOME_UNKNOWN', 'The seat could not be confirmed here; resume again.'), keep: socket.data.gameId === gameId };
      }),

    'player.reroll': async (conn, { cid }) => {
      const acting = actingPlayer(conn.socket);
      if (!acting.ok) return acting;
      return rerollNickname(node, acting.gameId, acting.playerId, commandKey('player.reroll', cid));
    },

    'player.team': async (conn, { cid, team }) => {
      const acting = actingPlayer(conn.socket);
      if (!acting.ok) return acting;
      const key = commandKey('player.team', cid);
      const outcome = await node.execute(acting.gameId, { type: 'team', playerId: acting.playerId, team, ...(key !== undefined && { cid: key }) });
      return outcome.ok ? { ok: true, ...outcome.reply } : fail(outcome.code, outcome.message);
    },

    'answer.submit': async (conn, { cid, index, answer }) => {
      const acting = actingPlayer(conn.socket);
      if (!acting.ok) return acting;
      const key = commandKey('answer.submit', cid);
      // Typed text meets the nickname filter: the engine keeps a caught word-cloud or open answer off every screen.
      const blocked = answer.kind === 'text' && hardening !== undefined && hardening.nicknameFilter.blocks(answer.text);
      const outcome = await node.execute(acting.gameId, {
        type: 'answer',
        playerId: acting.playerId,
        index,
        answer,
        via: node.nodeId,
        ...(blocked && { blocked }),
        ...(key !== undefined && { cid: key }),
      });
      return outcome.ok ? { ok: true, ...outcome.reply } : fail(outcome.code, outcome.message);
    },

    'host.start': (conn, p) => hostCommand(conn, commandKey('host.start', p.cid), (h) => ({ type: 'start', hostTokenHash: h })),
    'host.next': (conn, p) => hostCommand(conn, commandKey('host.next', p.cid), (h) => ({ type: 'next', hostTokenHash: h })),
    'host.skip': (conn, p) => hostCommand(conn, commandKey('host.skip', p.cid), (h) => ({ type: 'skip', hostTokenHash: h })),
    'host.end': (conn, p) => hostCommand(conn, commandKey('host.end', p.cid), (h) => ({ type: 'end', hostTokenHash: h })),
    'host.kick': (conn, p) => hostCommand(conn, commandKey('host.kick', p.cid), (h) => ({ type: 'kick', hostTokenHash: h, playerId: p.playerId })),
    // The reshuffle's randomness lives here; the engine deals the players from the seed.
    'host.shuffleTeams': (conn, p) => hostCommand(conn, commandKey('host.shuffleTeams', p.cid), (h) => ({ type: 'shuffleTeams', hostTokenHash: h, seed: randomInt(0, 2 ** 32) })),
    'host.lock': (conn, p) => hostCommand(conn, commandKey('host.lock', p.cid), (h) => ({ type: 'lock', hostTokenHash: h, locked: p.locked })),

    'host.hideWord': (conn, p) =>
      hostCommand(conn, commandKey('host.hideWord', p.cid), (h) => ({ type: 'hide-word', hostTokenHash: h, index: p.index, word: p.word, hidden: p.hidden })),
    'host.approveAnswer': (conn, p) =>
      hostCommand(conn, commandKey('host.approveAnswer', p.cid), (h) => ({ type: 'approve', hostTokenHash: h, index: p.index, playerId: p.playerId, approved: p.approved })),

    'view.snapshot': (conn) => {
      const { gameId, role, playerId } = conn.socket.data;
      const state = gameId ? node.stateOf(gameId) : undefined;
      if (!state || !role) return fail('NOT_ATTACHED', 'Join or attach to a game first.');
      if (role === 'player' && playerId) return { ok: true, view: playerView(state, playerId, clock.now()) };
      return { ok: true, view: screenView(state, role === 'host' ? 'host' : 'display', clock.now()) };
    },

    'telemetry.watch': (conn, payload) => {
      const { socket } = conn;
      const { gameId, role } = socket.data;
      if (!gameId || !role) return fail('NOT_ATTACHED', 'Attach as the host or a display first.');
      // Players never see the flow: it would tell them when others answer.
      if (role === 'player') return fail('FORBIDDEN', 'Only the host and displays can watch the event flow.');
      const telemetry = deps.telemetry;
      if (!telemetry) return fail('UNAVAILABLE', 'The event flow is not available here.');
      // join/leave only return a promise for adapters that sync rooms between servers; the
      // one-buffer adapter keeps rooms per node and joins at once (same below).
      if (payload.on) void socket.join(rooms.telemetry(gameId));
      else void socket.leave(rooms.telemetry(gameId));
      return { ok: true, on: payload.on, nodeId: node.nodeId, channel: telemetry.channelOf(gameId) };
    },
  };

  const dispatch = commandDispatcher(handlers, { logger, ...(hardening && { guard: hardening.guard }), ...(deps.observe && { observe: deps.observe }) });
  // `this` is the socket (an EventEmitter calls its listeners on itself): one function for all sockets.
  function onDisconnect(this: QuizbusSocket): void {
    leave(this);
  }

  io.on('connection', (socket) => {
    // Rate limits count per client address (behind TRUST_PROXY's proxies, the forwarded one).
    const address = addressKey(hardening ? clientAddress(socket.request, hardening.trustProxy) : socket.handshake.address);
    const conn = new Connection(socket, address, hardening ? hardening.guard.state() : null);
    // Every packet is handled here and never passed on (`next` is not called): no listener per
    // command, one small closure per socket.
    socket.use((packet) => dispatch(conn, packet));
    socket.on('disconnect', onDisconnect);
  });

  /** Gives a socket an identity and a room, leaving whatever it was before. */
  function seat(socket: QuizbusSocket, data: QuizbusSocket['data'], room: string): void {
    leave(socket);
    socket.data = data;
    void socket.join(room);
  }

  /** Seats a player's socket; false if the socket went away meanwhile. */
  function seatPlayer(socket: QuizbusSocket, gameId: string, playerId: string): boolean {
    const { gameId: at, role, playerId: seated } = socket.data;
    // A resume on the socket that already holds this seat keeps it: leaving first would queue a
    // `disconnect` behind the resume and mark a player away who is still here.
    if (role === 'player' && at === gameId && seated === playerId) {
      node.release(gameId); // the socket holds its interest already
      return true;
    }
    if (socket.disconnected) {
      // The socket went away while its join or resume waited in the game's queue: its
      // `disconnect` has passed already, so seating it would leave a seat marked connected with
      // nobody in it (holding questions open) and a dead socket in the rooms.
      if (fanout.playerSocketCount(gameId, playerId) === 0) markAway(gameId, playerId);
      return false;
    }
    seat(socket, { gameId, role: 'player', playerId }, rooms.players(gameId));
    fanout.addPlayerSocket(gameId, playerId, socket);
    return true;
  }

  /** Undoes an identity: rooms left, interest dropped, a player with no socket here marked away. */
  function leave(socket: QuizbusSocket): void {
    const { gameId, role, playerId } = socket.data;
    if (!gameId) return;
    for (const room of rooms.everyone(gameId)) void socket.leave(room);
    void socket.leave(rooms.telemetry(gameId));
    socket.data = {};
    node.release(gameId);
    if (role !== 'player' || !playerId) return;
    const remaining = fanout.removePlayerSocket(gameId, playerId, socket);
    // Presence is per node: the engine ignores this if the player has taken a seat on another node since.
    // A node handing its games over (SIGTERM) closes its sockets to send the phones to another
    // node, usually within a second: marking them away now would let "everyone answered" close
    // a question under the students who are on their way back (their answers then come LATE).
    // The heartbeat is gone with the hand-over, so the new owner's presence check marks away,
    // after its grace, anyone who does not come back.
    if (remaining === 0 && !node.handingOver) markAway(gameId, playerId);
  }

  /**
   * Tells the game a player has no socket here any more. Nobody waits for it (the socket is
   * gone, no ack to give); a failure is logged, not left as an unhandled rejection, which would
   * stop the process.
   */
  function markAway(gameId: string, playerId: string): void {
    node.execute(gameId, { type: 'disconnect', playerId, via: node.nodeId }).catch((err: unknown) => {
      logger.warn({ gameId, playerId, err }, 'could not mark a player away');
    });
  }

  function actingPlayer(socket: QuizbusSocket): Failure | { ok: true; gameId: string; playerId: string } {
    const { gameId, role, playerId } = socket.data;
    if (!gameId || !role) return fail('NOT_ATTACHED', 'Join the game first.');
    // A host or display is attached but is not a player: that is FORBIDDEN, not NOT_ATTACHED.
    if (role !== 'player' || !playerId) return fail('FORBIDDEN', 'Only players answer.');
    return { ok: true, gameId, playerId };
  }

  function actingHost(socket: QuizbusSocket): Failure | { ok: true; gameId: string; hostTokenHash: string } {
    const { gameId, role, hostTokenHash } = socket.data;
    if (!gameId || !role) return fail('NOT_ATTACHED', 'Attach as the host first.');
    if (role !== 'host' || !hostTokenHash) return fail('FORBIDDEN', 'Only the host can do that.');
    return { ok: true, gameId, hostTokenHash };
  }
}
