import { describe, expect, it } from 'vitest';
import type { DeliveryNote, TelemetryBus, WatchNotice } from '../telemetry-bus.ts';

/** Resolves once `into` holds `n` items (delivery is asynchronous on every bus). */
function waitFor(into: unknown[], n: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (into.length >= n ? resolve() : setImmediate(check));
    check();
  });
}

/** A note as node `nodeId` would send it for game `gameId`. */
export function sampleNote(gameId: string, nodeId: string, seq: number): DeliveryNote {
  return { gameId, nodeId, owner: nodeId === 'n1', seq, eventsInWindow: 2, eventsPerSecond: 8, maxLagMs: 3, reached: { host: 1, display: 0, players: 2 } };
}

/**
 * The behaviour every TelemetryBus must have. `make` returns two buses that reach each other
 * (two nodes), or the same bus twice for an in-process one.
 */
export function telemetryBusContract(name: string, make: () => Promise<{ a: TelemetryBus; b: TelemetryBus; done: () => Promise<void> }>): void {
  /** Runs a test on two fresh buses and releases them whatever happens. */
  const onTwo = (test: (a: TelemetryBus, b: TelemetryBus) => Promise<void>) => async () => {
    const { a, b, done } = await make();
    try {
      await test(a, b);
    } finally {
      await done();
    }
  };

  describe(`TelemetryBus contract: ${name}`, () => {
    it(
      'delivers watch notices to every node, the announcing one included',
      onTwo(async (a, b) => {
        const onA: WatchNotice[] = [];
        const onB: WatchNotice[] = [];
        await a.onNotice((n) => onA.push(n));
        await b.onNotice((n) => onB.push(n));
        const notice = { gameId: 'g1', nodeId: 'n2', watching: true, ttlMs: 6000 };
        await b.announce(notice);
        await b.announce({ ...notice, watching: false });
        await waitFor(onA, 2);
        await waitFor(onB, 2);
        expect(onA).toEqual([notice, { ...notice, watching: false }]);
        expect(onB).toEqual(onA);
      }),
    );

    it(
      "delivers a game's notes in order to its subscribers only",
      onTwo(async (a, b) => {
        const g1: DeliveryNote[] = [];
        const g2: DeliveryNote[] = [];
        await b.subscribeNotes('g1', (n) => g1.push(n));
        await b.subscribeNotes('g2', (n) => g2.push(n));
        for (let seq = 1; seq <= 5; seq += 1) await a.publishNote(sampleNote('g1', 'n1', seq));
        await a.publishNote(sampleNote('g2', 'n3', 9));
        await waitFor(g1, 5);
        await waitFor(g2, 1);
        expect(g1.map((n) => n.seq)).toEqual([1, 2, 3, 4, 5]);
        expect(g1[0]).toEqual(sampleNote('g1', 'n1', 1));
        expect(g2).toEqual([sampleNote('g2', 'n3', 9)]);
      }),
    );

    it(
      'stops delivering notes after unsubscribe, and notices after their handler is removed',
      onTwo(async (a, b) => {
        const notes: DeliveryNote[] = [];
        const notices: WatchNotice[] = [];
        const marker: DeliveryNote[] = [];
        const off = await b.subscribeNotes('g1', (n) => notes.push(n));
        const offNotices = await b.onNotice((n) => notices.push(n));
        await b.subscribeNotes('g9', (n) => marker.push(n));
        await off();
        await offNotices();
        await a.publishNote(sampleNote('g1', 'n1', 1));
        await a.announce({ gameId: 'g1', nodeId: 'n1', watching: true, ttlMs: 6000 });
        // g9's note goes out last: once it has arrived, the others would have too.
        await a.publishNote(sampleNote('g9', 'n1', 1));
        await waitFor(marker, 1);
        expect(notes).toEqual([]);
        expect(notices).toEqual([]);
      }),
    );
  });
}
