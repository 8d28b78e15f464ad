import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis connection that fails fast while Redis is away (no offline queue: a command gets an
 * error at once instead of hanging) and reconnects by itself with a capped backoff.
 */
export function connectRedis(url: string, logger: Logger, role: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // A frozen Redis must fail commands, not hang them (and the ack waiting on them).
    commandTimeout: 2000,
    retryStrategy: (times) => Math.min(100 * times, 1000),
    connectionName: `quizbus-${role}`,
    // Commands issued in the same turn of the event loop go out in one write instead of one
    // each: a class answering at once through other nodes means a forwarded command and a reply
    // per answer. Order on the connection is unchanged. Not for the subscriber, whose
    // connection only subscribes.
    enableAutoPipelining: role === 'command',
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) logger.warn({ role, err: err.message }, 'redis connection error');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({ role }, 'redis connection back');
    down = false;
  });
  return redis;
}
