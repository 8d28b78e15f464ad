import type { DomainEvent } from '@quizbus/shared';
import type { Logger } from 'pino';
import type { GameState } from '../engine/index.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { BusMessage, GameBus } from '../ports/game-bus.ts';
import { GameReplica } from './game-replica.ts';
import type { EventSink } from './game-runtime.ts';

export interface WatchedGamesOptions {
  nodeId: string;
  log: EventLog;
  bus: GameBus;
  logger: Logger;
  /** Hands each committed event, with the state after it, to this node's sockets. */
  sink: EventSink;
  /** Called when a game is gone (removed), so its rooms can be closed. */
  onRemoved: (gameId: string) => void;
  /** Whether this node owns a game now: its events start here, so no copy is kept. */
  owns: (gameId: string) => boolean;
}

interface Watched {
  sockets: number;
  /** The bus subscription; null while this node owns the game (its events start here). */
  unsubscribe: Promise<() => Promise<void>> | null;
}

/**
 * The games this node's sockets are in, with a read copy of each one owned elsewhere: built
 * from the log, kept current from the bus.
 */
export class WatchedGames {
  private readonly watched = new Map<string, Watched>();
  private readonly replicas = new Map<string, GameReplica>();
  /** Events heard for a game while its copy is being read from the log. */
  private readonly heldBack = new Map<string, DomainEvent[]>();

  constructor(private readonly o: WatchedGamesOptions) {}

  /** Games this node has sockets in. */
  get count(): number {
    return this.watched.size;
  }

  /** The read copy of a game, if this node keeps one. */
  replica(gameId: string): GameReplica | undefined {
    return this.replicas.get(gameId);
  }

  /** Reads a copy of a game from the log, unless one is held already; none if there is no such game. */
  async load(gameId: string): Promise<void> {
    this.watch(gameId);
    const w = this.watched.get(gameId);
    if (w && !w.unsubscribe) w.unsubscribe = this.subscribe(gameId); // owned a moment ago
    await w?.unsubscribe; // subscribed before reading: nothing falls between
    this.heldBack.set(gameId, []);
    try {
      const replica = await GameReplica.load(gameId, this.o.log, this.o.sink, this.o.logger);
      if (!replica) return;
      if (!this.o.owns(gameId) && !this.replicas.has(gameId)) this.replicas.set(gameId, replica);
      await this.replicas.get(gameId)?.receive(this.heldBack.get(gameId) ?? []);
    } finally {
      this.heldBack.delete(gameId);
    }
  }

  /** A socket here is in this game: keep its events coming. */
  retain(gameId: string): void {
    this.watch(gameId);
    const w = this.watched.get(gameId);
    if (w) w.sockets += 1;
  }

  /** A socket here left the game; with none left, stop listening and drop the copy. */
  release(gameId: string): void {
    const w = this.watched.get(gameId);
    if (!w) return;
    w.sockets -= 1;
    if (w.sockets > 0) return;
    this.watched.delete(gameId);
    // Not awaited (the last socket is leaving); unsubscribing fails only with the bus
    // unreachable, and then no message reaches the dropped handler anyway (same in forget()).
    void w.unsubscribe?.then((off) => off()).catch(() => undefined);
    this.drop(gameId);
  }

  /** Drops the read copy of a game (this node now owns it), still listening if watched. */
  drop(gameId: string): void {
    this.replicas.get(gameId)?.close();
    this.replicas.delete(gameId);
  }

  /** This node gave a game up: if sockets here need it, keep a copy from its last state on. */
  demoted(state: GameState): void {
    const w = this.watched.get(state.gameId);
    if (!w) return;
    w.unsubscribe ??= this.subscribe(state.gameId);
    const replica = GameReplica.from(state, this.o.log, this.o.sink, this.o.logger);
    this.replicas.set(state.gameId, replica);
    // The copy reads the log in the background; its queue logs a failure and never rejects.
    void replica.catchUp();
  }

  /** The game is gone everywhere: drop its copy, stop listening, close its rooms. */
  forget(gameId: string): void {
    this.drop(gameId);
    const w = this.watched.get(gameId);
    this.watched.delete(gameId);
    if (w) void w.unsubscribe?.then((off) => off()).catch(() => undefined);
    this.o.onRemoved(gameId);
  }

  /** Fills every copy from the log: after the bus was away, messages may have been lost. */
  async resync(): Promise<void> {
    await Promise.all([...this.replicas.values()].map((r) => r.catchUp()));
  }

  /** Closes every copy (shutdown). */
  close(): void {
    for (const r of this.replicas.values()) r.close();
  }

  private watch(gameId: string): void {
    if (this.watched.has(gameId)) return;
    this.watched.set(gameId, { sockets: 0, unsubscribe: this.o.owns(gameId) ? null : this.subscribe(gameId) });
  }

  private subscribe(gameId: string): Promise<() => Promise<void>> {
    const unsubscribe = this.o.bus.subscribe(gameId, (m) => this.heard(gameId, m));
    unsubscribe.catch((err: unknown) => this.o.logger.warn({ gameId, err }, 'could not subscribe'));
    return unsubscribe;
  }

  private heard(gameId: string, message: BusMessage): void {
    if (this.o.owns(gameId) || message.origin === this.o.nodeId) return;
    if (message.removed) {
      this.forget(gameId);
      return;
    }
    const replica = this.replicas.get(gameId);
    // Applied in order on the replica's own queue, which logs failures and never rejects.
    if (replica) void replica.receive(message.events);
    else this.heldBack.get(gameId)?.push(...message.events);
  }
}
