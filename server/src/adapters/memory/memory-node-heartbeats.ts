import type { Clock } from '../../ports/clock.ts';
import type { NodeHeartbeats } from '../../ports/node-heartbeats.ts';

/** Heartbeats in this process: for the embedded default (one node, always alive) and tests. */
export class MemoryNodeHeartbeats implements NodeHeartbeats {
  private readonly until = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async beat(nodeId: string, ttlMs: number): Promise<void> {
    this.until.set(nodeId, this.clock.now() + ttlMs);
  }

  async alive(nodeIds: readonly string[]): Promise<Set<string>> {
    const now = this.clock.now();
    return new Set(nodeIds.filter((id) => (this.until.get(id) ?? 0) > now));
  }

  async stop(nodeId: string): Promise<void> {
    this.until.delete(nodeId);
  }
}
