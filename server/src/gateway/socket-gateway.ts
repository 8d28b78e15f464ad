import type { Ack } from '@quizbus/shared';
import type { Logger } from 'pino';
import { playerView, screenView, type Command } from '../engine/index.ts';
import type { GameManager } from '../games/game-manager.ts';
import type { GameRuntime, Outcome } from '../games/game-runtime.ts';
import { hashToken, newId, newToken, sameHash } from '../games/tokens.ts';
import type { Clock } from '../ports/clock.ts';
import { fail, onCommand } from './command-handler.ts';
import type { Fanout } from './fanout.ts';
import { rooms } from './rooms.ts';
import type { QuizbusServer, QuizbusSocket } from './socket-types.ts';

export interface GatewayDeps {
  manager: GameManager;
  fanout: Fanout;
  clock: Clock;
  logger: Logger;
}

type HostCommand = 'start' | 'next' | 'skip' | 'end' | 'kick' | 'lock';

/**
 * The Socket.IO side: identify a socket (host, display, player), then relay its commands to
 * the game's owner and acknowledge each one. Thin on purpose: rules live in the engine.
 */
export function attachSocketGateway(io: QuizbusServer, deps: GatewayDeps): void {
  const { manager, fanout, clock, logger } = deps;

  io.on('connection', (socket) => {
    const gameNotFound = () => fail('GAME_NOT_FOUND', 'No game with that PIN is running.');

    onCommand(socket, 'host.attach', logger, ({ pin, hostToken }) => {
      const rt = manager.byPinCode(pin);
      if (!rt) return gameNotFound();
      const tokenHash = hashToken(hostToken);
      if (!sameHash(tokenHash, rt.current.hostTokenHash)) return fail('UNAUTHORIZED', 'That host token does not open this game.');
      identify(socket, { gameId: rt.gameId, role: 'host', hostTokenHash: tokenHash });
      socket.join(rooms.host(rt.gameId));
      return { ok: true, view: screenView(rt.current, 'host', clock.now()) };
    });

    onCommand(socket, 'display.attach', logger, ({ pin }) => {
      const rt = manager.byPinCode(pin);
      if (!rt) return gameNotFound();
      identify(socket, { gameId: rt.gameId, role: 'display' });
      socket.join(rooms.display(rt.gameId));
      return { ok: true, view: screenView(rt.current, 'display', clock.now()) };
    });

    onCommand(socket, 'player.join', logger, async ({ pin, nickname }) => {
      const rt = manager.byPinCode(pin);
      if (!rt) return gameNotFound();
      const playerId = newId('p');
      const sessionToken = newToken();
      let ack: Ack<'player.join'> | undefined;
      const outcome = await rt.execute({ type: 'join', playerId, nickname, tokenHash: hashToken(sessionToken) }, (state, o) => {
        if (!o.ok) return;
        seatPlayer(socket, rt, playerId);
        ack = { ok: true, playerId, sessionToken, view: playerView(state, playerId, clock.now()) };
      });
      if (!outcome.ok) return fail(outcome.code, outcome.message);
      return ack ?? fail('INTERNAL', 'The join was not completed.');
    });

    onCommand(socket, 'player.resume', logger, async ({ pin, sessionToken }) => {
      const rt = manager.byPinCode(pin);
      if (!rt) return gameNotFound();
      let ack: Ack<'player.resume'> | undefined;
      const outcome = await rt.execute({ type: 'resume', tokenHash: hashToken(sessionToken) }, (state, o) => {
        if (!o.ok) return;
        seatPlayer(socket, rt, o.reply.playerId);
        ack = { ok: true, playerId: o.reply.playerId, view: playerView(state, o.reply.playerId, clock.now()) };
      });
      if (!outcome.ok) return fail(outcome.code, outcome.message);
      return ack ?? fail('INTERNAL', 'The resume was not completed.');
    });

    onCommand(socket, 'answer.submit', logger, async ({ index, answer }) => {
      const { rt, playerId, error } = actingPlayer(socket);
      if (error) return error;
      const outcome = await rt.execute({ type: 'answer', playerId, index, answer });
      return outcome.ok ? { ok: true, ...outcome.reply } : fail(outcome.code, outcome.message);
    });

    const host = (name: `host.${HostCommand}`, build: (hostTokenHash: string, payload: Record<string, unknown>) => Command) =>
      onCommand(socket, name, logger, async (payload) => {
        const { rt, hostTokenHash, error } = actingHost(socket);
        if (error) return error;
        const outcome: Outcome = await rt.execute(build(hostTokenHash, payload as Record<string, unknown>));
        return outcome.ok ? { ok: true, seq: outcome.seq } : fail(outcome.code, outcome.message);
      });
    host('host.start', (h) => ({ type: 'start', hostTokenHash: h }));
    host('host.next', (h) => ({ type: 'next', hostTokenHash: h }));
    host('host.skip', (h) => ({ type: 'skip', hostTokenHash: h }));
    host('host.end', (h) => ({ type: 'end', hostTokenHash: h }));
    host('host.kick', (h, p) => ({ type: 'kick', hostTokenHash: h, playerId: String(p.playerId) }));
    host('host.lock', (h, p) => ({ type: 'lock', hostTokenHash: h, locked: p.locked === true }));

    onCommand(socket, 'view.snapshot', logger, () => {
      const { gameId, role, playerId } = socket.data;
      const rt = gameId ? manager.get(gameId) : undefined;
      if (!rt || !role) return fail('NOT_ATTACHED', 'Join or attach to a game first.');
      if (role === 'player' && playerId) return { ok: true, view: playerView(rt.current, playerId, clock.now()) };
      return { ok: true, view: screenView(rt.current, role === 'host' ? 'host' : 'display', clock.now()) };
    });

    socket.on('disconnect', () => leave(socket));
  });

  /** Gives a socket its identity, leaving whatever it was before. */
  function identify(socket: QuizbusSocket, data: QuizbusSocket['data']): void {
    leave(socket);
    socket.data = data;
  }

  function seatPlayer(socket: QuizbusSocket, rt: GameRuntime, playerId: string): void {
    identify(socket, { gameId: rt.gameId, role: 'player', playerId });
    socket.join(rooms.players(rt.gameId));
    fanout.addPlayerSocket(rt.gameId, playerId, socket);
  }

  /** Undoes an identity: rooms left, and a player with no socket left here is marked away. */
  function leave(socket: QuizbusSocket): void {
    const { gameId, role, playerId } = socket.data;
    if (!gameId) return;
    for (const room of rooms.everyone(gameId)) void socket.leave(room);
    socket.data = {};
    if (role !== 'player' || !playerId) return;
    const remaining = fanout.removePlayerSocket(gameId, playerId, socket);
    const rt = manager.get(gameId);
    if (remaining === 0 && rt) void rt.execute({ type: 'disconnect', playerId });
  }

  function actingPlayer(socket: QuizbusSocket) {
    const { gameId, role, playerId } = socket.data;
    const rt = gameId ? manager.get(gameId) : undefined;
    if (!rt || !role || !playerId) return { error: fail('NOT_ATTACHED', 'Join the game first.') } as const;
    if (role !== 'player') return { error: fail('FORBIDDEN', 'Only players answer.') } as const;
    return { rt, playerId, error: null } as const;
  }

  function actingHost(socket: QuizbusSocket) {
    const { gameId, role, hostTokenHash } = socket.data;
    const rt = gameId ? manager.get(gameId) : undefined;
    if (!rt || !role) return { error: fail('NOT_ATTACHED', 'Attach as the host first.') } as const;
    if (role !== 'host' || !hostTokenHash) return { error: fail('FORBIDDEN', 'Only the host can do that.') } as const;
    return { rt, hostTokenHash, error: null } as const;
  }
}
