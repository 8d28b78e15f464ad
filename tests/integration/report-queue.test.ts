import type { GameReport } from '@quizbus/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedAdapters } from '../../server/src/adapters/adapter-set.ts';
import type { Quizbus } from '../../server/src/app.ts';
import type { ReportStore, StoredReport } from '../../server/src/ports/report-store.ts';
import { connect, saveQuiz, type TestClient } from '../support/test-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { hostGame, joinPlayer, ok, singleQuiz, type Harness } from './helpers.ts';

/**
 * A report store whose saves wait until the test opens the gate: a store that is slow (a
 * loaded disk, a far Redis) for as long as the test wants. Counts saves and wakes waiters.
 */
class SlowReportStore implements ReportStore {
  readonly saved: string[] = [];
  private open = false;
  private readonly gate: Array<() => void> = [];
  private readonly waiters: Array<{ n: number; resolve: () => void }> = [];

  constructor(private readonly inner: ReportStore) {}

  async save(stored: StoredReport): Promise<void> {
    if (!this.open) await new Promise<void>((resolve) => this.gate.push(resolve));
    await this.inner.save(stored);
    this.saved.push(stored.report.gameId);
    for (const w of this.waiters.filter((x) => this.saved.length >= x.n)) w.resolve();
  }

  get(gameId: string): Promise<StoredReport | null> {
    return this.inner.get(gameId);
  }

  listByQuiz(quizId: string) {
    return this.inner.listByQuiz(quizId);
  }

  /** Saves run from now on, the waiting ones first. */
  release(): void {
    this.open = true;
    for (const go of this.gate.splice(0)) go();
  }

  /** Resolves once `n` reports have been saved. */
  savedCount(n: number): Promise<void> {
    if (this.saved.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

const QUEUE = 3;
const ENDING = 6;

let server: (TestServer & { store: SlowReportStore }) | null = null;
const clients: TestClient[] = [];

async function start(): Promise<TestServer & { store: SlowReportStore }> {
  let store: SlowReportStore | null = null;
  const started = await startTestServer({ REPORT_QUEUE_LENGTH: String(QUEUE), GAMES_PER_HOUR: '0' }, {
    adapters: (clock, dataDir) => {
      const adapters = embeddedAdapters(clock, [], dataDir);
      store = new SlowReportStore(adapters.reports);
      return { ...adapters, reports: store };
    },
  });
  const slow = store as unknown as SlowReportStore;
  return {
    ...started,
    store: slow,
    close: async () => {
      slow.release();
      await started.close();
    },
  };
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
});

async function metric(quizbus: Quizbus, name: string): Promise<number> {
  const found = await quizbus.metrics.registry.getSingleMetric(name)?.get();
  return found?.values[0]?.value ?? Number.NaN;
}

describe('the report queue (REPORT_QUEUE_LENGTH=3, a report store that hangs until released)', () => {
  it('queues the reports of games ending together, acks commands of other games meanwhile, and saves the overflow at removal', async () => {
    const s = await start();
    server = s;
    const h: Harness = {
      server: s,
      client: async (headers) => {
        const c = await connect(s.url, headers);
        clients.push(c);
        return c;
      },
    };
    const quizId = await saveQuiz(s.url, singleQuiz(1, 'ends'));
    const ending = await Promise.all(
      Array.from({ length: ENDING }, async (_, i) => {
        const hosted = await hostGame(h, quizId);
        await joinPlayer(h, hosted.game.pin, `Kid ${i}`);
        ok(await hosted.host.send('host.start', {}));
        return hosted;
      }),
    );
    const other = await hostGame(h, quizId);

    // All end at once: every host.end is acked although no report can be saved.
    const ended = await Promise.all(ending.map((g) => g.host.send('host.end', {})));
    expect(ended.every((a) => a.ok)).toBe(true);
    // One report is being built, three wait; the other two did not fit and are deferred.
    expect(await metric(s.quizbus, 'quizbus_report_queue_length')).toBe(1 + QUEUE);
    expect(await metric(s.quizbus, 'quizbus_reports_deferred_total')).toBe(ENDING - 1 - QUEUE);
    expect(s.store.saved).toEqual([]);

    // Meanwhile another game runs on: a join, the start and the first question are acked.
    const kid = await joinPlayer(h, other.game.pin, 'Busy');
    ok(await other.host.send('host.start', {}));
    const shown = await kid.client.next('question.shown');
    await s.clock.advanceTo(shown.opensAt);
    await kid.client.next('question.opened');
    ok(await kid.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));

    // Every report is readable at once, saved or not: the route builds it from the log.
    for (const g of ending) {
      const res = await fetch(`${s.url}/api/reports/${g.game.gameId}`, { headers: { 'x-host-token': g.game.hostToken } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as GameReport).gameId).toBe(g.game.gameId);
    }

    // The store comes back: the queued four are saved, one after another, and the queue empties.
    s.store.release();
    await s.store.savedCount(1 + QUEUE);
    await s.quizbus.node.reportsSaved();
    expect(await metric(s.quizbus, 'quizbus_report_queue_length')).toBe(0);
    expect(s.store.saved).toHaveLength(1 + QUEUE);

    // The deferred two are saved when their games are removed (ENDED_GAME_MINUTES later).
    await s.clock.advance(31 * 60_000);
    await s.store.savedCount(ENDING);
    expect(new Set(s.store.saved)).toEqual(new Set(ending.map((g) => g.game.gameId)));
  });
});
