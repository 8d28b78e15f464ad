import type { Clock, Timer } from '../../ports/clock.ts';

interface Pending {
  at: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A clock that moves only when told. `advance` runs due timers in deadline order, so tests of
 * read times, deadlines and idle limits run instantly and never sleep.
 */
export class FakeClock implements Clock {
  private pending: Pending[] = [];
  private order = 0;

  constructor(private current = Date.UTC(2026, 0, 1, 9, 0, 0)) {}

  now(): number {
    return this.current;
  }

  setTimer(at: number, fn: () => void): Timer {
    const p: Pending = { at, order: this.order++, fn, cancelled: false };
    this.pending.push(p);
    return { cancel: () => void (p.cancelled = true) };
  }

  /** Timers not yet run or cancelled. */
  get timerCount(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  /** Moves time forward by ms, running every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  /** Moves time to `at`, running due timers in order and letting their promises settle. */
  async advanceTo(at: number): Promise<void> {
    for (;;) {
      await settle();
      this.pending = this.pending.filter((p) => !p.cancelled);
      const next = this.pending.filter((p) => p.at <= at).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.current = Math.max(this.current, next.at);
      next.cancelled = true;
      next.fn();
    }
    this.current = Math.max(this.current, at);
    await settle();
  }
}

/** Lets queued promise callbacks and I/O callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
