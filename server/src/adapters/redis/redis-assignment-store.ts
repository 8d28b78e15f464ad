import type { RedisClient } from './redis-link.ts';
import type { Assignment, AttemptEvent } from '../../engine/self-paced.ts';
import type { AssignmentStore } from '../../ports/assignment-store.ts';
import type { Clock } from '../../ports/clock.ts';
import { VersionConflictError } from '../../ports/event-log.ts';
import { keys } from './keys.ts';

// Claims a student's next attempt if they have fewer than max; every key lives as long as
// the assignment's own key (KEYS[3]). Returns the attempt's number, or 0 when used up.
const CLAIM = `
local ttl = redis.call('PTTL', KEYS[3])
if ttl < 0 then return -1 end
local n = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if n >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], n + 1)
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return n + 1
`;

// Appends to an attempt's log if its length is the expected version; -1 on success, else the
// actual length (-2: the assignment is gone).
const APPEND = `
local ttl = redis.call('PTTL', KEYS[2])
if ttl < 0 then return -2 end
local n = redis.call('LLEN', KEYS[1])
if n ~= tonumber(ARGV[1]) then return n end
for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ttl)
return -1
`;

type Script = (...args: Array<string | number>) => Promise<number>;

/**
 * Assignments in Redis: the assignment's JSON, a PIN key, and per attempt a list of event JSON
 * appended by a Lua script with an expected version. Keys expire at the deadline plus the
 * report retention, so Redis itself forgets a past assignment (and reads check the same bound).
 */
export class RedisAssignmentStore implements AssignmentStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly retentionMs: number,
    private readonly clock: Clock,
  ) {
    redis.defineCommand('quizbusClaimAttempt', { numberOfKeys: 3, lua: CLAIM });
    redis.defineCommand('quizbusAppendAttempt', { numberOfKeys: 2, lua: APPEND });
  }

  private script(name: 'quizbusClaimAttempt' | 'quizbusAppendAttempt'): Script {
    const fn = (this.redis as unknown as Record<string, Script>)[name] as Script;
    return (...args) => fn.call(this.redis, ...args);
  }

  async create(a: Assignment): Promise<boolean> {
    const expireAt = a.closesAt + this.retentionMs;
    const pinSet = await this.redis.set(keys.assignmentPin(a.pin), a.id, 'PXAT', expireAt, 'NX');
    if (pinSet !== 'OK') return false;
    await this.redis.set(keys.assignment(a.id), JSON.stringify(a), 'PXAT', expireAt);
    await this.redis.zadd(keys.assignments(), a.createdAt, a.id);
    return true;
  }

  async get(assignmentId: string): Promise<Assignment | null> {
    const raw = await this.redis.get(keys.assignment(assignmentId));
    if (raw === null) return null;
    const a = JSON.parse(raw) as Assignment;
    // Past retention by this node's clock, whether or not Redis has dropped the keys yet.
    return this.clock.now() < a.closesAt + this.retentionMs ? a : null;
  }

  async byPin(pin: string): Promise<Assignment | null> {
    const id = await this.redis.get(keys.assignmentPin(pin));
    return id === null ? null : this.get(id);
  }

  async list(): Promise<Assignment[]> {
    const ids = await this.redis.zrevrange(keys.assignments(), 0, -1);
    const found = await Promise.all(ids.map((id) => this.get(id)));
    // Expired assignments leave the index as they are noticed.
    const gone = ids.filter((_, i) => found[i] === null);
    if (gone.length > 0) await this.redis.zrem(keys.assignments(), ...gone);
    return found.filter((a): a is Assignment => a !== null);
  }

  async claimAttempt(assignmentId: string, studentKey: string, attemptId: string, max: number): Promise<number | null> {
    if (!(await this.get(assignmentId))) return null;
    const n = await this.script('quizbusClaimAttempt')(
      keys.assignmentStudents(assignmentId),
      keys.assignmentAttempts(assignmentId),
      keys.assignment(assignmentId),
      studentKey,
      attemptId,
      max,
    );
    return n > 0 ? n : null;
  }

  async append(assignmentId: string, attemptId: string, expectedVersion: number, events: readonly AttemptEvent[]): Promise<void> {
    const result = await this.script('quizbusAppendAttempt')(
      keys.attemptLog(assignmentId, attemptId),
      keys.assignment(assignmentId),
      expectedVersion,
      ...events.map((e) => JSON.stringify(e)),
    );
    if (result === -2) throw new Error(`no assignment ${assignmentId}`);
    if (result !== -1) throw new VersionConflictError(attemptId, expectedVersion, result);
  }

  async read(assignmentId: string, attemptId: string): Promise<AttemptEvent[]> {
    const raw = await this.redis.lrange(keys.attemptLog(assignmentId, attemptId), 0, -1);
    return raw.map((e) => JSON.parse(e) as AttemptEvent);
  }

  async attempts(assignmentId: string): Promise<AttemptEvent[][]> {
    if (!(await this.get(assignmentId))) return [];
    const ids = await this.redis.lrange(keys.assignmentAttempts(assignmentId), 0, -1);
    const logs = await Promise.all(ids.map((id) => this.read(assignmentId, id)));
    return logs.filter((log) => log.length > 0);
  }
}
