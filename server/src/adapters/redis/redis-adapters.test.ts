import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../../tests/support/redis-server.ts';
import { eventLogContract, sampleEvents } from '../../ports/contracts/event-log.contract.ts';
import { gameBusContract } from '../../ports/contracts/game-bus.contract.ts';
import { gameDirectoryContract } from '../../ports/contracts/game-directory.contract.ts';
import { bundledSample, quizStoreContract } from '../../ports/contracts/quiz-store.contract.ts';
import { gameLeasesContract } from '../../ports/contracts/game-leases.contract.ts';
import { commandRelayContract } from '../../ports/contracts/command-relay.contract.ts';
import { reportStoreContract } from '../../ports/contracts/report-store.contract.ts';
import { FakeClock } from '../memory/fake-clock.ts';
import { RedisReportStore } from './redis-report-store.ts';
import calculateSlot from 'cluster-key-slot';
import { nodeHeartbeatsContract } from '../../ports/contracts/node-heartbeats.contract.ts';
import { channels, keys } from './keys.ts';
import { RedisNodeHeartbeats } from './redis-node-heartbeats.ts';
import { rateBucketsContract } from '../../ports/contracts/rate-buckets.contract.ts';
import { RedisRateBuckets } from './redis-rate-buckets.ts';
import { RedisCommandRelay } from './redis-command-relay.ts';
import { connectRedis } from './redis-connection.ts';
import { RedisEventLog } from './redis-event-log.ts';
import { RedisGameBus } from './redis-game-bus.ts';
import { RedisGameDirectory } from './redis-game-directory.ts';
import { RedisGameLeases } from './redis-game-leases.ts';
import { RedisQuizStore } from './redis-quiz-store.ts';
import { telemetryBusContract } from '../../ports/contracts/telemetry-bus.contract.ts';
import { RedisTelemetryBus } from './redis-telemetry-bus.ts';
import { teacherKeysContract } from '../../ports/contracts/teacher-keys.contract.ts';
import { RedisTeacherKeys } from './redis-teacher-keys.ts';
import { imageStoreContract } from '../../ports/contracts/image-store.contract.ts';
import { RedisImageStore } from './redis-image-store.ts';

let server: TestRedis;
let db = 0;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server.destroy();
});

const logger = pino({ level: 'silent' });

/** A connected client on a fresh logical database, so tests do not see each other's keys. */
async function client(dbIndex: number): Promise<Redis> {
  const r = connectRedis(`${server.url}/${dbIndex}`, logger, 'test');
  await r.connect();
  return r;
}

async function fresh(): Promise<{ redis: Redis; done: () => Promise<void> }> {
  db = (db + 1) % 16;
  const redis = await client(db);
  await redis.flushdb();
  return { redis, done: async () => void redis.disconnect() };
}

eventLogContract('redis stream', async () => {
  const { redis, done } = await fresh();
  const sub = await client(0);
  return {
    log: new RedisEventLog(redis, 0),
    bus: new RedisGameBus(redis, sub),
    done: async () => {
      sub.disconnect();
      await done();
    },
  };
});

/** Two nodes on pub/sub: each gets a command and a subscriber connection of its own. */
async function twoNodes<T>(build: (pub: Redis, sub: Redis, name: string) => T): Promise<{ a: T; b: T; done: () => Promise<void> }> {
  const conns = await Promise.all([client(0), client(0), client(0), client(0)]);
  const [pa, sa, pb, sb] = conns;
  return { a: build(pa, sa, 'node-a'), b: build(pb, sb, 'node-b'), done: async () => conns.forEach((c) => c.disconnect()) };
}

gameBusContract('redis pub/sub, two nodes', () => twoNodes((pub, sub) => new RedisGameBus(pub, sub)));

telemetryBusContract('redis pub/sub, two nodes', () => twoNodes((pub, sub) => new RedisTelemetryBus(pub, sub)));

gameDirectoryContract('redis', async () => {
  const { redis, done } = await fresh();
  return { dir: new RedisGameDirectory(redis), done };
});

quizStoreContract('redis hash', true, async () => {
  const { redis, done } = await fresh();
  return { store: new RedisQuizStore(redis, [bundledSample]), reopen: async () => new RedisQuizStore(redis, [bundledSample]), done };
});

gameLeasesContract('redis', async () => {
  const { redis, done } = await fresh();
  return { leases: new RedisGameLeases(redis), expire: async (gameId) => void (await redis.del(keys.owner(gameId))), done };
});

commandRelayContract('redis pub/sub, two nodes', () => twoNodes((pub, sub, name) => new RedisCommandRelay<unknown, unknown>(pub, sub, name)));

reportStoreContract('redis keys', async (retentionDays) => {
  const { redis, done } = await fresh();
  const clock = new FakeClock();
  const retentionMs = retentionDays * 24 * 3600 * 1000;
  return { store: new RedisReportStore(redis, retentionMs, clock), clock, reopen: async () => new RedisReportStore(redis, retentionMs, clock), done };
});

teacherKeysContract('redis keys', async () => {
  const { redis, done } = await fresh();
  return {
    keys: new RedisTeacherKeys(redis),
    reopen: async () => new RedisTeacherKeys(redis),
    // As if the key's PX had run out.
    expire: async (tokenHash) => void (await redis.del(keys.loginToken(tokenHash))),
    done,
  };
});

/** Every key and channel keys.ts builds for one game: all must live on the game's shard. */
function gameKeysAndChannels(gameId: string): string[] {
  return [keys.events(gameId), keys.version(gameId), keys.owner(gameId), keys.report(gameId), channels.events(gameId), channels.commands(gameId), channels.telemetryNotes(gameId)];
}

describe('redis layout', () => {
  it("keeps every key and channel of a game on one cluster slot (computed as Redis Cluster does)", () => {
    for (const gameId of ['g_abc', 'g_Zx9-_q', 'g_{odd}']) {
      const slots = new Set(gameKeysAndChannels(gameId).map((k) => calculateSlot(k)));
      expect(slots, gameId).toEqual(new Set([calculateSlot(`{${gameId}}`)]));
    }
    // Different games spread over the slots rather than sharing one.
    expect(calculateSlot(keys.events('g_abc'))).not.toBe(calculateSlot(keys.events('g_abd')));
    // The heartbeats share one slot, so one MGET asks after every node.
    expect(calculateSlot(keys.node('node-1'))).toBe(calculateSlot(keys.node('another-node')));
  });

  it('keeps events readable in redis-cli', async () => {
    const { redis, done } = await fresh();
    try {
      const log = new RedisEventLog(redis);
      await log.append('g_abc', 0, sampleEvents('g_abc', 1, 2));
      const [[, fields]] = (await redis.xrange(keys.events('g_abc'), '-', '+', 'COUNT', 1)) as [[string, string[]]];
      expect(JSON.parse(fields[1] as string)).toMatchObject({ type: 'game.created', gameId: 'g_abc', seq: 1 });
    } finally {
      await done();
    }
  });
});

nodeHeartbeatsContract('redis keys with a TTL', async () => {
  const { redis, done } = await fresh();
  // Redis expires keys by itself: time has to pass for real (a few hundred ms).
  return { beats: new RedisNodeHeartbeats(redis), pass: (ms) => new Promise((r) => setTimeout(r, ms)), done };
});

rateBucketsContract('redis hashes, two nodes', async () => {
  const { redis, done } = await fresh();
  const other = await client(db);
  return {
    a: new RedisRateBuckets(redis),
    b: new RedisRateBuckets(other),
    done: async () => {
      other.disconnect();
      await done();
    },
  };
});

imageStoreContract('redis strings, two nodes', async () => {
  const { redis, done } = await fresh();
  const other = await client(db);
  return {
    a: new RedisImageStore(redis),
    b: new RedisImageStore(other),
    done: async () => {
      other.disconnect();
      await done();
    },
  };
});
