import { z } from 'zod';

/**
 * The "under the hood" telemetry: what a node saw of a game's events, for the host console and
 * the display that opted in with `telemetry.watch`. Safe by construction: an entry carries a
 * readable summary built from an allow-list of fields, never a player's answer, grade or token,
 * and never a question's correct option (answers appear only as counts).
 */
export const telemetryEntrySchema = z.object({
  /** The domain event type, e.g. `answer.accepted`. */
  type: z.string(),
  /** Sequence number of the (first) event in the game's log. */
  seq: z.number().int(),
  /** For runs of answers folded into one entry: the last sequence number; otherwise = seq. */
  toSeq: z.number().int(),
  /** How many events this entry stands for (answers are folded; 1 otherwise). */
  count: z.number().int(),
  /** Owner's commit time of the (first) event, ms since epoch. */
  at: z.number(),
  /** A readable, safe payload, e.g. `question 2 closed (deadline)` or `3 answers`. */
  summary: z.string(),
});

/** Sockets of this game on the reporting node, by role. */
export const telemetryReachSchema = z.object({
  host: z.number().int(),
  display: z.number().int(),
  players: z.number().int(),
});

/**
 * One message per game per window (250 ms) from each node to its watchers, only when events
 * happened in the window. `events` are the entries new since the previous message (the ring
 * buffer keeps the last 64; `dropped` counts older ones that did not fit).
 */
export const telemetryEventsSchema = z.object({
  /** The game's seq as this node holds it. */
  seq: z.number().int(),
  /** The node that relayed these events to this socket. */
  nodeId: z.string(),
  /** Whether this node owns the game (runs its commands and appends to its log). */
  owner: z.boolean(),
  /** Where events travel between nodes: `quizbus:game:{id}:events` or `in-process bus (embedded)`. */
  channel: z.string(),
  windowMs: z.number().int(),
  /** Events delivered on this node during the window. */
  eventsInWindow: z.number().int(),
  eventsPerSecond: z.number(),
  /**
   * Largest delay in the window from the event's commit on the owner (its `at`, owner's clock)
   * to its delivery to sockets on this node. Across nodes it includes clock skew.
   */
  maxLagMs: z.number(),
  reached: telemetryReachSchema,
  dropped: z.number().int(),
  events: z.array(telemetryEntrySchema),
});

export type TelemetryEntry = z.infer<typeof telemetryEntrySchema>;
export type TelemetryEvents = z.infer<typeof telemetryEventsSchema>;
