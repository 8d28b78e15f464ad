/**
 * Token buckets for rate limits. Time comes from the caller (the server's Clock), so tests
 * with a fake clock are exact: a bucket refills only when the test moves time.
 */

/** `capacity` tokens at most (the burst), refilled at `perMs` tokens per millisecond. */
export interface BucketRule {
  capacity: number;
  perMs: number;
}

/** A rule allowing `count` per `windowMs` on average with a burst of `burst`; null when count is 0 (off). */
export function ruleOf(count: number, windowMs: number, burst = count): BucketRule | null {
  if (!(count > 0)) return null;
  return { capacity: Math.max(1, Math.floor(burst)), perMs: count / windowMs };
}

/** One bucket. Starts full. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rule: BucketRule,
    now: number,
  ) {
    this.tokens = rule.capacity;
    this.at = now;
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(this.rule.capacity, this.tokens + (now - this.at) * this.rule.perMs);
      this.at = now;
    }
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a token is there, without taking it. */
  has(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }

  /** Whether the bucket is full again (its key can be forgotten). */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.rule.capacity;
  }

  /** Milliseconds until the next token. */
  retryAfterMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.rule.perMs);
  }
}

/**
 * Buckets by key (a client address). Memory is bounded: full buckets are dropped (a full
 * bucket is the same as none), and past `maxKeys` the oldest keys go first.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rule: BucketRule,
    private readonly maxKeys = 50_000,
  ) {}

  private bucket(key: string, now: number): TokenBucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      b = new TokenBucket(this.rule, now);
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Takes a token from the key's bucket; false when it is empty. */
  take(key: string, now: number): boolean {
    return this.bucket(key, now).take(now);
  }

  /** Whether the key has a token left, without taking one. */
  has(key: string, now: number): boolean {
    return this.buckets.get(key)?.has(now) ?? true;
  }

  /** Milliseconds until the key has a token again. */
  retryAfterMs(key: string, now: number): number {
    return this.buckets.get(key)?.retryAfterMs(now) ?? 0;
  }

  /** Keys tracked now (for tests and leak checks). */
  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) if (b.isFull(now)) this.buckets.delete(key);
    // Still full of busy keys: forget the oldest tenth rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) {
      let drop = Math.ceil(this.maxKeys / 10);
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
