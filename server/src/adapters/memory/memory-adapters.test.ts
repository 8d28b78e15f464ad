import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventLogContract } from '../../ports/contracts/event-log.contract.ts';
import { gameBusContract } from '../../ports/contracts/game-bus.contract.ts';
import { gameDirectoryContract } from '../../ports/contracts/game-directory.contract.ts';
import { bundledSample, quizStoreContract } from '../../ports/contracts/quiz-store.contract.ts';
import { FileQuizStore } from './file-quiz-store.ts';
import { MemoryEventLog } from './memory-event-log.ts';
import { MemoryGameBus } from './memory-game-bus.ts';
import { MemoryGameDirectory } from './memory-game-directory.ts';
import { FakeClock } from './fake-clock.ts';
import { MemoryGameLeases } from './memory-game-leases.ts';
import { MemoryCommandRelay } from './memory-command-relay.ts';
import { gameLeasesContract } from '../../ports/contracts/game-leases.contract.ts';
import { commandRelayContract } from '../../ports/contracts/command-relay.contract.ts';
import { reportStoreContract } from '../../ports/contracts/report-store.contract.ts';
import { FileReportStore } from './file-report-store.ts';
import { telemetryBusContract } from '../../ports/contracts/telemetry-bus.contract.ts';
import { MemoryTelemetryBus } from './memory-telemetry-bus.ts';
import { expect, it } from 'vitest';
import { teacherKeysContract } from '../../ports/contracts/teacher-keys.contract.ts';
import { FileTeacherKeys, TEACHER_SECRET_FILE } from './file-teacher-keys.ts';
import { nodeHeartbeatsContract } from '../../ports/contracts/node-heartbeats.contract.ts';
import { MemoryNodeHeartbeats } from './memory-node-heartbeats.ts';
import { rateBucketsContract } from '../../ports/contracts/rate-buckets.contract.ts';
import { MemoryRateBuckets } from './memory-rate-buckets.ts';
import { imageStoreContract } from '../../ports/contracts/image-store.contract.ts';
import { FileImageStore } from './file-image-store.ts';

eventLogContract('memory', async () => {
  const bus = new MemoryGameBus();
  return { log: new MemoryEventLog(bus), bus, done: async () => {} };
});

gameBusContract('memory', async () => {
  const bus = new MemoryGameBus();
  return { a: bus, b: bus, done: () => bus.close() };
});

telemetryBusContract('memory', async () => {
  const bus = new MemoryTelemetryBus();
  return { a: bus, b: bus, done: () => bus.close() };
});

gameDirectoryContract('memory', async () => ({ dir: new MemoryGameDirectory(), done: async () => {} }));

quizStoreContract('files under DATA_DIR', true, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-store-'));
  return {
    store: new FileQuizStore([bundledSample], dir),
    reopen: async () => new FileQuizStore([bundledSample], dir),
    done: () => rm(dir, { recursive: true, force: true }),
  };
});

quizStoreContract('memory only', false, async () => ({ store: new FileQuizStore([bundledSample], null), done: async () => {} }));

gameLeasesContract('memory', async () => {
  const clock = new FakeClock();
  const leases = new MemoryGameLeases(clock);
  // A lease lapses when its TTL has passed on the clock.
  return { leases, expire: async () => clock.advance(5000), done: async () => {} };
});

commandRelayContract('memory', async () => {
  const relay = new MemoryCommandRelay<unknown, unknown>();
  return { a: relay, b: relay, done: () => relay.close() };
});

reportStoreContract('files under DATA_DIR', async (retentionDays) => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-reports-'));
  const clock = new FakeClock();
  const retentionMs = retentionDays * 24 * 3600 * 1000;
  return {
    store: new FileReportStore(dir, retentionMs, clock),
    clock,
    reopen: async () => new FileReportStore(dir, retentionMs, clock),
    done: () => rm(dir, { recursive: true, force: true }),
  };
});

teacherKeysContract('secret file under DATA_DIR, tokens in memory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-teacher-'));
  const clock = new FakeClock();
  const keys = new FileTeacherKeys(dir, clock);
  return {
    keys,
    reopen: async () => new FileTeacherKeys(dir, clock),
    expire: async () => clock.advance(60_000),
    done: () => rm(dir, { recursive: true, force: true }),
  };
});

it('writes the teacher secret readable by its owner only', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-teacher-'));
  try {
    await new FileTeacherKeys(join(dir, 'nested'), new FakeClock()).secret();
    expect((await stat(join(dir, 'nested', TEACHER_SECRET_FILE))).mode & 0o777).toBe(0o600);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

nodeHeartbeatsContract('memory', async () => {
  const clock = new FakeClock();
  return { beats: new MemoryNodeHeartbeats(clock), pass: (ms) => clock.advance(ms), done: async () => {} };
});

rateBucketsContract('memory', async () => {
  const buckets = new MemoryRateBuckets();
  return { a: buckets, b: buckets, done: async () => {} };
});

imageStoreContract('memory (no DATA_DIR)', async () => {
  const store = new FileImageStore(null);
  return { a: store, b: store, done: async () => {} };
});

imageStoreContract('files under DATA_DIR, read back after a restart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-media-'));
  return { a: new FileImageStore(dir), b: new FileImageStore(dir), done: () => rm(dir, { recursive: true, force: true }) };
});
