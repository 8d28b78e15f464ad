import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/adapters/memory/fake-clock.ts';
import { redisAdapters } from '../../server/src/adapters/adapter-set.ts';
import { createQuizbus, type Quizbus } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { connect, saveQuiz } from '../support/test-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { hostGame, joinPlayer, ok, singleQuiz, type Harness } from './helpers.ts';

/** Issue 18, caps that hold: MAX_GAMES_PER_NODE counts live games exactly, on every adapter. */
const CAP = 7;
const IN_FLIGHT = 50;
const ENV = { MAX_GAMES_PER_NODE: String(CAP), GAMES_PER_HOUR: '0' };

/** Sends `n` game creations at once; returns the status and error code of each. */
async function createAtOnce(url: string, quizId: string, n: number): Promise<Array<{ status: number; code: string | null }>> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const res = await fetch(`${url}/api/games`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ quizId }) });
      const body = (await res.json()) as { error?: { code: string } };
      return { status: res.status, code: body.error?.code ?? null };
    }),
  );
}

function expectExactlyCap(results: Array<{ status: number; code: string | null }>): void {
  expect(results.filter((r) => r.status === 201)).toHaveLength(CAP);
  expect(results.filter((r) => r.status === 503 && r.code === 'TOO_MANY_GAMES')).toHaveLength(IN_FLIGHT - CAP);
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('MAX_GAMES_PER_NODE under concurrent creation', () => {
  it(`embedded: ${IN_FLIGHT} creations in flight make exactly ${CAP} games, the rest get 503 TOO_MANY_GAMES`, async () => {
    const server = await startTestServer(ENV);
    closers.push(() => server.close());
    const quizId = await saveQuiz(server.url, singleQuiz(1, 'cap'));
    expectExactlyCap(await createAtOnce(server.url, quizId, IN_FLIGHT));
    expect(server.quizbus.node.ownedCount).toBe(CAP);
  });

  it(`Redis: ${IN_FLIGHT} creations in flight on one node make exactly ${CAP} games`, async () => {
    const redis: TestRedis = await startRedis();
    closers.push(() => redis.destroy());
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', REDIS_URL: redis.url, ...ENV });
    const clock = new FakeClock();
    const adapters = await redisAdapters(redis.url, 'node-cap', [], pino({ level: 'silent' }), { retentionMs: 3_600_000, clock });
    const quizbus: Quizbus = createQuizbus({ config, clock, adapters, nodeId: 'node-cap' });
    closers.push(() => quizbus.close());
    const url = `http://127.0.0.1:${await quizbus.listen()}`;
    const quizId = await saveQuiz(url, singleQuiz(1, 'cap'));
    expectExactlyCap(await createAtOnce(url, quizId, IN_FLIGHT));
    expect(quizbus.node.ownedCount).toBe(CAP);
  });
});

describe('an ended game stops counting once its podium is served', () => {
  it('frees its slot at game.ended, long before the ended game is removed', async () => {
    const server: TestServer = await startTestServer({ MAX_GAMES_PER_NODE: '1', GAMES_PER_HOUR: '0', ENDED_GAME_MINUTES: '30' });
    closers.push(() => server.close());
    const clients: Array<{ close(): void }> = [];
    closers.push(async () => clients.forEach((c) => c.close()));
    const h: Harness = {
      server,
      client: async (headers) => {
        const c = await connect(server.url, headers);
        clients.push(c);
        return c;
      },
    };
    const quizId = await saveQuiz(server.url, singleQuiz(1, 'ends'));
    const first = await hostGame(h, quizId);
    expect((await createAtOnce(server.url, quizId, 1))[0]).toEqual({ status: 503, code: 'TOO_MANY_GAMES' });
    await joinPlayer(h, first.game.pin, 'Ann');
    ok(await first.host.send('host.start', {}));
    ok(await first.host.send('host.end', {}));
    await first.host.next('game.ended');
    // The fake clock has not moved: the ended game is still kept (its results), but no longer counts.
    expect(server.quizbus.node.runtime(first.game.gameId)?.current.phase).toBe('ended');
    expect((await createAtOnce(server.url, quizId, 2)).map((r) => r.status).sort()).toEqual([201, 503]);
    // Both are owned: the ended one lingers for ENDED_GAME_MINUTES without taking a slot.
    expect(server.quizbus.node.ownedCount).toBe(2);
    expect(server.quizbus.node.liveCount).toBe(1);
  });
});
