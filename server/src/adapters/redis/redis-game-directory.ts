import type { RedisClient } from './redis-link.ts';
import type { GameDirectory } from '../../ports/game-directory.ts';
import { keys } from './keys.ts';

// Delete only if the PIN still points at this game: a late release must not free a PIN that
// a newer game has claimed.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** PIN → game id in Redis; SET NX makes a PIN unique among live games across all nodes. */
export class RedisGameDirectory implements GameDirectory {
  constructor(private readonly redis: RedisClient) {}

  async claim(pin: string, gameId: string): Promise<boolean> {
    const ok = await this.redis.set(keys.pin(pin), gameId, 'NX');
    if (ok === 'OK') return true;
    return (await this.redis.get(keys.pin(pin))) === gameId;
  }

  async lookup(pin: string): Promise<string | null> {
    return this.redis.get(keys.pin(pin));
  }

  async release(pin: string, gameId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, keys.pin(pin), gameId);
  }
}
