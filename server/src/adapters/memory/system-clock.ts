import type { Clock, Timer } from '../../ports/clock.ts';

// setTimeout's delay is a signed 32-bit value; longer waits are chained.
const MAX_DELAY = 2_147_483_647;

/** The real clock: Date.now and setTimeout, chained for long waits. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(at: number, fn: () => void): Timer {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      const delay = Math.max(0, at - Date.now());
      handle = setTimeout(() => {
        if (cancelled) return;
        if (Date.now() < at) arm();
        else fn();
      }, Math.min(delay, MAX_DELAY));
      handle.unref?.();
    };
    arm();
    return {
      cancel: () => {
        cancelled = true;
        if (handle) clearTimeout(handle);
      },
    };
  }
}
