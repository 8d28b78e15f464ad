import type { RedisClient } from './redis-link.ts';
import type { GameLeases } from '../../ports/game-leases.ts';
import { keys } from './keys.ts';

// Extend the lease only while we hold it; otherwise report it lost.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Game ownership as a key with a TTL: SET NX PX to take it, a compare-and-extend to keep it. */
export class RedisGameLeases implements GameLeases {
  constructor(private readonly redis: RedisClient) {}

  async acquire(gameId: string, nodeId: string, ttlMs: number): Promise<boolean> {
    if ((await this.redis.set(keys.owner(gameId), nodeId, 'PX', ttlMs, 'NX')) === 'OK') return true;
    const renewed = await this.redis.eval(RENEW, 1, keys.owner(gameId), nodeId, ttlMs);
    return renewed === 1;
  }

  async renew(gameIds: readonly string[], nodeId: string, ttlMs: number): Promise<string[]> {
    if (gameIds.length === 0) return [];
    // One command per game, not one pipeline: a cluster pipeline must keep to one slot, and the
    // games' owner keys sit on their own slots. Autopipelining still sends them in one write per node.
    const results = await Promise.all(gameIds.map((id) => this.redis.eval(RENEW, 1, keys.owner(id), nodeId, ttlMs).catch(() => 0)));
    return gameIds.filter((_, i) => results[i] !== 1);
  }

  async release(gameId: string, nodeId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, keys.owner(gameId), nodeId);
  }

  async owner(gameId: string): Promise<string | null> {
    return this.redis.get(keys.owner(gameId));
  }

  async track(gameId: string): Promise<void> {
    await this.redis.sadd(keys.liveGames(), gameId);
  }

  async untrack(gameId: string): Promise<void> {
    await this.redis.srem(keys.liveGames(), gameId);
  }

  async orphans(): Promise<string[]> {
    const live = await this.redis.smembers(keys.liveGames());
    if (live.length === 0) return [];
    // Owner keys of different games sit on different cluster slots: ask one by one (autopipelined);
    // a failed question counts as owned, so a hiccup never hands a live game over.
    const owned = await Promise.all(live.map((id) => this.redis.exists(keys.owner(id)).catch(() => 1)));
    return live.filter((_, i) => owned[i] === 0);
  }
}
