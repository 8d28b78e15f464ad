/** p50, p95, p99 and max of a set of samples, in the unit of the samples. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentiles (the smallest sample with at least p% of the samples at or below
 * it), rounded to 0.1. Sorts a copy; NaN throughout when there are no samples, so a missing
 * measurement shows as such instead of as a flattering zero.
 */
export function percentiles(samples: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const at = (p: number) => (n === 0 ? Number.NaN : round1(sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] as number));
  return { p50: at(50), p95: at(95), p99: at(99), max: n === 0 ? Number.NaN : round1(sorted[n - 1] as number) };
}

/** Rounds to one decimal. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
