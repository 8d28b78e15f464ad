import { describe, expect, it } from 'vitest';
import { partsOf } from './game-parts.ts';

describe('partsOf: a generator share of the players of many games', () => {
  const pins = ['111111', '222222', '333333'];

  it('splits a share that spans games at the game boundaries', () => {
    // Players 1–4 are game 1, 5–8 game 2, 9–12 game 3; this generator takes 3 to 10.
    expect(partsOf(pins, 4, 3, 8)).toEqual([
      { pin: '111111', count: 2, firstNumber: 3 },
      { pin: '222222', count: 4, firstNumber: 5 },
      { pin: '333333', count: 2, firstNumber: 9 },
    ]);
  });

  it('gives every player of every game to exactly one generator', () => {
    const shares = [5, 4, 3];
    let first = 1;
    const all = shares.flatMap((count) => {
      const parts = partsOf(pins, 4, first, count);
      first += count;
      return parts;
    });
    for (const pin of pins) expect(all.filter((p) => p.pin === pin).reduce((n, p) => n + p.count, 0)).toBe(4);
  });
});
