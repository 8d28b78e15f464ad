import { eventLogContract } from '../../ports/contracts/event-log.contract.ts';
import { gameBusContract } from '../../ports/contracts/game-bus.contract.ts';
import { gameDirectoryContract } from '../../ports/contracts/game-directory.contract.ts';
import { bundledSample, quizStoreContract } from '../../ports/contracts/quiz-store.contract.ts';
import { gameLeasesContract } from '../../ports/contracts/game-leases.contract.ts';
import { commandRelayContract } from '../../ports/contracts/command-relay.contract.ts';
import { reportStoreContract } from '../../ports/contracts/report-store.contract.ts';
import { nodeHeartbeatsContract } from '../../ports/contracts/node-heartbeats.contract.ts';
import { rateBucketsContract } from '../../ports/contracts/rate-buckets.contract.ts';
import { telemetryBusContract } from '../../ports/contracts/telemetry-bus.contract.ts';
import { teacherKeysContract } from '../../ports/contracts/teacher-keys.contract.ts';
import { imageStoreContract } from '../../ports/contracts/image-store.contract.ts';
import { assignmentStoreContract } from '../../ports/contracts/assignment-store.contract.ts';
import { FakeClock } from '../memory/fake-clock.ts';
import { keys } from './keys.ts';
import { RedisCommandRelay } from './redis-command-relay.ts';
import { RedisEventLog } from './redis-event-log.ts';
import { RedisGameBus } from './redis-game-bus.ts';
import { RedisGameDirectory } from './redis-game-directory.ts';
import { RedisGameLeases } from './redis-game-leases.ts';
import { RedisImageStore } from './redis-image-store.ts';
import { RedisAssignmentStore } from './redis-assignment-store.ts';
import type { RedisLink, RedisClient } from './redis-link.ts';
import { RedisNodeHeartbeats } from './redis-node-heartbeats.ts';
import { RedisQuizStore } from './redis-quiz-store.ts';
import { RedisRateBuckets } from './redis-rate-buckets.ts';
import { RedisReportStore } from './redis-report-store.ts';
import { RedisTeacherKeys } from './redis-teacher-keys.ts';
import { RedisTelemetryBus } from './redis-telemetry-bus.ts';

/** How a suite reaches its Redis: a one-server database or a Redis Cluster. */
export interface RedisUnderTest {
  /** A connected client on empty data: the suite's tests do not see each other's keys. */
  fresh(): Promise<{ redis: RedisClient; done: () => Promise<void> }>;
  /** Another client on the same data as `redis` (a second node). */
  sibling(redis: RedisClient): Promise<RedisClient>;
  /** A link (command + subscriber connection) for one node; the caller closes it with `close`. */
  link(): Promise<RedisLink>;
}

/** Two nodes on pub/sub: each gets a link (command and subscriber connection) of its own. */
async function twoNodes<T>(under: RedisUnderTest, build: (link: RedisLink, name: string) => T): Promise<{ a: T; b: T; done: () => Promise<void> }> {
  const [la, lb] = await Promise.all([under.link(), under.link()]);
  return {
    a: build(la, 'node-a'),
    b: build(lb, 'node-b'),
    done: async () => {
      for (const l of [la, lb]) {
        l.client.disconnect();
        l.sub.disconnect();
      }
    },
  };
}

/** Every port's contract suite against one Redis set-up, `name` telling them apart. */
export function redisContractSuites(name: string, under: RedisUnderTest): void {
  eventLogContract(`${name} stream`, async () => {
    const { redis, done } = await under.fresh();
    // The log publishes its appends: the bus of a node on the same Redis hears them.
    const link = await under.link();
    return {
      log: new RedisEventLog(redis, 0, undefined, link.sharded),
      bus: new RedisGameBus(link),
      done: async () => {
        link.client.disconnect();
        link.sub.disconnect();
        await done();
      },
    };
  });

  gameBusContract(`${name} pub/sub, two nodes`, () => twoNodes(under, (link) => new RedisGameBus(link)));

  telemetryBusContract(`${name} pub/sub, two nodes`, () => twoNodes(under, (link) => new RedisTelemetryBus(link)));

  gameDirectoryContract(name, async () => {
    const { redis, done } = await under.fresh();
    return { dir: new RedisGameDirectory(redis), done };
  });

  quizStoreContract(`${name} hash`, true, async () => {
    const { redis, done } = await under.fresh();
    return { store: new RedisQuizStore(redis, [bundledSample]), reopen: async () => new RedisQuizStore(redis, [bundledSample]), done };
  });

  gameLeasesContract(name, async () => {
    const { redis, done } = await under.fresh();
    return { leases: new RedisGameLeases(redis), expire: async (gameId) => void (await redis.del(keys.owner(gameId))), done };
  });

  commandRelayContract(`${name} pub/sub, two nodes`, () => twoNodes(under, (link, node) => new RedisCommandRelay<unknown, unknown>(link, node)));

  reportStoreContract(`${name} keys`, async (retentionDays) => {
    const { redis, done } = await under.fresh();
    const clock = new FakeClock();
    const retentionMs = retentionDays * 24 * 3600 * 1000;
    return { store: new RedisReportStore(redis, retentionMs, clock), clock, reopen: async () => new RedisReportStore(redis, retentionMs, clock), done };
  });

  teacherKeysContract(`${name} keys`, async () => {
    const { redis, done } = await under.fresh();
    return {
      keys: new RedisTeacherKeys(redis),
      reopen: async () => new RedisTeacherKeys(redis),
      // As if the key's PX had run out.
      expire: async (tokenHash) => void (await redis.del(keys.loginToken(tokenHash))),
      done,
    };
  });

  nodeHeartbeatsContract(`${name} keys with a TTL`, async () => {
    const { redis, done } = await under.fresh();
    // Redis expires keys by itself: time has to pass for real (a few hundred ms).
    return { beats: new RedisNodeHeartbeats(redis), pass: (ms) => new Promise((r) => setTimeout(r, ms)), done };
  });

  rateBucketsContract(`${name} hashes, two nodes`, async () => {
    const { redis, done } = await under.fresh();
    const other = await under.sibling(redis);
    return {
      a: new RedisRateBuckets(redis),
      b: new RedisRateBuckets(other),
      done: async () => {
        other.disconnect();
        await done();
      },
    };
  });

  imageStoreContract(`${name} strings, two nodes`, async () => {
    const { redis, done } = await under.fresh();
    const other = await under.sibling(redis);
    return {
      a: new RedisImageStore(redis),
      b: new RedisImageStore(other),
      done: async () => {
        other.disconnect();
        await done();
      },
    };
  });

  assignmentStoreContract(`${name} keys`, async (retentionDays) => {
    const { redis, done } = await under.fresh();
    // Redis expires keys by its own clock, so the fake one starts at the real time.
    const clock = new FakeClock(Date.now());
    const make = () => new RedisAssignmentStore(redis, retentionDays * 24 * 3600 * 1000, clock);
    return { store: make(), clock, reopen: async () => make(), done };
  });
}
