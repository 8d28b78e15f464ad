import type { Quiz } from '@quizbus/shared';
import type { Logger } from 'pino';
import type { Command } from '../engine/index.ts';
import type { Outcome } from '../games/game-runtime.ts';
import type { Clock } from '../ports/clock.ts';
import type { CommandRelay } from '../ports/command-relay.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { GameBus } from '../ports/game-bus.ts';
import type { GameDirectory } from '../ports/game-directory.ts';
import type { GameLeases } from '../ports/game-leases.ts';
import type { QuizStore } from '../ports/quiz-store.ts';
import type { ReportStore } from '../ports/report-store.ts';
import type { NodeHeartbeats } from '../ports/node-heartbeats.ts';
import type { RateBuckets } from '../ports/rate-buckets.ts';
import type { TelemetryBus } from '../ports/telemetry-bus.ts';
import type { TeacherKeys } from '../ports/teacher-keys.ts';
import type { ImageStore } from '../ports/image-store.ts';
import { FileImageStore } from './memory/file-image-store.ts';
import { RedisImageStore } from './redis/redis-image-store.ts';
import type { AssignmentStore } from '../ports/assignment-store.ts';
import { FileAssignmentStore } from './memory/file-assignment-store.ts';
import { RedisAssignmentStore } from './redis/redis-assignment-store.ts';
import { FileTeacherKeys } from './memory/file-teacher-keys.ts';
import { RedisTeacherKeys } from './redis/redis-teacher-keys.ts';
import { FileReportStore } from './memory/file-report-store.ts';
import { SystemClock } from './memory/system-clock.ts';
import { FileQuizStore } from './memory/file-quiz-store.ts';
import { MemoryCommandRelay } from './memory/memory-command-relay.ts';
import { MemoryEventLog } from './memory/memory-event-log.ts';
import { MemoryGameBus } from './memory/memory-game-bus.ts';
import { MemoryGameDirectory } from './memory/memory-game-directory.ts';
import { MemoryGameLeases } from './memory/memory-game-leases.ts';
import { MemoryNodeHeartbeats } from './memory/memory-node-heartbeats.ts';
import { MemoryRateBuckets } from './memory/memory-rate-buckets.ts';
import { MemoryTelemetryBus } from './memory/memory-telemetry-bus.ts';
import { RedisCommandRelay } from './redis/redis-command-relay.ts';
import { openLink, type RedisTopology } from './redis/redis-connection.ts';
import type { RedisClient, RedisSubscriber, ReplicaWait } from './redis/redis-link.ts';
import { RedisEventLog } from './redis/redis-event-log.ts';
import { RedisGameBus } from './redis/redis-game-bus.ts';
import { RedisGameDirectory } from './redis/redis-game-directory.ts';
import { RedisGameLeases } from './redis/redis-game-leases.ts';
import { RedisQuizStore } from './redis/redis-quiz-store.ts';
import { RedisReportStore } from './redis/redis-report-store.ts';
import { RedisNodeHeartbeats } from './redis/redis-node-heartbeats.ts';
import { RedisRateBuckets } from './redis/redis-rate-buckets.ts';
import { RedisTelemetryBus } from './redis/redis-telemetry-bus.ts';

/** REPORT_RETENTION_DAYS' default, for callers that do not say. */
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Every port a node needs, from one family of adapters. */
export interface AdapterSet {
  mode: 'embedded' | 'redis';
  log: EventLog;
  bus: GameBus;
  directory: GameDirectory;
  leases: GameLeases;
  relay: CommandRelay<Command, Outcome>;
  quizzes: QuizStore;
  /** Reports of finished games, kept after the games are removed. */
  reports: ReportStore;
  /** Watch notices and per-node delivery notes of the "under the hood" panel. */
  telemetry: TelemetryBus;
  /** The teacher secret and the one-time login tokens (teacher-auth.ts). */
  teacherKeys: TeacherKeys;
  /** Which nodes are alive (node-presence.ts). */
  heartbeats: NodeHeartbeats;
  /** The per-address limits' buckets (address-limits.ts), shared by every node on the store. */
  rateBuckets: RateBuckets;
  /** Uploaded question images (files under DATA_DIR, or Redis so every node serves them). */
  images: ImageStore;
  /** Self-paced assignments and their attempts (assignment-service.ts). */
  assignments: AssignmentStore;
  /** Whether the shared store answers (for /readyz). */
  ready(): Promise<boolean>;
  /** Called after the shared store came back from an outage (messages may be lost). */
  onReconnect(fn: () => void): void;
  /** Called when the shared store is lost. */
  onDisconnect(fn: () => void): void;
  close(): Promise<void>;
}

/** The embedded default: everything in this process, quizzes and reports as files under DATA_DIR. */
export function embeddedAdapters(clock: Clock, bundled: readonly Quiz[], dataDir: string, reportRetentionMs = YEAR_MS): AdapterSet {
  const bus = new MemoryGameBus();
  return {
    mode: 'embedded',
    log: new MemoryEventLog(bus),
    bus,
    directory: new MemoryGameDirectory(),
    leases: new MemoryGameLeases(clock),
    relay: new MemoryCommandRelay(),
    quizzes: new FileQuizStore(bundled, dataDir),
    reports: new FileReportStore(dataDir, reportRetentionMs, clock),
    telemetry: new MemoryTelemetryBus(),
    teacherKeys: new FileTeacherKeys(dataDir, clock),
    heartbeats: new MemoryNodeHeartbeats(clock),
    rateBuckets: new MemoryRateBuckets(),
    images: new FileImageStore(dataDir),
    assignments: new FileAssignmentStore(dataDir, reportRetentionMs, clock),
    ready: async () => true,
    onReconnect: () => undefined,
    onDisconnect: () => undefined,
    close: async () => undefined,
  };
}

/**
 * Redis for every port — one server, a Sentinel-watched master, or a Redis Cluster (a URL
 * string is one server): a command connection and a subscriber connection (pub/sub needs one
 * of its own). Connects before returning, so a wrong address fails at start, loudly. `wait`
 * holds each append until that many replicas have it (REDIS_WAIT_REPLICAS).
 */
export async function redisAdapters(
  topology: RedisTopology | string,
  nodeId: string,
  bundled: readonly Quiz[],
  logger: Logger,
  reports: { retentionMs: number; clock: Clock } = { retentionMs: YEAR_MS, clock: new SystemClock() },
  wait?: ReplicaWait,
): Promise<AdapterSet> {
  const link = await openLink(typeof topology === 'string' ? { kind: 'plain', url: topology } : topology, logger, wait);
  const { client: redis, sub } = link;
  const health = watchHealth(redis, sub, logger);
  return {
    mode: 'redis',
    log: new RedisEventLog(redis, undefined, (key) => link.waitForReplicas(key), link.sharded),
    bus: new RedisGameBus(link),
    directory: new RedisGameDirectory(redis),
    leases: new RedisGameLeases(redis),
    relay: new RedisCommandRelay(link, nodeId),
    quizzes: new RedisQuizStore(redis, bundled),
    reports: new RedisReportStore(redis, reports.retentionMs, reports.clock),
    telemetry: new RedisTelemetryBus(link),
    teacherKeys: new RedisTeacherKeys(redis),
    heartbeats: new RedisNodeHeartbeats(redis),
    rateBuckets: new RedisRateBuckets(redis),
    images: new RedisImageStore(redis),
    assignments: new RedisAssignmentStore(redis, reports.retentionMs, reports.clock),
    ready: async () => health.up && (await redis.ping().then(() => true, () => false)),
    onReconnect: (fn) => void health.upHooks.push(fn),
    onDisconnect: (fn) => void health.downHooks.push(fn),
    close: async () => {
      health.stop();
      redis.disconnect();
      sub.disconnect();
    },
  };
}

/**
 * Whether Redis answers: a PING every half second on the command connection (with the
 * connection's command timeout, so a frozen server counts as gone, not as slow) and the
 * subscriber connection's state. Two failed pings in a row, or a lost subscriber, is "down";
 * a good ping with a live subscriber is "up" again.
 */
function watchHealth(redis: RedisClient, sub: RedisSubscriber, logger: Logger) {
  const state = { up: true, failures: 0, upHooks: [] as Array<() => void>, downHooks: [] as Array<() => void> };
  const setUp = (up: boolean) => {
    if (state.up === up) return;
    state.up = up;
    logger.warn({ up }, up ? 'redis reachable again' : 'redis unreachable');
    for (const fn of up ? state.upHooks : state.downHooks) fn();
  };
  sub.on('close', () => setUp(false));
  const timer = setInterval(() => {
    redis.ping().then(
      () => {
        state.failures = 0;
        if (sub.status === 'ready') setUp(true);
      },
      () => {
        state.failures += 1;
        if (state.failures >= 2) setUp(false);
      },
    );
  }, 500);
  timer.unref();
  return {
    get up() {
      return state.up;
    },
    upHooks: state.upHooks,
    downHooks: state.downHooks,
    stop: () => clearInterval(timer),
  };
}
