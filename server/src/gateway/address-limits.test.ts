import { describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { MemoryRateBuckets } from '../adapters/memory/memory-rate-buckets.ts';
import { loadConfig } from '../config.ts';
import type { RateBuckets } from '../ports/rate-buckets.ts';
import { AddressLimits } from './address-limits.ts';

describe('AddressLimits over the RateBuckets port', () => {
  it('two nodes on one store share an address budget', async () => {
    const clock = new FakeClock();
    const shared = new MemoryRateBuckets();
    const config = loadConfig({ GAMES_PER_HOUR: '2' });
    const [a, b] = [new AddressLimits(config, clock, shared), new AddressLimits(config, clock, shared)];
    expect(await a.takeGame('school')).toBeNull();
    expect(await b.takeGame('school')).toBeNull();
    expect(await a.takeGame('school')).toMatchObject({ ack: { error: { code: 'RATE_LIMITED' } } });
    expect(await b.takeGame('school')).toMatchObject({ ack: { error: { code: 'RATE_LIMITED' } } });
  });

  it('fails open while the store is away: a refusal would end a seat over an outage', async () => {
    const away: RateBuckets = { take: () => Promise.reject(new Error('Command timed out')), wait: () => Promise.reject(new Error('Connection is closed.')) };
    const limits = new AddressLimits(loadConfig({}), new FakeClock(), away);
    expect(await limits.checkPin('school')).toBeNull();
    await expect(limits.countMiss('school')).resolves.toBeUndefined();
    expect(await limits.takeJoin('school')).toBeNull();
  });
});
