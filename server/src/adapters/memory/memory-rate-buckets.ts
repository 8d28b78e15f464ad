import { KeyedBuckets, type BucketRule } from '../../gateway/token-bucket.ts';
import type { RateBuckets } from '../../ports/rate-buckets.ts';

/** Buckets in this process (the embedded default): one bounded KeyedBuckets per rule. */
export class MemoryRateBuckets implements RateBuckets {
  /** By the rule's value, not its object: equal rules from two callers share buckets, as in Redis. */
  private readonly byRule = new Map<string, KeyedBuckets>();

  private buckets(rule: BucketRule): KeyedBuckets {
    const id = `${rule.capacity}/${rule.perMs}`;
    let b = this.byRule.get(id);
    if (!b) {
      b = new KeyedBuckets(rule);
      this.byRule.set(id, b);
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
