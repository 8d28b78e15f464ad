import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type TestRedis } from '../../../tests/support/redis-server.ts';
import { assignmentStoreContract } from '../ports/contracts/assignment-store.contract.ts';
import { FakeClock } from './memory/fake-clock.ts';
import { FileAssignmentStore } from './memory/file-assignment-store.ts';
import { connectRedis } from './redis/redis-connection.ts';
import { RedisAssignmentStore } from './redis/redis-assignment-store.ts';

const DAY = 24 * 3600 * 1000;

assignmentStoreContract('files under DATA_DIR', async (retentionDays) => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-assignments-'));
  const clock = new FakeClock();
  const make = () => new FileAssignmentStore(dir, retentionDays * DAY, clock);
  return { store: make(), clock, reopen: async () => make(), done: () => rm(dir, { recursive: true, force: true }) };
});

let server: TestRedis;
let db = 0;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server.destroy();
});

assignmentStoreContract('redis keys', async (retentionDays) => {
  db = (db + 1) % 16;
  const redis = connectRedis(`${server.url}/${db}`, pino({ level: 'silent' }), 'test');
  await redis.connect();
  await redis.flushdb();
  // Redis expires keys by its own clock, so the fake one starts at the real time.
  const clock = new FakeClock(Date.now());
  const make = () => new RedisAssignmentStore(redis, retentionDays * DAY, clock);
  return { store: make(), clock, reopen: async () => make(), done: async () => void redis.disconnect() };
});
