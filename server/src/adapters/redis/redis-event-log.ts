import { domainEventSchema, type DomainEvent } from '@quizbus/shared';
import type { RedisClient } from './redis-link.ts';
import { VersionConflictError, type EventLog } from '../../ports/event-log.ts';
import { channels, keys } from './keys.ts';

// Atomic append with an expected version: compare the version key, add every event with the
// stream id 0-<seq> (so entries are ordered by seq), set the new version, and (ARGV[2] not
// empty) publish the events on the game's channel as `{ origin, events }`: ARGV[3] is the
// message's head, ARGV[4] the command (PUBLISH, or SPUBLISH on a cluster: the channel is sharded
// like the game's other channels), the events' JSON follows. Publishing here rather than in a second call
// saves a command and a round trip per commit, and an event is still in the log before anyone
// hears of it. KEYS and the channel share the game's hash tag: one slot, as Redis Cluster needs.
// Returns the actual version on conflict (nothing written or published), or -1 on success.
const APPEND = `
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return current end
local count = #ARGV - 4
for i = 1, count do
  redis.call('XADD', KEYS[1], '0-' .. (current + i), 'e', ARGV[i + 4])
end
redis.call('SET', KEYS[2], current + count)
if ARGV[2] ~= '' then
  redis.call(ARGV[4], ARGV[2], ARGV[3] .. table.concat(ARGV, ',', 5) .. ']}')
end
return -1
`;

type AppendScript = (...args: Array<string | number>) => Promise<number>;

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
    /** A Redis Cluster: the game's channel is a sharded one (SPUBLISH), as RedisLink subscribes it. */
    private readonly sharded = false,
  ) {
    redis.defineCommand('quizbusAppend', { numberOfKeys: 2, lua: APPEND });
  }

  async append(gameId: string, expectedVersion: number, events: readonly DomainEvent[], origin?: string): Promise<void> {
    events.forEach((e, i) => {
      if (e.seq !== expectedVersion + i + 1 || e.gameId !== gameId) throw new Error(`event ${e.type} has seq ${e.seq}, expected ${expectedVersion + i + 1}`);
    });
    const run = (this.redis as unknown as { quizbusAppend: AppendScript }).quizbusAppend;
    // The bus message is built around the events' own JSON, so each event is serialised once.
    const channel = origin === undefined ? '' : channels.events(gameId);
    const head = origin === undefined ? '' : `{"origin":${JSON.stringify(origin)},"events":[`;
    const result = await run.call(this.redis, keys.events(gameId), keys.version(gameId), expectedVersion, channel, head, this.sharded ? 'SPUBLISH' : 'PUBLISH', ...events.map((e) => JSON.stringify(e)));
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
