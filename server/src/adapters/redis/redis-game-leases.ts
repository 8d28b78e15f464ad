import type { Redis } from 'ioredis';
import type { GameLeases } from '../../ports/game-leases.ts';
import { keys } from './keys.ts';

// Extend the lease only while we hold it; otherwise report it lost.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Game ownership as a key with a TTL: SET NX PX to take it, a compare-and-extend to keep it. */
export class RedisGameLeases implements GameLeases {
  constructor(private readonly redis: Redis) {}

  async acquire(gameId: string, nodeId: string, ttlMs: number): Promise<boolean> {
    if ((await this.redis.set(keys.owner(gameId), nodeId, 'PX', ttlMs, 'NX')) === 'OK') return true;
    const renewed = await this.redis.eval(RENEW, 1, keys.owner(gameId), nodeId, ttlMs);
    return renewed === 1;
  }

  async renew(gameIds: readonly string[], nodeId: string, ttlMs: number): Promise<string[]> {
    if (gameIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of gameIds) pipeline.eval(RENEW, 1, keys.owner(id), nodeId, ttlMs);
    const results = (await pipeline.exec()) ?? [];
    return gameIds.filter((_, i) => {
      const [err, value] = results[i] ?? [new Error('no reply'), 0];
      return err !== null || value !== 1;
    });
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
    // Owner keys of different games sit on different cluster slots: ask one by one, pipelined.
    const pipeline = this.redis.pipeline();
    for (const id of live) pipeline.exists(keys.owner(id));
    const results = (await pipeline.exec()) ?? [];
    return live.filter((_, i) => results[i]?.[0] === null && results[i]?.[1] === 0);
  }
}
