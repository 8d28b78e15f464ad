import { domainEventSchema, type DomainEvent } from '@quizbus/shared';
import type { RedisClient } from './redis-link.ts';
import { VersionConflictError, type EventLog } from '../../ports/event-log.ts';
import { keys } from './keys.ts';

// Atomic append with an expected version: compare the version key, add every event with the
// stream id 0-<seq> (so entries are ordered by seq), set the new version. Returns the actual
// version on conflict, or -1 on success.
const APPEND = `
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return current end
for i = 2, #ARGV do
  redis.call('XADD', KEYS[1], '0-' .. (current + i - 1), 'e', ARGV[i])
end
redis.call('SET', KEYS[2], current + #ARGV - 1)
return -1
`;

/** The event log as one Redis Stream per game, with optimistic concurrency in a Lua script. */
export class RedisEventLog implements EventLog {
  constructor(
    private readonly redis: RedisClient,
    /** How long a removed game's log is kept, for reports and replays (seconds). */
    private readonly retentionSec = 7 * 24 * 3600,
    /**
     * Runs after each append, before it counts as done (and its command is acked): the link's
     * WAIT for replicas (REDIS_WAIT_REPLICAS), given the key whose slot took the write.
     */
    private readonly afterAppend?: (key: string) => Promise<void>,
  ) {
    redis.defineCommand('quizbusAppend', { numberOfKeys: 2, lua: APPEND });
  }

  async append(gameId: string, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    events.forEach((e, i) => {
      if (e.seq !== expectedVersion + i + 1 || e.gameId !== gameId) throw new Error(`event ${e.type} has seq ${e.seq}, expected ${expectedVersion + i + 1}`);
    });
    const run = (this.redis as unknown as { quizbusAppend: (...args: Array<string | number>) => Promise<number> }).quizbusAppend;
    const result = await run.call(this.redis, keys.events(gameId), keys.version(gameId), expectedVersion, ...events.map((e) => JSON.stringify(e)));
    if (result !== -1) throw new VersionConflictError(gameId, expectedVersion, result);
    await this.afterAppend?.(keys.events(gameId));
  }

  async read(gameId: string, afterSeq = 0): Promise<DomainEvent[]> {
    const entries = await this.redis.xrange(keys.events(gameId), `(0-${afterSeq}`, '+');
    return entries.map(([, fields]) => domainEventSchema.parse(JSON.parse(fields[1] as string)));
  }

  async version(gameId: string): Promise<number> {
    return Number((await this.redis.get(keys.version(gameId))) ?? 0);
  }

  /** Keeps the log for its retention, then Redis drops it. */
  async remove(gameId: string): Promise<void> {
    await this.redis.multi().expire(keys.events(gameId), this.retentionSec).expire(keys.version(gameId), this.retentionSec).exec();
  }
}
