import type { TelemetryEntry, TelemetryEvents, TelemetryNode } from '@quizbus/shared';

type TelemetryReach = TelemetryNode['reached'];

/** Entries the log keeps, newest last. */
export const LOG_LINES = 40;
/** Pulses kept on the diagram: older ones have finished crossing it. */
const PULSES = 8;
/** Pulses one telemetry message starts (its newest entries); a burst shows as a few, not dozens. */
const PULSES_PER_MESSAGE = 3;

/** One event (or folded run of answers) crossing the diagram, keyed for a fresh animation. */
export interface Pulse {
  key: number;
  entry: TelemetryEntry;
  /** Its place among the pulses of one message, to stagger them. */
  order: number;
}

/** What the "under the hood" views know of a game's event flow, built from telemetry messages. */
export interface Flow {
  latest: TelemetryEvents | null;
  log: TelemetryEntry[];
  /**
   * Each node's command → fan-out delay in its latest window that relayed events. A quiet
   * window measures nothing, so it does not wipe the last figure off the table.
   */
  lagMs: Record<string, number>;
  pulses: Pulse[];
  /** Key of the next pulse (a counter, so React restarts the animation for each). */
  nextKey: number;
}

export const emptyFlow: Flow = { latest: null, log: [], lagMs: {}, pulses: [], nextKey: 0 };

/** The flow after one more telemetry message. */
export function advance(f: Flow, message: TelemetryEvents): Flow {
  const lagMs = { ...f.lagMs };
  for (const n of message.nodes) if (n.eventsInWindow > 0) lagMs[n.nodeId] = n.maxLagMs;
  const fresh = message.events.slice(-PULSES_PER_MESSAGE).map((entry, order) => ({ key: f.nextKey + order, entry, order }));
  return {
    latest: message,
    log: [...f.log, ...message.events].slice(-LOG_LINES),
    lagMs,
    pulses: [...f.pulses, ...fresh].slice(-PULSES),
    nextKey: f.nextKey + fresh.length,
  };
}

/** The game's sockets on every node that relays it, by role. */
export function reachTotal(f: Flow): TelemetryReach {
  const total = { host: 0, display: 0, players: 0 };
  for (const n of f.latest?.nodes ?? []) {
    total.host += n.reached.host;
    total.display += n.reached.display;
    total.players += n.reached.players;
  }
  return total;
}

/** The slowest node's latest command → fan-out delay, or null before any was measured. */
export function slowestLagMs(f: Flow): number | null {
  const lags = (f.latest?.nodes ?? []).flatMap((n) => f.lagMs[n.nodeId] ?? []);
  return lags.length > 0 ? Math.max(...lags) : null;
}
