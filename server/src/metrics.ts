import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from './ports/clock.ts';
import type { GameBus } from './ports/game-bus.ts';
import type { EventLog } from './ports/event-log.ts';

/**
 * Prometheus metrics of one node, served at GET /metrics. One registry per node (tests run
 * several nodes in one process), default process metrics included.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly commands: Counter<'command' | 'outcome'>;
  readonly commandSeconds: Histogram<'command'>;
  readonly eventsPublished: Counter;
  readonly eventsReceived: Counter;
  readonly busLagSeconds: Histogram;
  readonly reportQueueLength: Gauge;
  readonly reportSeconds: Histogram<'outcome'>;
  readonly reportsDeferred: Counter;
  readonly assignmentRequests: Counter<'request' | 'outcome'>;

  constructor(gauges: { sockets: () => number; ownedGames: () => number; watchedGames: () => number }, nodeId: string) {
    this.registry.setDefaultLabels({ node: nodeId });
    collectDefaultMetrics({ register: this.registry, prefix: 'quizbus_process_' });
    const registers = [this.registry];
    this.commands = new Counter({
      name: 'quizbus_commands_total',
      help: 'Commands received, by type and outcome (ok or the error code)',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.assignmentRequests = new Counter({
      name: 'quizbus_assignment_requests_total',
      help: 'Self-paced assignment requests this node served, by request (start, view, answer, next) and outcome (ok or the error code)',
      labelNames: ['request', 'outcome'],
      registers,
    });
    this.commandSeconds = new Histogram({
      name: 'quizbus_command_seconds',
      help: 'Time from receiving a command to sending its ack',
      labelNames: ['command'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.eventsPublished = new Counter({ name: 'quizbus_events_published_total', help: 'Domain events committed and published by this node', registers });
    this.eventsReceived = new Counter({ name: 'quizbus_events_received_total', help: 'Domain events received from other nodes over the bus', registers });
    this.busLagSeconds = new Histogram({
      name: 'quizbus_bus_lag_seconds',
      help: 'Time from an event being stamped by its owner to its arrival here',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.reportQueueLength = new Gauge({ name: 'quizbus_report_queue_length', help: 'Reports of ended games waiting to be built and saved, or being built', registers });
    this.reportSeconds = new Histogram({
      name: 'quizbus_report_seconds',
      help: 'Time to build and save one game report, from leaving the queue',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.reportsDeferred = new Counter({ name: 'quizbus_reports_deferred_total', help: 'Reports not queued because the queue was full (saved when the game is removed)', registers });
    new Gauge({ name: 'quizbus_connected_sockets', help: 'Sockets connected to this node', registers, collect() {
      this.set(gauges.sockets());
    } });
    new Gauge({ name: 'quizbus_live_games', help: 'Games this node owns', registers, collect() {
      this.set(gauges.ownedGames());
    } });
    new Gauge({ name: 'quizbus_watched_games', help: 'Games this node has sockets in', registers, collect() {
      this.set(gauges.watchedGames());
    } });
  }
}

/** Wraps a log so that the events its appends publish on the bus are counted (quizbus_events_published_total). */
export function instrumentLog(log: EventLog, metrics: Metrics): EventLog {
  return {
    append: async (gameId, expectedVersion, events, origin) => {
      await log.append(gameId, expectedVersion, events, origin);
      if (origin !== undefined) metrics.eventsPublished.inc(events.length);
    },
    read: (gameId, afterSeq) => log.read(gameId, afterSeq),
    version: (gameId) => log.version(gameId),
    remove: (gameId) => log.remove(gameId),
  };
}

/** Wraps a bus so that events published and received, and the bus lag, are counted. */
export function instrumentBus(bus: GameBus, metrics: Metrics, clock: Clock): GameBus {
  return {
    publish: async (gameId, message) => {
      await bus.publish(gameId, message);
      metrics.eventsPublished.inc(message.events.length);
    },
    subscribe: (gameId, handler) =>
      bus.subscribe(gameId, (message) => {
        metrics.eventsReceived.inc(message.events.length);
        const last = message.events[message.events.length - 1];
        if (last) metrics.busLagSeconds.observe(Math.max(0, clock.now() - last.at) / 1000);
        handler(message);
      }),
    close: () => bus.close(),
  };
}
