import { KeyedBuckets, type BucketRule } from '../../gateway/token-bucket.ts';
import type { RateBuckets } from '../../ports/rate-buckets.ts';

/** Buckets in this process (the embedded default): one bounded KeyedBuckets per rule. */
export class MemoryRateBuckets implements RateBuckets {
  private readonly byRule = new Map<BucketRule, KeyedBuckets>();

  private buckets(rule: BucketRule): KeyedBuckets {
    let b = this.byRule.get(rule);
    if (!b) {
      b = new KeyedBuckets(rule);
      this.byRule.set(rule, b);
    }
    return b;
  }

  async take(key: string, rule: BucketRule, now: number): Promise<number> {
    const b = this.buckets(rule);
    return b.take(key, now) ? 0 : Math.max(1, b.retryAfterMs(key, now));
  }

  async wait(key: string, rule: BucketRule, now: number): Promise<number> {
    const b = this.buckets(rule);
    return b.has(key, now) ? 0 : Math.max(1, b.retryAfterMs(key, now));
  }

  /** Keys tracked over all rules (for leak checks). */
  get size(): number {
    let n = 0;
    for (const b of this.byRule.values()) n += b.size;
    return n;
  }
}
