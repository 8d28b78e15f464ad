import { describe, expect, it } from 'vitest';
import type { GameDirectory } from '../game-directory.ts';

/** The behaviour every GameDirectory must have. */
export function gameDirectoryContract(name: string, make: () => Promise<{ dir: GameDirectory; done: () => Promise<void> }>): void {
  describe(`GameDirectory contract: ${name}`, () => {
    it('gives a PIN to one live game at a time', async () => {
      const { dir, done } = await make();
      try {
        expect(await dir.claim('123456', 'g1')).toBe(true);
        expect(await dir.claim('123456', 'g2')).toBe(false);
        expect(await dir.lookup('123456')).toBe('g1');
        await dir.release('123456', 'g2'); // not the holder: no effect
        expect(await dir.lookup('123456')).toBe('g1');
        await dir.release('123456', 'g1');
        expect(await dir.lookup('123456')).toBeNull();
        expect(await dir.claim('123456', 'g2')).toBe(true);
      } finally {
        await done();
      }
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const { dir, done } = await make();
      try {
        const wins = await Promise.all(Array.from({ length: 10 }, (_, i) => dir.claim('000042', `g${i}`)));
        expect(wins.filter(Boolean)).toHaveLength(1);
      } finally {
        await done();
      }
    });
  });
}
