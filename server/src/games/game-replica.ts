import type { DomainEvent } from '@quizbus/shared';
import type { Logger } from 'pino';
import { evolve, replay, type GameState } from '../engine/index.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { EventSink } from './game-runtime.ts';

interface Waiter {
  seq: number;
  done: (reached: boolean) => void;
}

/**
 * A read copy of a game that another node owns, kept for this node's sockets: built from the
 * log, then advanced by the events heard on the bus through the same `evolve`. A gap in the
 * seqs (a message lost while Redis was away) is filled from the log, so the copy never skips.
 */
export class GameReplica {
  private queue: Promise<void> = Promise.resolve();
  private waiters: Waiter[] = [];
  private closed = false;

  private constructor(
    private state: GameState,
    private readonly log: EventLog,
    private readonly sink: EventSink,
    private readonly logger: Logger,
  ) {}

  /** Builds a replica from the log; null if the game has no log. */
  static async load(gameId: string, log: EventLog, sink: EventSink, logger: Logger): Promise<GameReplica | null> {
    const state = replay(await log.read(gameId));
    return state ? new GameReplica(state, log, sink, logger) : null;
  }

  /** Continues from a state this node already holds (it was the owner until now). */
  static from(state: GameState, log: EventLog, sink: EventSink, logger: Logger): GameReplica {
    return new GameReplica(state, log, sink, logger);
  }

  get current(): GameState {
    return this.state;
  }

  /** Applies events heard on the bus, in order, filling any gap from the log. */
  receive(events: readonly DomainEvent[]): Promise<void> {
    return this.enqueue(async () => {
      // One macrotask first. A relayed ack and the events after it come over the same Redis
      // connection, often in one read: the ack reaches its socket through a few promise steps,
      // and applying these events at once (fanning out `player.final`, say) would overtake it.
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const e of events) {
        if (e.seq <= this.state.seq) continue;
        if (e.seq > this.state.seq + 1) await this.fill();
        if (e.seq === this.state.seq + 1) this.apply(e);
      }
    });
  }

  /** Reads whatever the log holds beyond this copy (after a reconnect, before a takeover). */
  catchUp(): Promise<void> {
    return this.enqueue(() => this.fill());
  }

  /** Resolves true once the copy has reached `seq`; false if it is closed or time runs out. */
  reach(seq: number, timeoutMs: number): Promise<boolean> {
    if (this.state.seq >= seq) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => waiter.done(false), timeoutMs);
      const waiter: Waiter = {
        seq,
        done: (reached) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(reached);
        },
      };
      this.waiters.push(waiter);
      // The event may already be in the log while its bus message is still on the way. The
      // waiter is the one who waits (with its timeout); catchUp never rejects (enqueue logs).
      void this.catchUp();
    });
  }

  /** Stops applying; pending waiters are dropped. */
  close(): void {
    this.closed = true;
    for (const w of [...this.waiters]) w.done(false);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((err: unknown) => {
      this.logger.warn({ gameId: this.state.gameId, err }, 'replica could not catch up');
    });
    this.queue = next;
    return next;
  }

  private async fill(): Promise<void> {
    for (const e of await this.log.read(this.state.gameId, this.state.seq)) {
      if (e.seq === this.state.seq + 1) this.apply(e);
    }
  }

  private apply(e: DomainEvent): void {
    if (this.closed) return;
    this.state = evolve(this.state, e);
    this.sink(e, this.state);
    for (const w of this.waiters.filter((w) => w.seq <= this.state.seq)) w.done(true);
  }
}
