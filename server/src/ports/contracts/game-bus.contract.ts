import { describe, expect, it } from 'vitest';
import type { BusMessage, GameBus } from '../game-bus.ts';
import { sampleEvents } from './event-log.contract.ts';

/** Resolves when `n` messages have arrived in `into`. */
function waitFor(into: BusMessage[], n: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (into.length >= n ? resolve() : setImmediate(check));
    check();
  });
}

/**
 * The behaviour every GameBus must have. `make` returns two buses that reach each other (two
 * nodes), or the same bus twice for an in-process one.
 */
export function gameBusContract(name: string, make: () => Promise<{ a: GameBus; b: GameBus; done: () => Promise<void> }>): void {
  describe(`GameBus contract: ${name}`, () => {
    it('delivers a game\'s messages in order to its subscribers', async () => {
      const { a, b, done } = await make();
      try {
        const got: BusMessage[] = [];
        const off = await b.subscribe('g1', (m) => got.push(m));
        for (let i = 1; i <= 20; i += 1) await a.publish('g1', { origin: 'n1', events: sampleEvents('g1', i, 1) });
        await waitFor(got, 20);
        expect(got.map((m) => m.events[0]?.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(got[0]?.origin).toBe('n1');
        await off();
      } finally {
        await done();
      }
    });

    it('never delivers one game\'s messages to another game\'s subscriber', async () => {
      const { a, b, done } = await make();
      try {
        const g1: BusMessage[] = [];
        const g2: BusMessage[] = [];
        await b.subscribe('g1', (m) => g1.push(m));
        await b.subscribe('g2', (m) => g2.push(m));
        await a.publish('g2', { origin: 'n1', events: sampleEvents('g2', 1, 1) });
        await a.publish('g1', { origin: 'n1', events: sampleEvents('g1', 1, 1) });
        await waitFor(g1, 1);
        await waitFor(g2, 1);
        expect(g1.map((m) => m.events[0]?.gameId)).toEqual(['g1']);
        expect(g2.map((m) => m.events[0]?.gameId)).toEqual(['g2']);
      } finally {
        await done();
      }
    });

    it('stops delivering after unsubscribe', async () => {
      const { a, b, done } = await make();
      try {
        const got: BusMessage[] = [];
        const marker: BusMessage[] = [];
        const off = await b.subscribe('g1', (m) => got.push(m));
        await b.subscribe('g9', (m) => marker.push(m));
        await off();
        await a.publish('g1', { origin: 'n1', events: sampleEvents('g1', 1, 1) });
        // g9's message is published after g1's: once it arrives, g1's would have too.
        await a.publish('g9', { origin: 'n1', events: sampleEvents('g9', 1, 1) });
        await waitFor(marker, 1);
        expect(got).toEqual([]);
      } finally {
        await done();
      }
    });
  });
}
