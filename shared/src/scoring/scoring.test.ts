import { describe, expect, it } from 'vitest';
import { multiSelectShare, speedPoints, streakBonus } from './scoring.ts';

describe('speedPoints: round(P * (1 - (t / T) / 2)), full P under 0.5 s', () => {
  it.each([
    // [case, P, t, T, accuracyMode, expected]
    ['t = 0 earns P', 1000, 0, 20_000, false, 1000],
    ['t just under 500 ms earns P', 1000, 499, 20_000, false, 1000],
    ['t = 500 ms already has the speed factor (987.5 rounds up)', 1000, 500, 20_000, false, 988],
    ['t = T/4', 1000, 5_000, 20_000, false, 875],
    ['t = T/2 earns 0.75 P', 1000, 10_000, 20_000, false, 750],
    ['t = T earns P/2', 1000, 20_000, 20_000, false, 500],
    ['t beyond T is clamped to P/2', 1000, 45_000, 20_000, false, 500],
    ['negative t (clock edge) earns P', 1000, -250, 20_000, false, 1000],
    ['negative t beyond 500 ms earns P', 1000, -5_000, 20_000, false, 1000],
    ['rounds down below .5 (833.33)', 1000, 1_000, 3_000, false, 833],
    ['rounds up above .5 (666.67)', 1000, 2_000, 3_000, false, 667],
    ['rounds .5 up (937.5)', 1000, 1_000, 8_000, false, 938],
    ['double points at T/2', 2000, 10_000, 20_000, false, 1500],
    ['double points at T', 2000, 20_000, 20_000, false, 1000],
    ['odd P at T/2 (1500 * 0.75 = 1125)', 1500, 5_000, 10_000, false, 1125],
    ['P = 0 earns nothing', 0, 10_000, 20_000, false, 0],
    ['P = 0 earns nothing even under 500 ms', 0, 100, 20_000, false, 0],
    ['P = 0 earns nothing in accuracy mode', 0, 100, 20_000, true, 0],
    ['accuracy mode at T earns P', 1000, 20_000, 20_000, true, 1000],
    ['accuracy mode at T/2 earns P', 1000, 10_000, 20_000, true, 1000],
    ['accuracy mode beyond T earns P', 2000, 99_000, 20_000, true, 2000],
  ])('%s', (_case, points, t, limit, accuracy, expected) => {
    expect(speedPoints(points, t, limit, accuracy)).toBe(expected);
  });

  it('never gives more than P or less than P/2 over the whole window', () => {
    const seen = new Set<number>();
    for (let t = -1_000; t <= 25_000; t += 250) {
      const p = speedPoints(1000, t, 20_000, false);
      expect(p).toBeGreaterThanOrEqual(500);
      expect(p).toBeLessThanOrEqual(1000);
      seen.add(p);
    }
    // Monotone non-increasing in t.
    const ordered = [...seen];
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    expect(seen.size).toBeGreaterThan(50);
  });
});

describe('streakBonus: the n-th correct answer in a row adds min(100 * (n - 1), 500)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 100],
    [3, 200],
    [4, 300],
    [5, 400],
    [6, 500],
    [7, 500],
    [8, 500],
    [50, 500],
  ])('n = %i → %i', (n, expected) => {
    expect(streakBonus(n)).toBe(expected);
  });
});

describe('multiSelectShare: (right picks − wrong picks) / correct options, floored at 0', () => {
  it.each([
    // [case, picks, correct, expected]
    ['exact answer', [0, 2], [0, 2], 1],
    ['exact answer, picked in another order', [2, 0], [0, 2], 1],
    ['single correct option, picked', [3], [3], 1],
    ['half of two correct', [0], [0, 2], 0.5],
    ['one of three correct', [1], [0, 1, 2], 1 / 3],
    ['two of three correct', [0, 2], [0, 1, 2], 2 / 3],
    ['all correct plus one wrong subtracts', [0, 1, 2], [0, 2], 0.5],
    ['two right, one wrong of three', [0, 1, 3], [0, 1, 2], 1 / 3],
    ['one right, one wrong cancels to 0', [0, 1], [0, 2], 0],
    ['more wrong than right is floored at 0', [0, 1, 3], [0, 2], 0],
    ['only wrong picks', [1, 3], [0, 2], 0],
    ['every option picked', [0, 1, 2, 3], [0, 2], 0],
    ['no picks', [], [0, 2], 0],
    ['a repeated right pick counts once', [0, 0], [0, 2], 0.5],
    ['a repeated right pick cannot reach the full share', [0, 0, 0], [0, 2, 3], 1 / 3],
    ['a repeated wrong pick subtracts once', [0, 2, 1, 1], [0, 2], 0.5],
    ['no correct options at all gives 0', [0], [], 0],
  ])('%s', (_case, picks, correct, expected) => {
    expect(multiSelectShare(picks, correct)).toBeCloseTo(expected, 12);
  });
});
