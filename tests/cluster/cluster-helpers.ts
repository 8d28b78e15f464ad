import type { DomainEvent, QuizInput } from '@quizbus/shared';
import { Redis } from 'ioredis';
import { RedisEventLog } from '../../server/src/adapters/redis/redis-event-log.ts';
import { channels, keys } from '../../server/src/adapters/redis/keys.ts';
import type { DeliveryNote, WatchNotice } from '../../server/src/ports/telemetry-bus.ts';
import type { Cluster, NodesOnRedis } from '../support/cluster.ts';
import type { RedisClient } from '../../server/src/adapters/redis/redis-link.ts';

/** A three-question quiz with no read time: single, multi, type-answer. */
export const clusterQuiz: QuizInput = {
  title: 'Cluster quiz',
  readTimeSec: 0,
  questions: [
    { type: 'single', text: 'Which is a message broker?', options: ['RabbitMQ', 'CSS', 'SQLite', 'Flask'], correct: 0, timeLimitSec: 30 },
    { type: 'multi', text: 'Which carry events?', options: ['Redis pub/sub', 'A global variable', 'RabbitMQ', 'A static file'], correct: [0, 2], timeLimitSec: 30 },
    { type: 'type-answer', text: 'A fact in the past tense is an …', accepted: ['event'], timeLimitSec: 30 },
  ],
};

/** Reads a game's log straight from Redis. */
export async function readLog(cluster: NodesOnRedis, gameId: string): Promise<DomainEvent[]> {
  const redis = await cluster.connect();
  try {
    return await new RedisEventLog(redis).read(gameId);
  } finally {
    redis.disconnect();
  }
}

/** The node that holds a game's lease now, or null. */
export async function ownerOf(cluster: NodesOnRedis, gameId: string): Promise<string | null> {
  let redis: RedisClient | null = null;
  try {
    redis = await cluster.connect();
    return await redis.get(keys.owner(gameId));
  } catch {
    return null;
  } finally {
    redis?.disconnect();
  }
}

/** Polls until `check` returns a value other than undefined, or fails after `ms`. */
export async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Final score per player id from the log: what each player.final should say. */
export function scoresFromLog(events: readonly DomainEvent[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'player.joined') scores.set(e.data.playerId, 0);
    if (e.type === 'answer.accepted') scores.set(e.data.playerId, (scores.get(e.data.playerId) ?? 0) + e.data.points);
  }
  return scores;
}

/** What a listener on the telemetry channels heard: watch notices and one game's delivery notes. */
export type Heard = { kind: 'watch'; notice: WatchNotice } | { kind: 'note'; note: DeliveryNote };

/**
 * Listens on Redis to the watch channel and one game's notes channel, as `redis-cli subscribe`
 * would. `mark()` publishes a marker on the notes channel and resolves when it comes back: every
 * message published before it has been heard by then.
 */
export async function listenToTelemetry(cluster: Cluster, gameId: string) {
  const sub = new Redis(cluster.redis.url, { lazyConnect: true });
  const pub = new Redis(cluster.redis.url, { lazyConnect: true });
  await Promise.all([sub.connect(), pub.connect()]);
  const received: Heard[] = [];
  const waiters: Array<{ test: (h: Heard | 'marker') => boolean; resolve: () => void }> = [];
  const heard = (h: Heard | 'marker') => {
    if (h !== 'marker') received.push(h);
    for (const w of waiters.splice(0)) {
      if (w.test(h)) w.resolve();
      else waiters.push(w);
    }
  };
  sub.on('message', (channel: string, raw: string) => {
    const data = JSON.parse(raw) as Record<string, unknown>;
    if ('marker' in data) heard('marker');
    else if (channel === channels.telemetryWatch()) heard({ kind: 'watch', notice: data as unknown as WatchNotice });
    else heard({ kind: 'note', note: data as unknown as DeliveryNote });
  });
  await sub.subscribe(channels.telemetryWatch(), channels.telemetryNotes(gameId));
  const next = (test: (h: Heard | 'marker') => boolean) =>
    new Promise<void>((resolve) => {
      if (received.some(test)) return resolve();
      waiters.push({ test, resolve });
    });
  return {
    received,
    notes: () => received.flatMap((h) => (h.kind === 'note' ? [h.note] : [])),
    next,
    mark: async () => {
      const back = next((h) => h === 'marker');
      await pub.publish(channels.telemetryNotes(gameId), JSON.stringify({ marker: Date.now() }));
      await back;
    },
    close: async () => {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
