import { describe, expect, it } from 'vitest';
import { FakeClock } from './adapters/memory/fake-clock.ts';
import { loadConfig } from './config.ts';
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
      if (limits.takeJoin(SCHOOL) === null) seated += 1;
      else await clock.advance(1_000);
    }
    expect(clock.now() - started).toBeLessThanOrEqual(3 * 60_000);
  });

  it('still stops a join flood from one address', () => {
    const limits = new AddressLimits(loadConfig({}), new FakeClock());
    const accepted = Array.from({ length: 5 * SCHOOL_SIZE }, () => limits.takeJoin(SCHOOL)).filter((refusal) => refusal === null);
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
