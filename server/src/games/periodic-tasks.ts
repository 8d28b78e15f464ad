import type { Logger } from 'pino';
import type { Clock, Timer } from '../ports/clock.ts';

/**
 * A node's periodic upkeep (sweep, lease renewal, orphan scan) on its clock. A task is re-armed
 * only after its run settles, so a slow run never overlaps the next one.
 */
export class PeriodicTasks {
  private readonly timers: Timer[] = [];
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Runs `task` every `ms`, counted from the end of the previous run, until closed. */
  every(ms: number, task: () => Promise<void>): void {
    const arm = () => {
      const t = this.clock.setTimer(this.clock.now() + ms, () => {
        void task()
          .catch((err: unknown) => this.logger.warn({ err }, 'periodic task failed'))
          .finally(() => {
            const i = this.timers.indexOf(t);
            if (i >= 0) this.timers.splice(i, 1);
            if (!this.closed) arm();
          });
      });
      this.timers.push(t);
    };
    arm();
  }

  /** Cancels every pending run; a run under way finishes but is not re-armed. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) t.cancel();
    this.timers.length = 0;
  }
}
