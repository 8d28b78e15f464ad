import type { Clock, Timer } from '../../ports/clock.ts';

// setTimeout's delay is a signed 32-bit value; longer waits are chained.
const MAX_DELAY = 2_147_483_647;

/** The real clock: Date.now and setTimeout, chained for long waits. */
export class SystemClock implements Clock {
  /** Timers set and neither fired nor cancelled, in this process: a leak shows as growth (GET /metrics). */
  static pending = 0;

  now(): number {
    return Date.now();
  }

  setTimer(at: number, fn: () => void): Timer {
    let handle: NodeJS.Timeout | undefined;
    let done = false;
    SystemClock.pending += 1;
    const finish = () => {
      done = true;
      SystemClock.pending -= 1;
    };
    const arm = (): void => {
      const delay = Math.max(0, at - Date.now());
      handle = setTimeout(() => {
        if (done) return;
        if (Date.now() < at) arm();
        else {
          finish();
          fn();
        }
      }, Math.min(delay, MAX_DELAY));
      handle.unref?.();
    };
    arm();
    return {
      cancel: () => {
        if (done) return;
        finish();
        if (handle) clearTimeout(handle);
      },
    };
  }
}
