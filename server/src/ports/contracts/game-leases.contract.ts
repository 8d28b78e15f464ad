import { describe, expect, it } from 'vitest';
import type { GameLeases } from '../game-leases.ts';

/**
 * The behaviour every GameLeases must have. `expire` makes a lease lapse as if its TTL ran out
 * (so the test does not wait for time).
 */
export function gameLeasesContract(
  name: string,
  make: () => Promise<{ leases: GameLeases; expire: (gameId: string) => Promise<void>; done: () => Promise<void> }>,
): void {
  describe(`GameLeases contract: ${name}`, () => {
    it('gives a game to one node; the holder can renew, others cannot take it', async () => {
      const { leases, done } = await make();
      try {
        expect(await leases.acquire('g1', 'a', 5000)).toBe(true);
        expect(await leases.acquire('g1', 'b', 5000)).toBe(false);
        expect(await leases.acquire('g1', 'a', 5000)).toBe(true);
        expect(await leases.owner('g1')).toBe('a');
        expect(await leases.renew(['g1'], 'a', 5000)).toEqual([]);
        expect(await leases.renew(['g1'], 'b', 5000)).toEqual(['g1']);
        // Many games at once (on a cluster their keys sit on different slots): only the ones not held come back.
        await leases.acquire('g2', 'a', 5000);
        await leases.acquire('g3', 'b', 5000);
        expect(await leases.renew(['g1', 'g2', 'g3', 'g4'], 'a', 5000)).toEqual(['g3', 'g4']);
      } finally {
        await done();
      }
    });

    it('lets another node take a lapsed or released lease, and the old holder learns it lost it', async () => {
      const { leases, expire, done } = await make();
      try {
        await leases.acquire('g1', 'a', 5000);
        await expire('g1');
        expect(await leases.owner('g1')).toBeNull();
        expect(await leases.acquire('g1', 'b', 5000)).toBe(true);
        expect(await leases.renew(['g1'], 'a', 5000)).toEqual(['g1']);
        await leases.release('g1', 'a'); // not the holder: no effect
        expect(await leases.owner('g1')).toBe('b');
        await leases.release('g1', 'b');
        expect(await leases.owner('g1')).toBeNull();
      } finally {
        await done();
      }
    });

    it('lists live games that nobody owns', async () => {
      const { leases, done } = await make();
      try {
        await leases.track('g1');
        await leases.track('g2');
        await leases.acquire('g1', 'a', 5000);
        expect(await leases.orphans()).toEqual(['g2']);
        await leases.untrack('g2');
        expect(await leases.orphans()).toEqual([]);
      } finally {
        await done();
      }
    });

    it('lets exactly one of many concurrent acquirers win', async () => {
      const { leases, done } = await make();
      try {
        const wins = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => leases.acquire('g7', n, 5000)));
        expect(wins.filter(Boolean)).toHaveLength(1);
      } finally {
        await done();
      }
    });
  });
}
