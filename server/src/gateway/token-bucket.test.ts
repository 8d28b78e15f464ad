import { describe, expect, it } from 'vitest';
import { KeyedBuckets, ruleOf, TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows the burst, then the rate, and never more than the burst after a rest', () => {
    const b = new TokenBucket({ capacity: 3, perMs: 1 / 1000 }, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.retryAfterMs(0)).toBe(1000);
    expect(b.take(999)).toBe(false);
    expect(b.take(1000)).toBe(true);
    expect(b.isFull(1_000_000)).toBe(true);
    expect([b.take(1_000_000), b.take(1_000_000), b.take(1_000_000), b.take(1_000_000)]).toEqual([true, true, true, false]);
  });

  it('ignores time going backwards', () => {
    const b = new TokenBucket({ capacity: 1, perMs: 1 }, 100);
    expect(b.take(100)).toBe(true);
    expect(b.take(50)).toBe(false);
  });
});

describe('ruleOf', () => {
  it('is off for 0 and spreads the count over the window', () => {
    expect(ruleOf(0, 60_000)).toBeNull();
    expect(ruleOf(30, 60_000)).toEqual({ capacity: 30, perMs: 30 / 60_000 });
    expect(ruleOf(10, 1000, 40)).toEqual({ capacity: 40, perMs: 0.01 });
  });
});

describe('KeyedBuckets', () => {
  it('keeps one bucket per key and forgets full ones when it must, staying bounded', () => {
    const k = new KeyedBuckets({ capacity: 1, perMs: 1 / 1000 }, 100);
    expect(k.take('a', 0)).toBe(true);
    expect(k.take('a', 0)).toBe(false);
    expect(k.has('a', 0)).toBe(false);
    expect(k.has('b', 0)).toBe(true);
    for (let i = 0; i < 1000; i += 1) k.take(`addr-${i}`, 0);
    expect(k.size).toBeLessThanOrEqual(100);
    for (let i = 0; i < 1000; i += 1) k.take(`later-${i}`, 10_000 + i);
    expect(k.size).toBeLessThanOrEqual(100);
  });
});
