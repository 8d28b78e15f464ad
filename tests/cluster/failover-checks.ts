import type { DomainEvent } from '@quizbus/shared';
import { expect } from 'vitest';
import type { ProductClient } from '../support/product-client.ts';

/**
 * Nothing in the log happened twice: each question shown, closed and followed by its
 * leaderboard once, one end, one join per player, and every command id's events in one
 * unbroken run (a command applied twice would leave two runs of its id).
 */
export function expectEachOnce(log: readonly DomainEvent[], questions: number): void {
  for (let q = 0; q < questions; q += 1) {
    for (const type of ['question.shown', 'question.closed', 'leaderboard.shown'] as const) {
      expect(log.filter((e) => e.type === type && e.data.index === q), `${type} ${q}`).toHaveLength(1);
    }
  }
  expect(log.filter((e) => e.type === 'game.ended')).toHaveLength(1);
  const joined = log.flatMap((e) => (e.type === 'player.joined' ? [e.data.playerId] : []));
  expect(new Set(joined).size).toBe(joined.length);
  const runs = new Map<string, number>();
  let previous: string | undefined;
  for (const e of log) {
    if (e.cid !== undefined && e.cid !== previous) runs.set(e.cid, (runs.get(e.cid) ?? 0) + 1);
    previous = e.cid;
  }
  expect([...runs].filter(([, n]) => n > 1), 'command ids applied more than once').toEqual([]);
  expect(runs.size).toBeGreaterThan(0);
}

/** How long after `since` (ms since epoch) the owner marked `who` away, from its event's server stamp. */
export function markedAwayAfter(log: readonly DomainEvent[], who: { id: string } | null, since: number): number {
  const away = log.find((e) => e.type === 'player.disconnected' && e.data.playerId === who?.id && e.at >= since);
  expect(away, 'the absent player marked away').toBeDefined();
  return (away?.at ?? Number.NaN) - since;
}

export interface Figures {
  newOwnerMs: number;
  awayMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** The closing note's figures: time to a new owner, reseat p50/p99, longest time without a working screen. */
export function figures(clients: ProductClient[], f: Partial<Figures>): string {
  const outages = clients.flatMap((c) => c.outages).sort((a, b) => a - b);
  const parts = [
    f.newOwnerMs === undefined ? null : `new owner after ${f.newOwnerMs} ms`,
    `reseat p50 ${Math.round(percentile(outages, 50))} ms, p99 ${Math.round(percentile(outages, 99))} ms over ${outages.length} reseats of ${clients.length} clients`,
    `longest without a working screen ${Math.round(outages.at(-1) ?? 0)} ms`,
    f.awayMs === undefined ? null : `absent player marked away after ${f.awayMs} ms`,
  ];
  return parts.filter((p) => p !== null).join('; ');
}
