/** A scheduled call; `cancel()` makes sure it does not run. */
export interface WheelTimer {
  cancel(): void;
}

interface Entry {
  fn: () => void;
  cancelled: boolean;
}

/**
 * Many timers for the price of one. A load generator arms one answer timer per bot per
 * question — ten thousand at random delays — and Node's timers keep one list per distinct
 * duration: creating and firing 5,000 such timers took 138 ms and 178 ms of CPU here
 * (docs/benchmarks.md), time the generator then lacks for receiving. This wheel keeps calls in
 * slots of `resolutionMs` and walks them with one interval, which runs only while calls wait.
 */
export class TimerWheel {
  private readonly slots = new Map<number, Entry[]>();
  private pending = 0;
  private lastSlot: number;
  private interval: NodeJS.Timeout | null = null;

  constructor(private readonly resolutionMs = 5) {
    this.lastSlot = Math.floor(Date.now() / resolutionMs);
  }

  /** Calls `fn` after about `delayMs` (rounded up to the wheel's resolution). */
  after(delayMs: number, fn: () => void): WheelTimer {
    const slot = Math.max(this.lastSlot + 1, Math.ceil((Date.now() + Math.max(0, delayMs)) / this.resolutionMs));
    const entry: Entry = { fn, cancelled: false };
    const list = this.slots.get(slot);
    if (list) list.push(entry);
    else this.slots.set(slot, [entry]);
    this.pending += 1;
    this.interval ??= setInterval(() => this.turn(), this.resolutionMs);
    return {
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  private turn(): void {
    const now = Math.floor(Date.now() / this.resolutionMs);
    for (let slot = this.lastSlot + 1; slot <= now; slot += 1) {
      const list = this.slots.get(slot);
      if (!list) continue;
      this.slots.delete(slot);
      this.pending -= list.length;
      for (const e of list) if (!e.cancelled) e.fn();
    }
    this.lastSlot = now;
    if (this.pending === 0 && this.interval) {
      clearInterval(this.interval);
      this.interval = null;
    }
  }
}

/** The wheel every bot of a process shares. */
export const botTimers = new TimerWheel();
