import { describe, expect, it } from 'vitest';
import { payloadProblem } from './payload-size.ts';

describe('payloadProblem', () => {
  const KB16 = 16_384;

  it('passes ordinary commands and weighs strings as UTF-8', () => {
    expect(payloadProblem([{ pin: '123456', nickname: 'Ann' }], KB16)).toBeNull();
    expect(payloadProblem([{ text: 'x'.repeat(16_000) }], KB16)).toBeNull();
    expect(payloadProblem([{ text: 'x'.repeat(16_400) }], KB16)).toBe('too-large');
    expect(payloadProblem([{ text: '€'.repeat(6_000) }], KB16)).toBe('too-large');
  });

  it('weighs keys, array slots and binary attachments', () => {
    expect(payloadProblem([Array(20_000).fill(0)], KB16)).toBe('too-large');
    expect(payloadProblem([Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1]))], KB16)).toBe('too-large');
    expect(payloadProblem([Buffer.alloc(KB16 + 1)], KB16)).toBe('too-large');
    expect(payloadProblem([new Float64Array(2048).buffer, new Uint8Array(10)], KB16)).toBe('too-large');
    expect(payloadProblem([Buffer.alloc(100)], KB16)).toBeNull();
  });

  it('stops at the depth limit without recursion, however deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    expect(payloadProblem([deep], 10_000_000)).toBe('too-deep');
    let ok: unknown = 1;
    for (let i = 0; i < 10; i += 1) ok = [ok];
    expect(payloadProblem([ok], KB16)).toBeNull();
  });

  it('does not scan a huge string or array past the limit', () => {
    const huge = 'y'.repeat(5_000_000);
    expect(payloadProblem([huge], KB16)).toBe('too-large');
    expect(payloadProblem([new Array(5_000_000)], KB16)).toBe('too-large');
  });
});
