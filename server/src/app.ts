import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { embeddedAdapters, type AdapterSet } from './adapters/adapter-set.ts';
import { SystemClock } from './adapters/memory/system-clock.ts';
import type { Config } from './config.ts';
import { channels } from './adapters/redis/keys.ts';
import { EventTelemetry } from './gateway/event-telemetry.ts';
import { followTelemetryRooms, TelemetryWatch } from './gateway/telemetry-watch.ts';
import { Fanout } from './gateway/fanout.ts';
import { replayRoute } from './gateway/replay-route.ts';
import { createHardening } from './gateway/hardening.ts';
import { httpErrorHandler, httpRoutes } from './gateway/http-routes.ts';
import { benchRoute } from './gateway/bench-route.ts';
import { clientFiles } from './gateway/client-files.ts';
import { OneBufferAdapter } from './gateway/one-buffer-adapter.ts';
import { quizTransferRoutes } from './gateway/quiz-transfer-routes.ts';
import { mediaRoutes } from './gateway/media-routes.ts';
import { reportRoutes } from './gateway/report-routes.ts';
import { assignmentRoutes } from './gateway/assignment-routes.ts';
import { AssignmentService } from './assignments/assignment-service.ts';
import { resultsCsvRoute } from './gateway/results-csv-route.ts';
import type { TeacherAuth } from './gateway/teacher-auth.ts';
import { serverInfoRoute } from './gateway/server-info-route.ts';
import { attachSocketGateway } from './gateway/socket-gateway.ts';
import type { QuizbusServer } from './gateway/socket-types.ts';
import { GameNode } from './games/game-node.ts';
import { newId } from './games/tokens.ts';
import { createLogger } from './logger.ts';
import { watchLeaks } from './leak-gauges.ts';
import { instrumentBus, instrumentLog, Metrics } from './metrics.ts';
import { REPORT_QUEUE_DEFAULTS } from './games/report-keeper.ts';
import { joinBaseUrl } from './network-urls.ts';
import type { Clock } from './ports/clock.ts';
import { loadBundledQuizzes } from './quizzes/bundled.ts';

export interface QuizbusOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** The ports' adapters; the embedded default when omitted. */
  adapters?: AdapterSet;
  nodeId?: string;
  /** Called after a one-time teacher login link was used (main.ts prints a fresh one). */
  onLoginLinkUsed?: () => void;
}

export interface Quizbus {
  http: HttpServer;
  /** The Express app (its router lists every HTTP route, for the tests that walk them all). */
  app: Express;
  io: QuizbusServer;
  node: GameNode;
  fanout: Fanout;
  logger: Logger;
  nodeId: string;
  metrics: Metrics;
  /** Teacher access: login links, the teacher check. */
  teacher: TeacherAuth;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** SIGTERM: hand owned games over, close sockets so clients reconnect elsewhere, stop. */
  shutdown(): Promise<void>;
  close(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;
const CLIENT_DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));
const FALLBACK_PAGE = fileURLToPath(new URL('../public/', import.meta.url));

/** This node's name: NODE_ID, or a random one. */
export function nodeIdFor(config: Config): string {
  return config.NODE_ID ?? newId('g').replace(/^g_/, 'node-');
}

/**
 * The composition root of one node: adapters (embedded by default, Redis when given), the
 * GameNode, the fan-out, Socket.IO, metrics and the HTTP routes.
 */
export function createQuizbus(options: QuizbusOptions): Quizbus {
  const { config, clock = new SystemClock() } = options;
  const nodeId = options.nodeId ?? nodeIdFor(config);
  const log = options.logger ?? createLogger(config.LOG_LEVEL, { node: nodeId });
  const adapters = options.adapters ?? embeddedAdapters(clock, loadBundledQuizzes(), config.DATA_DIR, config.REPORT_RETENTION_DAYS * DAY_MS);
  let fanout: Fanout | null = null;
  let telemetry: EventTelemetry | null = null;
  let node: GameNode | null = null;
  const metrics = new Metrics(
    // Called only when metrics are collected, after io exists.
    { sockets: () => io.engine.clientsCount, ownedGames: () => node?.ownedCount ?? 0, watchedGames: () => node?.watchedCount ?? 0 },
    nodeId,
  );
  const observe = (command: string, outcome: string, seconds: number) => {
    metrics.commands.inc({ command, outcome });
    metrics.commandSeconds.observe({ command }, seconds);
  };
  const hardening = createHardening(
    config,
    clock,
    log,
    { keys: adapters.teacherKeys, ...(options.onLoginLinkUsed && { onLoginLinkUsed: options.onLoginLinkUsed }) },
    observe,
    adapters.rateBuckets,
  );
  const app = express();
  app.disable('x-powered-by');
  hardening.applyHttp(app);
  app.use(express.json({ limit: '512kb' }));
  const http = createServer(app);
  const io: QuizbusServer = new Server(http, {
    maxHttpBufferSize: config.MAX_MESSAGE_BYTES,
    serveClient: false,
    // Broadcast frames written as one buffer each (one-buffer-adapter.ts).
    adapter: OneBufferAdapter,
    // Same origin unless CORS_ORIGINS opens it: the client is served by this server.
    cors: hardening.corsOrigins.length > 0 ? { origin: hardening.corsOrigins, methods: ['GET', 'POST'] } : undefined,
  });
  node = new GameNode({
    nodeId,
    clock,
    logger: log,
    log: instrumentLog(adapters.log, metrics),
    bus: instrumentBus(adapters.bus, metrics, clock),
    turnBetweenCommands: adapters.mode === 'redis',
    directory: adapters.directory,
    leases: adapters.leases,
    relay: adapters.relay,
    quizzes: adapters.quizzes,
    reports: adapters.reports,
    sink: (event, state) => {
      fanout?.deliver(event, state);
      telemetry?.record(event);
    },
    onRemoved: (gameId) => {
      fanout?.gameRemoved(gameId);
      telemetry?.gameRemoved(gameId);
    },
    idleMs: config.IDLE_GAME_MINUTES * 60_000,
    endedTtlMs: config.ENDED_GAME_MINUTES * 60_000,
    cluster: adapters.mode === 'redis',
    leaseMs: config.LEASE_MS,
    heartbeats: adapters.heartbeats,
    nodeTtlMs: config.NODE_TTL_MS,
    maxGames: config.MAX_GAMES_PER_NODE,
    reportQueue: {
      ...REPORT_QUEUE_DEFAULTS,
      maxLength: config.REPORT_QUEUE_LENGTH,
      observer: {
        length: (n) => metrics.reportQueueLength.set(n),
        done: (seconds, ok) => metrics.reportSeconds.observe({ outcome: ok ? 'saved' : 'failed' }, seconds),
        refused: () => metrics.reportsDeferred.inc(),
      },
    },
  });
  const gameNode = node;
  fanout = new Fanout(io, clock, (id) => gameNode.stateOf(id), { answersEveryMs: 250, playersEveryMs: 500 });
  const watch = new TelemetryWatch({
    nodeId,
    bus: adapters.telemetry,
    clock,
    logger: log,
    onRemoteWatch: (id) => telemetry?.remoteWatch(id),
    onNote: (id) => telemetry?.noteHeard(id),
  });
  followTelemetryRooms(io, watch);
  telemetry = new EventTelemetry(io, clock, (id) => gameNode.stateOf(id), watch, {
    nodeId,
    // The channel's real name comes from the Redis adapter's key list, so the panel cannot drift from it.
    channelOf: adapters.mode === 'redis' ? (id) => channels.events(id) : () => 'in-process bus (embedded)',
    owns: (id) => gameNode.runtime(id) !== undefined,
  });
  attachSocketGateway(io, { node: gameNode, fanout, clock, logger: log, observe, hardening, telemetry });
  watchLeaks(metrics, { node: gameNode, fanout, bus: adapters.bus, clock, telemetry, watch });

  // Without the shared store a node can do nothing right: it says so by refusing sockets
  // (clients show "reconnecting…" and retry) rather than hanging their commands.
  let storeUp = true;
  io.use((_socket, next) => (storeUp ? next() : next(new Error('UNAVAILABLE'))));
  adapters.onDisconnect(() => {
    storeUp = false;
    log.warn('shared store lost: refusing sockets until it is back');
    io.disconnectSockets(true);
  });
  adapters.onReconnect(() => {
    storeUp = true;
    log.info('shared store back');
    // Background catch-up after an outage; each replica's queue logs its own failures.
    void gameNode.resync();
  });

  let port = config.PORT;
  const joinBase = () => joinBaseUrl(config.PUBLIC_URL, config.HOST, port);
  app.get('/metrics', async (_req, res) => {
    res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(hardening.teacher.routes());
  // Before httpRoutes: its /api/quizzes/:id would take /api/quizzes/template.csv.
  app.use(quizTransferRoutes({ quizzes: adapters.quizzes, requireTeacher: hardening.teacher.requireTeacher, images: adapters.images }));
  // Before the client's files, whose catch-all would answer /media/… with the app's page.
  app.use(mediaRoutes({ images: adapters.images, requireTeacher: hardening.teacher.requireTeacher }));
  app.use(
    reportRoutes({ reports: adapters.reports, log: adapters.log, requireTeacher: hardening.teacher.requireTeacher, standing: (req) => hardening.teacher.standing(req) }),
  );
  app.use(
    httpRoutes({
      quizzes: adapters.quizzes,
      node: gameNode,
      logger: log,
      joinBase,
      ready: () => adapters.ready(),
      requireTeacher: hardening.teacher.requireTeacher,
      limits: hardening.limits,
      blocksName: (name) => hardening.nicknameFilter.blocks(name),
    }),
  );
  app.use(serverInfoRoute(joinBase));
  app.use(
    assignmentRoutes({
      service: new AssignmentService({ store: adapters.assignments, quizzes: adapters.quizzes, clock, joinBase }),
      requireTeacher: hardening.teacher.requireTeacher,
      observe: (request, outcome) => metrics.assignmentRequests.inc({ request, outcome }),
      limits: hardening.limits,
    }),
  );
  app.use(resultsCsvRoute(gameNode));
  app.use(replayRoute(gameNode, adapters.log));
  if (config.BENCH_ENDPOINTS) app.use(benchRoute(() => clock.now(), nodeId, config.BENCH_HEAP_SNAPSHOT_DIR));
  const staticDir = existsSync(`${CLIENT_DIST}index.html`) ? CLIENT_DIST : FALLBACK_PAGE;
  // The client's files, and its screens (/play, /host/123456, …) that all load the single-page app.
  app.use(clientFiles(staticDir));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such route.' } });
  });
  app.use(httpErrorHandler(log));

  const close = async () => {
    gameNode.close();
    await gameNode.reportsSaved();
    await new Promise<void>((resolve) => {
      // The callback, not the returned promise, says when the HTTP server has closed too.
      void io.close(() => resolve());
    });
    http.closeAllConnections?.();
    await watch.close();
    await adapters.close();
  };

  return {
    http,
    app,
    io,
    node: gameNode,
    fanout,
    logger: log,
    nodeId,
    metrics,
    teacher: hardening.teacher,
    listen: async () => {
      // Other nodes' watch notices are heard before the first socket arrives.
      await watch.start();
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          port = (http.address() as AddressInfo).port;
          resolve(port);
        });
      });
    },
    shutdown: async () => {
      await gameNode.handOver();
      io.disconnectSockets(true);
      await close();
    },
    close,
  };
}
