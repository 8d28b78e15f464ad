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
 * One node's delivery figures for a game: what it relayed in its latest 250 ms window and how
 * many of the game's sockets it holds. With several nodes each one that fans out a watched game
 * sends its own, and the watching node lists them all.
 */
export const telemetryNodeSchema = z.object({
  /** The node's name (NODE_ID). */
  nodeId: z.string(),
  /** Whether this node owns the game (decides its commands and appends to its log). */
  owner: z.boolean(),
  /** The last event of the game's log this node has relayed to its sockets. */
  seq: z.number().int(),
  /** Events this node relayed in its latest window (0 in a note sent only to say it is there). */
  eventsInWindow: z.number().int(),
  eventsPerSecond: z.number(),
  /** Largest delay in that window from the event's decision on the owner (`at`) to its fan-out here. */
  maxLagMs: z.number(),
  /** The game's sockets on this node, by role. */
  reached: telemetryReachSchema,
  /** How long ago the watching node heard these figures (0 for itself). */
  ageMs: z.number(),
});

/**
 * One message per game per window (250 ms) from each node to its watchers, only when events
 * happened in the window or another node's figures arrived. Its top-level figures are the
 * reporting node's own (the node this socket is connected to), as in `nodes` but without an age;
 * `events` are the entries new since the previous message (the ring buffer keeps the last 64;
 * `dropped` counts older ones that did not fit).
 */
export const telemetryEventsSchema = telemetryNodeSchema.omit({ ageMs: true }).extend({
  /** Where events travel between nodes: `quizbus:game:{id}:events` or `in-process bus (embedded)`. */
  channel: z.string(),
  windowMs: z.number().int(),
  dropped: z.number().int(),
  events: z.array(telemetryEntrySchema),
  /** The node that owns the game, when known (from its own figures). */
  ownerNode: z.string().nullable(),
  /** Every node that relays the game, this one included, by name. */
  nodes: z.array(telemetryNodeSchema),
});

export type TelemetryEntry = z.infer<typeof telemetryEntrySchema>;
export type TelemetryEvents = z.infer<typeof telemetryEventsSchema>;
export type TelemetryNode = z.infer<typeof telemetryNodeSchema>;
