import { describe, expect, it } from 'vitest';
import type { NodeHeartbeats } from '../node-heartbeats.ts';

/**
 * The behaviour every NodeHeartbeats must have. `pass(ms)` lets time go by (a fake clock for
 * the memory version; real time, with short TTLs, for Redis, whose keys expire by themselves).
 */
export function nodeHeartbeatsContract(name: string, make: () => Promise<{ beats: NodeHeartbeats; pass: (ms: number) => Promise<void>; done: () => Promise<void> }>): void {
  describe(`NodeHeartbeats contract: ${name}`, () => {
    it('knows a node alive while it beats and gone once its TTL ran out', async () => {
      const { beats, pass, done } = await make();
      try {
        await beats.beat('n1', 300);
        await beats.beat('n2', 5000);
        expect(await beats.alive(['n1', 'n2', 'n3'])).toEqual(new Set(['n1', 'n2']));
        await pass(400);
        expect(await beats.alive(['n1', 'n2', 'n3'])).toEqual(new Set(['n2']));
        await beats.beat('n1', 300);
        expect(await beats.alive(['n1'])).toEqual(new Set(['n1']));
        expect(await beats.alive([])).toEqual(new Set());
      } finally {
        await done();
      }
    });

    it('forgets a node that stopped at once', async () => {
      const { beats, done } = await make();
      try {
        await beats.beat('n1', 5000);
        await beats.stop('n1');
        expect(await beats.alive(['n1'])).toEqual(new Set());
      } finally {
        await done();
      }
    });
  });
}
