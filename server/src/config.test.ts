import { describe, expect, it } from 'vitest';
import { FakeClock } from './adapters/memory/fake-clock.ts';
import { loadConfig, redisSetup } from './config.ts';
import { AddressLimits } from './gateway/address-limits.ts';

/** One school's public address: every student behind its NAT counts as this one client. */
const SCHOOL = '203.0.113.7';
const SCHOOL_SIZE = 10_000;

describe('default limits and a whole school behind one address', () => {
  it('has a seat in one game for every student of the school', () => {
    expect(loadConfig({}).MAX_PLAYERS_PER_GAME).toBeGreaterThanOrEqual(SCHOOL_SIZE);
  });

  it('lets the whole school join from one address within three minutes', async () => {
    const clock = new FakeClock();
    const started = clock.now();
    const limits = new AddressLimits(loadConfig({}), clock);
    let seated = 0;
    // Students retry a refused join a second later, as fast as the limit lets them in.
    while (seated < SCHOOL_SIZE) {
      if ((await limits.takeJoin(SCHOOL)) === null) seated += 1;
      else await clock.advance(1_000);
    }
    expect(clock.now() - started).toBeLessThanOrEqual(3 * 60_000);
  });

  it('still stops a join flood from one address', async () => {
    const limits = new AddressLimits(loadConfig({}), new FakeClock());
    const refusals = await Promise.all(Array.from({ length: 5 * SCHOOL_SIZE }, () => limits.takeJoin(SCHOOL)));
    const accepted = refusals.filter((refusal) => refusal === null);
    expect(accepted.length).toBe(loadConfig({}).JOINS_PER_MINUTE);
    expect(accepted.length).toBeLessThan(SCHOOL_SIZE);
  });
});

describe('teacher access settings', () => {
  it('asks for a teacher login by default, lets the machine itself in, and refuses unknown modes', () => {
    const defaults = loadConfig({});
    expect([defaults.TEACHER_ACCESS, defaults.TEACHER_LOOPBACK]).toEqual(['login', true]);
    expect(loadConfig({ TEACHER_ACCESS: 'open', TEACHER_LOOPBACK: '0' })).toMatchObject({ TEACHER_ACCESS: 'open', TEACHER_LOOPBACK: false });
    expect(() => loadConfig({ TEACHER_ACCESS: 'off' })).toThrow();
  });
});

describe('redis settings', () => {
  it('is the embedded default without Redis, and one server without replicas to wait for with REDIS_URL', () => {
    expect(redisSetup(loadConfig({}))).toBeNull();
    expect(redisSetup(loadConfig({ REDIS_URL: 'redis://r:6379' }))).toEqual({ topology: { kind: 'plain', url: 'redis://r:6379' }, wait: { replicas: 0, timeoutMs: 500 } });
  });

  it('reads cluster seed nodes and sentinels, waiting for one replica by default', () => {
    expect(redisSetup(loadConfig({ REDIS_CLUSTER_NODES: 'a:7000, b:7001,[::1]:7002' }))).toEqual({
      topology: { kind: 'cluster', nodes: [{ host: 'a', port: 7000 }, { host: 'b', port: 7001 }, { host: '::1', port: 7002 }] },
      wait: { replicas: 1, timeoutMs: 500 },
    });
    expect(redisSetup(loadConfig({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_MASTER: 'quizbus', REDIS_WAIT_REPLICAS: '0', REDIS_WAIT_TIMEOUT_MS: '200' }))).toEqual({
      topology: { kind: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }], master: 'quizbus' },
      wait: { replicas: 0, timeoutMs: 200 },
    });
  });

  it('refuses two Redis settings at once, sentinels without a master name, an address without a port, and a WAIT past the command timeout', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://r', REDIS_CLUSTER_NODES: 'a:1' })).toThrow(/only one/);
    expect(() => loadConfig({ REDIS_SENTINELS: 's1:26379' })).toThrow(/REDIS_SENTINEL_MASTER/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a' })).toThrow(/host:port/);
    expect(() => loadConfig({ REDIS_URL: 'redis://r', REDIS_WAIT_TIMEOUT_MS: '5000' })).toThrow();
  });
});
