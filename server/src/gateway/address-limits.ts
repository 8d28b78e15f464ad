import type { Config } from '../config.ts';
import type { Clock } from '../ports/clock.ts';
import { fail } from './command-handler.ts';
import { MemoryRateBuckets } from '../adapters/memory/memory-rate-buckets.ts';
import type { RateBuckets } from '../ports/rate-buckets.ts';
import { ruleOf, type BucketRule } from './token-bucket.ts';

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
 * behind one school NAT joining at once fits, while a script trying PINs does not. The buckets
 * live behind the RateBuckets port: in this process on the embedded default, in Redis with
 * several nodes, so an address has one budget across the cluster (not one per node).
 */
export class AddressLimits {
  private readonly joins: BucketRule | null;
  private readonly misses: BucketRule | null;
  private readonly games: BucketRule | null;
  private readonly logins: BucketRule;

  constructor(
    config: Pick<Config, 'JOINS_PER_MINUTE' | 'PIN_MISSES_PER_MINUTE' | 'GAMES_PER_HOUR'>,
    private readonly clock: Clock,
    private readonly buckets: RateBuckets = new MemoryRateBuckets(),
  ) {
    this.joins = ruleOf(config.JOINS_PER_MINUTE, MINUTE);
    this.misses = ruleOf(config.PIN_MISSES_PER_MINUTE, MINUTE);
    this.games = ruleOf(config.GAMES_PER_HOUR, HOUR);
    this.logins = ruleOf(LOGIN_TRIES, LOGIN_WINDOW_MS) ?? { capacity: LOGIN_TRIES, perMs: LOGIN_TRIES / LOGIN_WINDOW_MS };
  }

  /**
   * Before a command that names a game by PIN: refused while the address has used up its
   * wrong guesses. Checked before the lookup, so a guesser learns nothing more.
   */
  async checkPin(address: string): Promise<Limited | null> {
    if (!this.misses) return null;
    const waitMs = await this.buckets.wait(`misses:${address}`, this.misses, this.clock.now()).catch(storeAway);
    return waitMs === 0 ? null : limited('Too many wrong PINs or codes from your network.', waitMs);
  }

  /** A PIN that names no game, or a token that opens nothing: one wrong guess. */
  async countMiss(address: string): Promise<void> {
    if (this.misses) await this.buckets.take(`misses:${address}`, this.misses, this.clock.now()).catch(storeAway);
  }

  /** A join attempt (counted whether it succeeds or not). */
  takeJoin(address: string): Promise<Limited | null> {
    return this.take(this.joins, `joins:${address}`, 'Too many joins from your network at once.');
  }

  /** A game creation. */
  takeGame(address: string): Promise<Limited | null> {
    return this.take(this.games, `games:${address}`, 'Too many games started from your network; try again later.');
  }

  /** A login attempt. */
  takeLogin(address: string): Promise<Limited | null> {
    return this.take(this.logins, `logins:${address}`, 'Too many login attempts; wait a few minutes.');
  }

  private async take(rule: BucketRule | null, key: string, message: string): Promise<Limited | null> {
    if (!rule) return null;
    const waitMs = await this.buckets.take(key, rule, this.clock.now()).catch(storeAway);
    return waitMs === 0 ? null : limited(message, waitMs);
  }

  /** Addresses tracked in this process, over all limits (for leak checks; 0 with Redis). */
  get trackedKeys(): number {
    return this.buckets instanceof MemoryRateBuckets ? this.buckets.size : 0;
  }
}

/**
 * The limits fail open: with the store away (Redis down or frozen) they let the command through
 * rather than fail it, so a resume during an outage meets the game's own honest answer
 * (UNAVAILABLE, OUTCOME_UNKNOWN) and is retried, instead of an error that ends the seat.
 */
function storeAway(): number {
  return 0;
}

function limited(message: string, retryMs: number): Limited {
  const seconds = Math.max(1, Math.ceil(retryMs / 1000));
  return { ack: fail('RATE_LIMITED', `${message} Try again in ${seconds} s.`), retryAfterSeconds: seconds };
}
