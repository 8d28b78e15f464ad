import type { DomainEvent, ServerMessage, ServerMessageName } from '@quizbus/shared';
import { outboundFor, playerList, responseWall, teamRows, type GameState, type Personal, type ThrottledWhat } from '../engine/index.ts';
import type { Clock, Timer } from '../ports/clock.ts';
import { rooms } from './rooms.ts';
import { SplicedMessage } from './spliced-message.ts';
import type { QuizbusServer, QuizbusSocket } from './socket-types.ts';

export interface FanoutOptions {
  /** Pace of the answered-count to host and display. */
  answersEveryMs: number;
  /** Pace of the player list to host and display. */
  playersEveryMs: number;
}

interface Throttle {
  timer: Timer | null;
  dirty: boolean;
}

/**
 * Delivers events to this node's sockets. Room-wide messages go out as one broadcast (encoded
 * once by Socket.IO); personal ones only to the sockets of that player here; counts and lists
 * at a fixed pace, never one message per answer.
 */
export class Fanout {
  private readonly players = new Map<string, Map<string, Set<QuizbusSocket>>>();
  private readonly throttles = new Map<string, Throttle>();

  constructor(
    private readonly io: QuizbusServer,
    private readonly clock: Clock,
    private readonly stateOf: (gameId: string) => GameState | undefined,
    private readonly options: FanoutOptions,
  ) {}

  /** Sends what one event means to this node's sockets in its game. */
  deliver(event: DomainEvent, state: GameState): void {
    const gameId = event.gameId;
    for (const out of outboundFor(event, state, this.clock.now())) {
      switch (out.to) {
        case 'everyone':
          this.broadcast(rooms.everyone(gameId), out.name, out.payload);
          break;
        case 'screens':
          this.broadcast(rooms.screens(gameId), out.name, out.payload);
          break;
        case 'players':
          this.broadcast([rooms.players(gameId)], out.name, out.payload);
          break;
        case 'each-player':
          if (out.splice) {
            const message = new SplicedMessage(out.splice.name, out.splice.shared, out.splice.key);
            for (const [playerId, sockets] of this.players.get(gameId) ?? []) message.send(sockets, out.splice.own(playerId));
            break;
          }
          for (const [playerId, sockets] of this.players.get(gameId) ?? []) {
            const message = out.build(playerId);
            if (message) for (const s of sockets) sendPersonal(s, message);
          }
          break;
        case 'player':
          for (const s of [...(this.players.get(gameId)?.get(out.playerId) ?? [])]) {
            sendPersonal(s, out.message);
            if (out.disconnect) s.disconnect(true);
          }
          break;
        case 'screens-throttled':
          this.markDirty(gameId, out.what);
          break;
      }
    }
  }

  private broadcast<K extends ServerMessageName>(to: string[], name: K, payload: ServerMessage<ServerMessageName>): void {
    // The engine pairs each name with its payload; the emit signature cannot see that pairing.
    (this.io.to(to).emit as (n: string, p: unknown) => boolean)(name, payload);
  }

  private markDirty(gameId: string, what: ThrottledWhat): void {
    const key = `${gameId}|${what}`;
    const t = this.throttles.get(key) ?? { timer: null, dirty: false };
    this.throttles.set(key, t);
    t.dirty = true;
    if (t.timer) return;
    const every = what === 'players' ? this.options.playersEveryMs : this.options.answersEveryMs;
    t.timer = this.clock.setTimer(this.clock.now() + every, () => {
      t.timer = null;
      if (!t.dirty) return;
      t.dirty = false;
      this.flush(gameId, what);
    });
  }

  private flush(gameId: string, what: ThrottledWhat): void {
    const s = this.stateOf(gameId);
    if (!s) return;
    if (what === 'wall') {
      // Two copies: the host's holds every filtered-through answer, the display's only what it may show.
      for (const role of ['host', 'display'] as const) {
        const wall = responseWall(s, role);
        if (wall) this.io.to(rooms[role](gameId)).emit('wall.updated', { seq: s.seq, wall });
      }
    } else if (what === 'players') {
      const teams = teamRows(s);
      const payload = { seq: s.seq, playerCount: s.activeCount, locked: s.locked, players: playerList(s), ...(teams && { teams }) };
      this.io.to(rooms.screens(gameId)).emit('players.updated', payload);
    } else if (s.current && (s.phase === 'open' || s.phase === 'reading')) {
      const payload = { seq: s.seq, index: s.current.index, answered: s.current.answered, total: s.activeCount - s.current.lateJoiners.size };
      this.io.to(rooms.screens(gameId)).emit('answers.counted', payload);
    }
  }

  /** Remembers a player's socket on this node, for personal messages. */
  addPlayerSocket(gameId: string, playerId: string, socket: QuizbusSocket): void {
    const game = this.players.get(gameId) ?? new Map<string, Set<QuizbusSocket>>();
    this.players.set(gameId, game);
    const set = game.get(playerId) ?? new Set();
    game.set(playerId, set);
    set.add(socket);
  }

  /** How many sockets the player has on this node. */
  playerSocketCount(gameId: string, playerId: string): number {
    return this.players.get(gameId)?.get(playerId)?.size ?? 0;
  }

  /** Forgets a socket; returns how many sockets the player still has on this node. */
  removePlayerSocket(gameId: string, playerId: string, socket: QuizbusSocket): number {
    const game = this.players.get(gameId);
    const set = game?.get(playerId);
    if (!game || !set) return 0;
    set.delete(socket);
    if (set.size === 0) game.delete(playerId);
    if (game.size === 0) this.players.delete(gameId);
    return set.size;
  }

  /** A game was removed: drop its throttles and disconnect its sockets here. */
  gameRemoved(gameId: string): void {
    for (const what of ['players', 'answers', 'wall'] as const) {
      const key = `${gameId}|${what}`;
      this.throttles.get(key)?.timer?.cancel();
      this.throttles.delete(key);
    }
    this.players.delete(gameId);
    this.io.in(rooms.everyone(gameId)).disconnectSockets(true);
  }

  /** Pending throttle timers (for leak checks). */
  get pendingTimers(): number {
    let n = 0;
    for (const t of this.throttles.values()) if (t.timer) n += 1;
    return n;
  }
}

function sendPersonal(socket: QuizbusSocket, message: Personal): void {
  (socket.emit as (n: string, p: unknown) => boolean)(message.name, message.payload);
}
