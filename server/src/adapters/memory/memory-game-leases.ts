import type { Clock } from '../../ports/clock.ts';
import type { GameLeases } from '../../ports/game-leases.ts';

/**
 * Leases in this process. On the embedded default there is one node and it owns every game;
 * shared between several in-process nodes it behaves like the Redis leases (tests).
 */
export class MemoryGameLeases implements GameLeases {
  private readonly leases = new Map<string, { node: string; until: number }>();
  private readonly live = new Set<string>();

  constructor(private readonly clock: Clock) {}

  private holder(gameId: string): string | null {
    const l = this.leases.get(gameId);
    if (!l || l.until <= this.clock.now()) return null;
    return l.node;
  }

  async acquire(gameId: string, nodeId: string, ttlMs: number): Promise<boolean> {
    const holder = this.holder(gameId);
    if (holder !== null && holder !== nodeId) return false;
    this.leases.set(gameId, { node: nodeId, until: this.clock.now() + ttlMs });
    return true;
  }

  async renew(gameIds: readonly string[], nodeId: string, ttlMs: number): Promise<string[]> {
    const lost: string[] = [];
    for (const id of gameIds) {
      if (this.holder(id) === nodeId) this.leases.set(id, { node: nodeId, until: this.clock.now() + ttlMs });
      else lost.push(id);
    }
    return lost;
  }

  async release(gameId: string, nodeId: string): Promise<void> {
    if (this.leases.get(gameId)?.node === nodeId) this.leases.delete(gameId);
  }

  async owner(gameId: string): Promise<string | null> {
    return this.holder(gameId);
  }

  async track(gameId: string): Promise<void> {
    this.live.add(gameId);
  }

  async untrack(gameId: string): Promise<void> {
    this.live.delete(gameId);
  }

  async orphans(): Promise<string[]> {
    return [...this.live].filter((id) => this.holder(id) === null);
  }
}
