import { telemetryNodeSchema, type TelemetryNode } from '@quizbus/shared';
import { z } from 'zod';

/** A node says it started (or stopped) watching a game's event flow for the panel. */
export interface WatchNotice {
  gameId: string;
  /** The node whose sockets watch. */
  nodeId: string;
  watching: boolean;
  /** How long the notice holds unless renewed (the watcher's heartbeat renews it well before). */
  ttlMs: number;
}

/** One node's delivery figures for a game, as it sends them to the nodes that watch the game. */
export type DeliveryNote = Omit<TelemetryNode, 'ageMs'> & { gameId: string };

/** What a received note must look like; notes come from other processes, so they are checked. */
export const deliveryNoteSchema = telemetryNodeSchema.omit({ ageMs: true }).extend({ gameId: z.string() });

/** What a received watch notice must look like. */
export const watchNoticeSchema = z.object({ gameId: z.string(), nodeId: z.string(), watching: z.boolean(), ttlMs: z.number() });

/**
 * The "under the hood" panel across nodes. Watch notices reach every node (one subscription per
 * node, not per game), so a node learns which games are watched somewhere without asking per
 * event; delivery notes go per game, only to the nodes that watch it. Nothing travels while
 * nobody watches. At most once, like the game bus: a lost note is replaced by the next one.
 */
export interface TelemetryBus {
  /** Tells every node (this one included) that a node watches, or stopped watching, a game. */
  announce(notice: WatchNotice): Promise<void>;
  /** Receives every node's watch notices; resolves once the subscription is live. */
  onNotice(handler: (notice: WatchNotice) => void): Promise<() => Promise<void>>;
  /** Sends this node's figures for a game to the nodes that subscribed to its notes. */
  publishNote(note: DeliveryNote): Promise<void>;
  /** Receives every node's notes for a game; resolves once the subscription is live. */
  subscribeNotes(gameId: string, handler: (note: DeliveryNote) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
