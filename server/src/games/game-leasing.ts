import type { Logger } from 'pino';
import type { GameLeases } from '../ports/game-leases.ts';
import type { GameRuntime } from './game-runtime.ts';
import type { PeriodicTasks } from './periodic-tasks.ts';

/** What leasing needs of the games a node owns; the node keeps them, leasing decides when. */
export interface LeasedGames {
  ownedIds(): string[];
  owns(gameId: string): boolean;
  /** A runtime for a game from its read copy or its log; null if there is no such game. */
  restore(gameId: string): Promise<GameRuntime | null>;
  /** Starts owning a game: serve its commands, drop its read copy. */
  own(runtime: GameRuntime): void;
  /** Gives a game up but keeps a read copy if sockets here need it. */
  demote(gameId: string): Promise<void>;
  /** Stops a game here and stops serving its commands, keeping nothing. */
  letGo(gameId: string): Promise<unknown>;
}

export interface GameLeasingOptions {
  nodeId: string;
  leases: GameLeases;
  logger: Logger;
  /** Several nodes share games: renew leases, take over orphans. Off on the embedded default. */
  cluster: boolean;
  leaseMs?: number;
}

/**
 * A node's leases on its games: renews them every third of their TTL, takes over games whose
 * lease has lapsed (at most one attempt per game at a time) and hands every game over at
 * shutdown. Alone, a node simply holds its leases for good.
 */
export class GameLeasing {
  private readonly taking = new Map<string, Promise<boolean>>();
  private readonly leaseMs: number;
  private closed = false;

  constructor(
    private readonly o: GameLeasingOptions,
    private readonly games: LeasedGames,
    tasks: PeriodicTasks,
  ) {
    this.leaseMs = o.leaseMs ?? 5000;
    if (o.cluster) {
      tasks.every(Math.floor(this.leaseMs / 3), () => this.renew());
      tasks.every(1000, () => this.adoptOrphans());
    }
  }

  /** How long a lease taken now lasts. */
  ttl(): number {
    // Alone, a node owns its games for good; in a cluster the lease lapses unless renewed.
    return this.o.cluster ? this.leaseMs : 365 * 24 * 3600 * 1000;
  }

  /**
   * Takes a game whose lease is free: catch up from the log, own it, resume its timers. One
   * attempt per game at a time: the orphan scan and a forwarded command may both try.
   */
  takeOver(gameId: string): Promise<boolean> {
    let pending = this.taking.get(gameId);
    if (!pending) {
      pending = this.tryTakeOver(gameId).finally(() => this.taking.delete(gameId));
      this.taking.set(gameId, pending);
    }
    return pending;
  }

  private async tryTakeOver(gameId: string): Promise<boolean> {
    if (this.closed || this.games.owns(gameId)) return this.games.owns(gameId);
    if (!(await this.o.leases.acquire(gameId, this.o.nodeId, this.ttl()))) return false;
    const runtime = await this.games.restore(gameId);
    if (!runtime || this.games.owns(gameId)) {
      if (!runtime) await this.o.leases.release(gameId, this.o.nodeId);
      return this.games.owns(gameId);
    }
    this.games.own(runtime);
    this.o.logger.info({ gameId, seq: runtime.current.seq }, 'took over game');
    return true;
  }

  private async renew(): Promise<void> {
    const lost = await this.o.leases.renew(this.games.ownedIds(), this.o.nodeId, this.leaseMs);
    for (const id of lost) {
      this.o.logger.warn({ gameId: id }, 'lease lost');
      await this.games.demote(id);
    }
  }

  private async adoptOrphans(): Promise<void> {
    for (const id of await this.o.leases.orphans()) await this.takeOver(id);
  }

  /** Hands every owned game over at once (SIGTERM): stop, release leases; others adopt them. */
  async handOver(): Promise<void> {
    for (const gameId of this.games.ownedIds()) {
      await this.games.letGo(gameId);
      // Unreleased, the lease simply expires (LEASE_MS) and another node adopts the game then.
      await this.o.leases.release(gameId, this.o.nodeId).catch(() => undefined);
    }
  }

  /** No more takeovers (shutdown). */
  close(): void {
    this.closed = true;
  }
}
