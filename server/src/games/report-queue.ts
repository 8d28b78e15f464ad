import { performance } from 'node:perf_hooks';

/** What the queue reports as it works (the node's metrics). */
export interface ReportQueueObserver {
  /** Reports waiting or being built, after every change. */
  length(n: number): void;
  /** One report built and saved (or failed), taking `seconds` from its start. */
  done(seconds: number, ok: boolean): void;
  /** A report not queued because the queue was full: it is saved when its game is removed. */
  refused(): void;
}

export interface ReportQueueOptions {
  /** Reports built and saved at once; building is CPU work, so one or two. */
  concurrency: number;
  /** Reports that may wait; more are refused (REPORT_QUEUE_LENGTH). */
  maxLength: number;
  observer?: ReportQueueObserver;
}

interface Job {
  gameId: string;
  work: () => Promise<void>;
  settle: () => void;
}

/**
 * The reports of ended games, built and saved a few at a time off the path of live commands.
 * Building a report reads a game's whole log and walks it (an event-loop block of milliseconds
 * for a class); when hundreds of games end together, doing them all at once held every other
 * game's acks behind them. Each job starts on a fresh macrotask, so I/O (commands of other
 * games) runs between reports. Bounded: a full queue refuses, and the caller saves that
 * report later (when the game is removed), so memory stays bounded whatever ends at once.
 */
export class ReportQueue {
  private readonly waiting: Job[] = [];
  private readonly pending = new Map<string, Promise<void>>();
  private running = 0;

  constructor(private readonly o: ReportQueueOptions) {}

  /** Reports waiting or being built. */
  get length(): number {
    return this.waiting.length + this.running;
  }

  /**
   * Queues a game's report; resolves once it has run (its failures are the job's to handle).
   * Null if the queue is full; the pending promise if this game's report is already queued.
   */
  offer(gameId: string, work: () => Promise<void>): Promise<void> | null {
    const already = this.pending.get(gameId);
    if (already) return already;
    if (this.waiting.length >= this.o.maxLength) {
      this.o.observer?.refused();
      return null;
    }
    let settle = () => undefined as void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    this.pending.set(gameId, done);
    this.waiting.push({ gameId, work, settle });
    this.changed();
    this.pump();
    return done;
  }

  /** The promise of a game's queued or running report, if any. */
  pendingFor(gameId: string): Promise<void> | undefined {
    return this.pending.get(gameId);
  }

  /** Resolves once every queued report has run (shutdown waits for them). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending.values()]);
  }

  private pump(): void {
    while (this.running < this.o.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as Job;
      this.running += 1;
      // A macrotask between reports: socket reads and acks of other games go first.
      setImmediate(() => void this.run(job));
    }
  }

  private async run(job: Job): Promise<void> {
    const started = performance.now();
    let ok = true;
    try {
      await job.work();
    } catch {
      ok = false;
    }
    this.running -= 1;
    this.pending.delete(job.gameId);
    this.o.observer?.done((performance.now() - started) / 1000, ok);
    this.changed();
    job.settle();
    this.pump();
  }

  private changed(): void {
    this.o.observer?.length(this.length);
  }
}
