import type { TelemetryNode } from '@quizbus/shared';
import type { DeliveryNote } from '../ports/telemetry-bus.ts';

/** One node's figures for a game, without their age (what a node knows of itself). */
export type NodeFigures = Omit<TelemetryNode, 'ageMs'>;

/** A note from another node, with the moment this node heard it (its own clock). */
export interface HeardNote {
  note: DeliveryNote;
  heardAt: number;
}

/** What one node relayed in one window: the figures it shows and sends. */
export function windowFigures(input: {
  nodeId: string;
  owner: boolean;
  seq: number;
  events: number;
  windowMs: number;
  maxLagMs: number;
  reached: TelemetryNode['reached'];
}): NodeFigures {
  const { nodeId, owner, seq, events, windowMs, maxLagMs, reached } = input;
  return { nodeId, owner, seq, eventsInWindow: events, eventsPerSecond: Math.round((events * 1000) / windowMs), maxLagMs, reached };
}

/**
 * Every node that relays a game, as the watching node lists it: its own figures (age 0) and the
 * latest note of each other node heard within `staleMs`, sorted by name. A node that stopped
 * sending (gone, or no longer serving the game) drops out once its note is stale; the caller's
 * heartbeat makes live nodes send well within that.
 */
export function mergeNodes(self: NodeFigures | null, heard: Iterable<HeardNote>, now: number, staleMs: number): TelemetryNode[] {
  const byNode = new Map<string, TelemetryNode>();
  for (const { note, heardAt } of heard) {
    const ageMs = Math.max(0, now - heardAt);
    if (ageMs > staleMs || note.nodeId === self?.nodeId) continue;
    const { gameId: _gameId, ...figures } = note;
    byNode.set(note.nodeId, { ...figures, ageMs });
  }
  if (self) byNode.set(self.nodeId, { ...self, ageMs: 0 });
  return [...byNode.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}

/**
 * The owner among the listed nodes. During a takeover two may say so for a moment: the one that
 * has relayed further in the log is the current one.
 */
export function ownerNode(nodes: readonly TelemetryNode[]): string | null {
  let best: TelemetryNode | null = null;
  for (const n of nodes) if (n.owner && (!best || n.seq > best.seq)) best = n;
  return best?.nodeId ?? null;
}
