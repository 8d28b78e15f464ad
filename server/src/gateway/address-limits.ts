import type { Config } from '../config.ts';
import type { Clock } from '../ports/clock.ts';
import { fail } from './command-handler.ts';
import { KeyedBuckets, ruleOf } from './token-bucket.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Wrong teacher passwords: 10 tries, then one more every 90 seconds (10 per quarter hour). */
const LOGIN_TRIES = 10;
const LOGIN_WINDOW_MS = 15 * MINUTE;

/** A refusal: the ack to send, and how long to wait (HTTP sends it as Retry-After). */
export interface Limited {
  ack: ReturnType<typeof fail>;
  retryAfterSeconds: number;
}

/**
 * Limits per client address (see client-address.ts for what an address is behind proxies):
 * joins, wrong PINs or tokens (against guessing a game's PIN), game creation and teacher
 * logins. Each is a token bucket whose burst equals its count per window, so a whole class
 * behind one school NAT joining at once fits, while a script trying PINs does not.
 */
export class AddressLimits {
  private readonly joins: KeyedBuckets | null;
  private readonly misses: KeyedBuckets | null;
  private readonly games: KeyedBuckets | null;
  private readonly logins: KeyedBuckets;

  constructor(
    config: Pick<Config, 'JOINS_PER_MINUTE' | 'PIN_MISSES_PER_MINUTE' | 'GAMES_PER_HOUR'>,
    private readonly clock: Clock,
  ) {
    const keyed = (rule: ReturnType<typeof ruleOf>) => (rule ? new KeyedBuckets(rule) : null);
    this.joins = keyed(ruleOf(config.JOINS_PER_MINUTE, MINUTE));
    this.misses = keyed(ruleOf(config.PIN_MISSES_PER_MINUTE, MINUTE));
    this.games = keyed(ruleOf(config.GAMES_PER_HOUR, HOUR));
    this.logins = new KeyedBuckets(ruleOf(LOGIN_TRIES, LOGIN_WINDOW_MS) ?? { capacity: LOGIN_TRIES, perMs: LOGIN_TRIES / LOGIN_WINDOW_MS });
  }

  /**
   * Before a command that names a game by PIN: refused while the address has used up its
   * wrong guesses. Checked before the lookup, so a guesser learns nothing more.
   */
  checkPin(address: string): Limited | null {
    const now = this.clock.now();
    if (!this.misses || this.misses.has(address, now)) return null;
    return limited('Too many wrong PINs or codes from your network.', this.misses.retryAfterMs(address, now));
  }

  /** A PIN that names no game, or a token that opens nothing: one wrong guess. */
  countMiss(address: string): void {
    this.misses?.take(address, this.clock.now());
  }

  /** A join attempt (counted whether it succeeds or not). */
  takeJoin(address: string): Limited | null {
    const now = this.clock.now();
    if (!this.joins || this.joins.take(address, now)) return null;
    return limited('Too many joins from your network at once.', this.joins.retryAfterMs(address, now));
  }

  /** A game creation. */
  takeGame(address: string): Limited | null {
    const now = this.clock.now();
    if (!this.games || this.games.take(address, now)) return null;
    return limited('Too many games started from your network; try again later.', this.games.retryAfterMs(address, now));
  }

  /** A login attempt. */
  takeLogin(address: string): Limited | null {
    const now = this.clock.now();
    if (this.logins.take(address, now)) return null;
    return limited('Too many login attempts; wait a few minutes.', this.logins.retryAfterMs(address, now));
  }

  /** Addresses tracked, over all limits (for leak checks). */
  get trackedKeys(): number {
    return (this.joins?.size ?? 0) + (this.misses?.size ?? 0) + (this.games?.size ?? 0) + this.logins.size;
  }
}

function limited(message: string, retryMs: number): Limited {
  const seconds = Math.max(1, Math.ceil(retryMs / 1000));
  return { ack: fail('RATE_LIMITED', `${message} Try again in ${seconds} s.`), retryAfterSeconds: seconds };
}
