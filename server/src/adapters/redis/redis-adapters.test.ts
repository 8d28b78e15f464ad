import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import calculateSlot from 'cluster-key-slot';
import { startRedis, type TestRedis } from '../../../../tests/support/redis-server.ts';
import { sampleEvents } from '../../ports/contracts/event-log.contract.ts';
import { channels, keys } from './keys.ts';
import { connectRedis } from './redis-connection.ts';
import { redisContractSuites } from './redis-contract-suites.ts';
import { RedisEventLog } from './redis-event-log.ts';
import { RedisLink } from './redis-link.ts';

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

redisContractSuites('redis', {
  fresh,
  sibling: async () => client(db),
  link: async () => {
    const [pub, sub] = await Promise.all([client(0), client(0)]);
    return new RedisLink(pub, sub);
  },
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


describe('waiting for replicas on one server (REDIS_WAIT_REPLICAS=1 where none is attached)', () => {
  it('acks anyway after WAIT times out, says so once, and then stops waiting on that master for a while', async () => {
    const warnings: Array<{ msg: string }> = [];
    const spy = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line) as { msg: string }) });
    const { redis, done } = await fresh();
    try {
      const link = new RedisLink(redis, redis, { wait: { replicas: 1, timeoutMs: 50 }, logger: spy });
      const log = new RedisEventLog(redis, 0, (key) => link.waitForReplicas(key));
      await log.append('g_w', 0, sampleEvents('g_w', 1, 2));
      await log.append('g_w', 2, sampleEvents('g_w', 3, 1));
      expect(await log.version('g_w')).toBe(3);
      expect(warnings.map((w) => w.msg)).toEqual(['redis replicas behind: acks go out without their copy for a few seconds']);
    } finally {
      await done();
    }
  });
});
