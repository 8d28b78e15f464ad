import type { Logger } from 'pino';
import type { GameState } from '../engine/index.ts';
import type { Clock } from '../ports/clock.ts';
import type { NodeHeartbeats } from '../ports/node-heartbeats.ts';
import type { PeriodicTasks } from './periodic-tasks.ts';

export interface NodePresenceOptions {
  nodeId: string;
  heartbeats: NodeHeartbeats;
  clock: Clock;
  logger: Logger;
  /** How long one heartbeat lasts (NODE_TTL_MS); a node beats every third of it. */
  nodeTtlMs: number;
  /** How often an owner looks for players on dead nodes. */
  checkMs?: number;
}

/** What presence needs of the node: the games it owns and a way to mark a player away. */
export interface PresenceGames {
  owned(): Iterable<GameState>;
  /** Runs the same `disconnect` a closed socket on node `via` would. */
  disconnect(gameId: string, playerId: string, via: string): Promise<unknown>;
}

/**
 * Presence that outlives a dead node. Every node keeps a heartbeat with a TTL; the owner of a
 * game looks at the nodes its connected players sit on, and once one of them has had no
 * heartbeat for a further TTL it marks those players away, exactly as their closed sockets
 * would have. So a player whose node died is away within 2 × NODE_TTL_MS + 2 checks (8 s by
 * default) and "everyone answered" closes questions again. The extra TTL of grace keeps a
 * store outage (when every heartbeat lapses at once) from marking everyone away: the owner
 * judges others only while its own beats get through, and they all beat again within a third
 * of a TTL. A player who comes back on a live node takes the seat back as always.
 */
export class NodePresence {
  /** Nodes seen without a heartbeat, since when. */
  private readonly missingSince = new Map<string, number>();
  private lastBeatAt: number | null = null;
  private readonly beatMs: number;

  constructor(
    private readonly o: NodePresenceOptions,
    private readonly games: PresenceGames,
    tasks: PeriodicTasks,
  ) {
    this.beatMs = Math.max(100, Math.floor(o.nodeTtlMs / 3));
    tasks.every(this.beatMs, () => this.beat());
    tasks.every(o.checkMs ?? 1000, () => this.check());
  }

  /** Says this node is alive; the first beat goes out at once. */
  async beat(): Promise<void> {
    await this.o.heartbeats.beat(this.o.nodeId, this.o.nodeTtlMs);
    this.lastBeatAt = this.o.clock.now();
  }

  /** Marks away the players of owned games whose node has been gone for longer than the bound. */
  async check(): Promise<void> {
    const now = this.o.clock.now();
    if (this.lastBeatAt === null || now - this.lastBeatAt > 2 * this.beatMs) {
      // This node cannot reach the store itself: it cannot tell a dead node from its own outage.
      this.missingSince.clear();
      return;
    }
    const seats = this.remoteSeats();
    if (seats.size === 0) {
      this.missingSince.clear();
      return;
    }
    const alive = await this.o.heartbeats.alive([...seats.keys()]);
    for (const node of [...this.missingSince.keys()]) if (!seats.has(node) || alive.has(node)) this.missingSince.delete(node);
    for (const [node, players] of seats) {
      if (alive.has(node)) continue;
      const since = this.missingSince.get(node) ?? now;
      this.missingSince.set(node, since);
      if (now - since < this.o.nodeTtlMs) continue;
      this.o.logger.warn({ node, players: players.length }, 'node gone: marking its players away');
      for (const { gameId, playerId } of players) await this.games.disconnect(gameId, playerId, node);
    }
  }

  /** Connected players of owned games whose socket is on another node, by node. */
  private remoteSeats(): Map<string, Array<{ gameId: string; playerId: string }>> {
    const byNode = new Map<string, Array<{ gameId: string; playerId: string }>>();
    for (const state of this.games.owned()) {
      for (const p of state.players.values()) {
        if (!p.connected || p.kicked || p.via === undefined || p.via === this.o.nodeId) continue;
        let list = byNode.get(p.via);
        if (!list) {
          list = [];
          byNode.set(p.via, list);
        }
        list.push({ gameId: state.gameId, playerId: p.id });
      }
    }
    return byNode;
  }

  /** This node leaves for good (shutdown): others need not wait for its heartbeat to lapse. */
  async stop(): Promise<void> {
    await this.o.heartbeats.stop(this.o.nodeId).catch(() => undefined);
  }
}
