import { describe, expect, it } from 'vitest';
import type { RateBuckets } from '../rate-buckets.ts';

/** The behaviour every RateBuckets must have; two instances stand for two nodes on one store. */
export function rateBucketsContract(name: string, make: () => Promise<{ a: RateBuckets; b: RateBuckets; done: () => Promise<void> }>): void {
  const rule = { capacity: 3, perMs: 1 / 1000 }; // 3 at once, then one a second
  describe(`RateBuckets contract: ${name}`, () => {
    it('gives a key its burst, then refuses with the wait, and refills with time', async () => {
      const { a, done } = await make();
      try {
        const now = 1_000_000;
        expect(await Promise.all([a.take('joins:x', rule, now), a.take('joins:x', rule, now), a.take('joins:x', rule, now)])).toEqual([0, 0, 0]);
        expect(await a.take('joins:x', rule, now)).toBe(1000);
        expect(await a.wait('joins:x', rule, now + 400)).toBe(600);
        expect(await a.take('joins:y', rule, now)).toBe(0); // another address has its own
        expect(await a.wait('joins:x', rule, now + 1000)).toBe(0);
        expect(await a.take('joins:x', rule, now + 1000)).toBe(0);
        expect(await a.take('joins:x', rule, now + 1000)).toBeGreaterThan(0);
      } finally {
        await done();
      }
    });

    it('shares one budget between the nodes on the store', async () => {
      const { a, b, done } = await make();
      try {
        const now = 2_000_000;
        expect(await a.take('games:z', rule, now)).toBe(0);
        expect(await b.take('games:z', rule, now)).toBe(0);
        expect(await a.take('games:z', rule, now)).toBe(0);
        expect(await b.take('games:z', rule, now)).toBeGreaterThan(0);
        expect(await a.wait('games:z', rule, now)).toBeGreaterThan(0);
      } finally {
        await done();
      }
    });
  });
}
