import type { RedisClient } from './redis-link.ts';
import type { BucketRule } from '../../gateway/token-bucket.ts';
import type { RateBuckets } from '../../ports/rate-buckets.ts';
import { keys } from './keys.ts';

// One token bucket in a hash { t = tokens, at = ms }, refilled from the time passed; atomic, so
// every node takes from the same budget. ARGV: capacity, perMs, now, take (1) or look (0).
// Returns 0 when a token was there (and taken), else the ms until one is. The key lives as long
// as the bucket needs to refill, then Redis drops it (a full bucket is the same as none).
const BUCKET = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
if now > at then
  tokens = math.min(capacity, tokens + (now - at) * perMs)
  at = now
end
if tokens < 1 then return math.max(1, math.ceil((1 - tokens) / perMs)) end
if ARGV[4] == '1' then
  tokens = tokens - 1
  redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(at))
  redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
end
return 0
`;

/** The per-address buckets in Redis, shared by every node. */
export class RedisRateBuckets implements RateBuckets {
  constructor(private readonly redis: RedisClient) {
    redis.defineCommand('quizbusBucket', { numberOfKeys: 1, lua: BUCKET });
  }

  take(key: string, rule: BucketRule, now: number): Promise<number> {
    return this.run(key, rule, now, 1);
  }

  wait(key: string, rule: BucketRule, now: number): Promise<number> {
    return this.run(key, rule, now, 0);
  }

  private async run(key: string, rule: BucketRule, now: number, take: 0 | 1): Promise<number> {
    const bucket = (this.redis as unknown as { quizbusBucket: (...args: Array<string | number>) => Promise<number> }).quizbusBucket;
    return Number(await bucket.call(this.redis, keys.rateBucket(key), rule.capacity, rule.perMs, now, take));
  }
}
