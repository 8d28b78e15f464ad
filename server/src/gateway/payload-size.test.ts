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

  it('weighs look-alike buffers as the objects they are, and never throws', () => {
    // What Socket.IO's decoder makes of {"__proto__": <attachment>} on the sending side (issue 19).
    const onAnArrayBuffer = Object.create(new ArrayBuffer(8)) as object;
    const lookAlikes: object[] = [
      onAnArrayBuffer,
      Object.create(ArrayBuffer.prototype) as object,
      Object.create(SharedArrayBuffer.prototype) as object,
      Object.create(Uint8Array.prototype) as object,
      Object.create(Float64Array.prototype) as object,
      Object.create(DataView.prototype) as object,
      Object.create(Buffer.prototype) as object,
      Object.assign(Object.create(Uint8Array.prototype) as object, { a: 'x'.repeat(100) }),
    ];
    for (const v of lookAlikes) {
      expect(() => payloadProblem([v], KB16)).not.toThrow();
      expect(payloadProblem([{ index: 0, answer: v }], KB16)).toBeNull();
    }
    // Weighed as objects: their own keys count, a megabyte behind a buffer's prototype too.
    expect(payloadProblem([Object.assign(Object.create(Uint8Array.prototype) as object, { a: 'x'.repeat(KB16) })], KB16)).toBe('too-large');
    // Real buffers and views are still weighed by their bytes, an own `byteLength` notwithstanding.
    const lying = new Uint8Array(KB16 + 1);
    Object.defineProperty(lying, 'byteLength', { value: 0 });
    expect(payloadProblem([lying], KB16)).toBe('too-large');
    expect(payloadProblem([new SharedArrayBuffer(KB16 + 1)], KB16)).toBe('too-large');
    expect(payloadProblem([new DataView(new ArrayBuffer(KB16 + 1))], KB16)).toBe('too-large');
    const moved = new Uint8Array(4);
    Object.setPrototypeOf(moved, { get byteLength() { throw new Error('no'); } });
    expect(payloadProblem([moved], KB16)).toBeNull();
  });

  it('refuses what cannot be read (proxies, throwing getters) as unreadable instead of throwing', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const revokedArray = Proxy.revocable([1], {});
    revokedArray.revoke();
    const hostileProxies: unknown[] = [
      revocable.proxy,
      revokedArray.proxy,
      new Proxy({}, { ownKeys: () => { throw new Error('keys'); } }),
      new Proxy({ a: 1 }, { get: () => { throw new Error('get'); } }),
      new Proxy([1, 2], { get: () => { throw new Error('length'); } }),
      Object.defineProperty({}, 'index', { enumerable: true, get: () => { throw new Error('getter'); } }),
    ];
    for (const v of hostileProxies) {
      expect(payloadProblem([v], KB16)).toBe('unreadable');
      expect(payloadProblem([{ answer: { kind: v } }], KB16)).toBe('unreadable');
    }
    // A proxy that reads like data is weighed like data.
    expect(payloadProblem([new Proxy({ pin: '123456' }, {})], KB16)).toBeNull();
    expect(payloadProblem([new Proxy({}, { getPrototypeOf: () => { throw new Error('proto'); } })], KB16)).toBeNull();
    // A cycle is not data either: it ends at the depth limit.
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(payloadProblem([cycle], KB16)).toBe('too-deep');
  });
});
