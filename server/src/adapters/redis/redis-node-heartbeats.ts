import type { RedisClient } from './redis-link.ts';
import type { NodeHeartbeats } from '../../ports/node-heartbeats.ts';
import { keys } from './keys.ts';

/** A key per node with a TTL (SET PX); one MGET asks after many nodes (their keys share a slot). */
export class RedisNodeHeartbeats implements NodeHeartbeats {
  constructor(private readonly redis: RedisClient) {}

  async beat(nodeId: string, ttlMs: number): Promise<void> {
    await this.redis.set(keys.node(nodeId), String(Date.now()), 'PX', ttlMs);
  }

  async alive(nodeIds: readonly string[]): Promise<Set<string>> {
    if (nodeIds.length === 0) return new Set();
    const values = await this.redis.mget(nodeIds.map((id) => keys.node(id)));
    return new Set(nodeIds.filter((_, i) => values[i] !== null));
  }

  async stop(nodeId: string): Promise<void> {
    await this.redis.del(keys.node(nodeId));
  }
}
