/** A scheduled callback that can be cancelled. */
export interface Timer {
  cancel(): void;
}

/**
 * Time for the runtime: what time it is, and run something at an absolute moment. Game timers
 * are set from absolute deadlines (closesAt), so a game rebuilt elsewhere resumes them exactly.
 * Tests use a fake clock and never sleep.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` once at `at` (ms since the epoch), or as soon as possible if that has passed. */
  setTimer(at: number, fn: () => void): Timer;
}
