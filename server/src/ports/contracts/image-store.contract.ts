import { describe, expect, it } from 'vitest';
import type { ImageStore } from '../image-store.ts';

const NAME = `${'ab'.repeat(32)}.png`;
const OTHER = `${'cd'.repeat(32)}.gif`;

/**
 * The behaviour every ImageStore must have. `make` gives two stores over the same storage
 * (two nodes, or one node and its restart), so what one stores the other serves.
 */
export function imageStoreContract(name: string, make: () => Promise<{ a: ImageStore; b: ImageStore; done: () => Promise<void> }>): void {
  describe(`ImageStore contract: ${name}`, () => {
    it('serves the stored bytes exactly, from the other store too, and nothing for an unknown name', async () => {
      const { a, b, done } = await make();
      try {
        const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x0a]);
        expect(await a.put(NAME, bytes)).toBe(true);
        expect(await a.get(NAME)).toEqual(bytes);
        expect(await b.get(NAME)).toEqual(bytes);
        expect(await b.get(OTHER)).toBeNull();
      } finally {
        await done();
      }
    });

    it('stores a name once: a second put changes nothing and says so', async () => {
      const { a, b, done } = await make();
      try {
        const first = Buffer.from('first');
        expect(await a.put(NAME, first)).toBe(true);
        expect(await b.put(NAME, Buffer.from('second'))).toBe(false);
        expect(await a.get(NAME)).toEqual(first);
        expect(await b.put(OTHER, Buffer.from('gif'))).toBe(true);
        expect(await a.get(OTHER)).toEqual(Buffer.from('gif'));
      } finally {
        await done();
      }
    });
  });
}
