import { describe, expect, it } from 'vitest';
import type { CommandRelay } from '../command-relay.ts';

/** The behaviour every CommandRelay must have; `a` and `b` stand for two nodes. */
export function commandRelayContract(
  name: string,
  make: () => Promise<{ a: CommandRelay<unknown, unknown>; b: CommandRelay<unknown, unknown>; done: () => Promise<void> }>,
): void {
  describe(`CommandRelay contract: ${name}`, () => {
    it('carries a command to the serving node and its reply back', async () => {
      const { a, b, done } = await make();
      try {
        await b.serve('g1', async (c) => ({ echoed: c, by: 'b' }));
        const result = await a.send('g1', { type: 'join', nickname: 'Ann' }, 2000);
        expect(result).toEqual({ kind: 'reply', reply: { echoed: { type: 'join', nickname: 'Ann' }, by: 'b' } });
      } finally {
        await done();
      }
    });

    it('says at once when nobody serves the game', async () => {
      const { a, done } = await make();
      try {
        expect(await a.send('nobody', { type: 'x' }, 10_000)).toEqual({ kind: 'no-owner' });
      } finally {
        await done();
      }
    });

    it('times out when the owner does not answer', async () => {
      const { a, b, done } = await make();
      try {
        await b.serve('g1', () => new Promise(() => undefined));
        expect(await a.send('g1', { type: 'x' }, 200)).toEqual({ kind: 'timeout' });
      } finally {
        await done();
      }
    });

    it('stops serving after the unsubscribe', async () => {
      const { a, b, done } = await make();
      try {
        const stop = await b.serve('g1', async () => 'yes');
        await stop();
        expect(await a.send('g1', { type: 'x' }, 2000)).toEqual({ kind: 'no-owner' });
      } finally {
        await done();
      }
    });
  });
}
