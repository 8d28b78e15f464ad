import type { BucketRule } from '../gateway/token-bucket.ts';

/**
 * Token buckets by key, shared by whoever shares the store: the per-address limits (joins, wrong
 * PINs, games per hour, logins) hold across every node with Redis, instead of N nodes giving an
 * address N times the budget. Each bucket starts full; `now` is the caller's clock.
 */
export interface RateBuckets {
  /** Takes one token from `key`'s bucket; 0 when taken, else the ms until one is free. */
  take(key: string, rule: BucketRule, now: number): Promise<number>;
  /** The ms until `key`'s bucket has a token (0 when it has one now), without taking one. */
  wait(key: string, rule: BucketRule, now: number): Promise<number>;
}
