import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { FileReportStore } from '../adapters/memory/file-report-store.ts';
import { MemoryEventLog } from '../adapters/memory/memory-event-log.ts';
import { A, Q, TestGame } from '../engine/test-game.ts';
import { ReportKeeper } from './report-keeper.ts';

const YEAR = 365 * 24 * 3600 * 1000;

/** A finished one-question game whose events are in a log. */
async function finishedGame(started = true) {
  const g = new TestGame([Q.single(0)]);
  const ann = g.add('Ann');
  if (started) {
    g.start();
    g.toOpen();
    g.answer(ann, 0, A.choice(0));
    g.next();
  }
  g.end();
  const log = new MemoryEventLog();
  await log.append(g.gameId, 0, g.events);
  const store = new FileReportStore(null, YEAR, new FakeClock(g.now));
  return { g, log, store, keeper: new ReportKeeper(log, store, pino({ level: 'silent' })) };
}

describe('ReportKeeper', () => {
  it('saves the report from the log when it sees game.ended, with the host token hash', async () => {
    const { g, store, keeper } = await finishedGame();
    for (const e of g.events.slice(0, -1)) keeper.observe(e, g.state);
    expect(await store.get(g.gameId)).toBeNull();
    keeper.observe(g.events.at(-1) as (typeof g.events)[number], g.state);
    await keeper.settle(g.state);
    const stored = await store.get(g.gameId);
    expect(stored?.hostTokenHash).toBe(g.hostHash);
    expect(stored?.report).toMatchObject({ gameId: g.gameId, endReason: 'host', players: [{ nickname: 'Ann', score: g.state.players.get('p1')?.score }] });
  });

  it('saves on settle a game that ended before this node owned it', async () => {
    const { g, store, keeper } = await finishedGame();
    await keeper.settle(g.state);
    expect((await store.get(g.gameId))?.report.gameId).toBe(g.gameId);
  });

  it('keeps nothing for a game that never started', async () => {
    const { g, store, keeper } = await finishedGame(false);
    keeper.observe(g.events.at(-1) as (typeof g.events)[number], g.state);
    await keeper.idle();
    await keeper.settle(g.state);
    expect(await store.get(g.gameId)).toBeNull();
  });
});
