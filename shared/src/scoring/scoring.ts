/**
 * Scoring rules of DESIGN.md, as pure functions. Every number here is documented in
 * docs/scoring.md; the table tests in scoring.test.ts pin each rule.
 */

/** Responses faster than this earn the question's full points. */
export const FULL_POINTS_WITHIN_MS = 500;
/** Streak bonus per step and its ceiling. */
export const STREAK_STEP = 100;
export const STREAK_CAP = 500;

/**
 * Points for a correct answer: `round(P * (1 - (t / T) / 2))`, full P under 0.5 s, no speed
 * factor in accuracy mode. `t` is clamped to [0, T] so a clock edge can never give more than P
 * or less than P/2.
 */
export function speedPoints(points: number, responseMs: number, limitMs: number, accuracyMode: boolean): number {
  if (points <= 0) return 0;
  if (accuracyMode || responseMs < FULL_POINTS_WITHIN_MS) return points;
  const t = Math.min(Math.max(responseMs, 0), limitMs);
  return Math.round(points * (1 - t / limitMs / 2));
}

/** Bonus for the n-th correct answer in a row (n ≥ 1): `min(100 * (n - 1), 500)`. */
export function streakBonus(n: number): number {
  if (n <= 1) return 0;
  return Math.min(STREAK_STEP * (n - 1), STREAK_CAP);
}

/**
 * Share of the points for a multi-select answer: (correct picks − wrong picks) / number of
 * correct options, floored at 0. A full, exact answer is 1.
 */
export function multiSelectShare(picks: readonly number[], correct: readonly number[]): number {
  if (correct.length === 0) return 0;
  const right = new Set(correct);
  let good = 0;
  let bad = 0;
  for (const p of new Set(picks)) {
    if (right.has(p)) good += 1;
    else bad += 1;
  }
  return Math.max(0, (good - bad) / correct.length);
}
