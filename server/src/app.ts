import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { FileQuizStore } from './adapters/memory/file-quiz-store.ts';
import { MemoryEventLog } from './adapters/memory/memory-event-log.ts';
import { MemoryGameBus } from './adapters/memory/memory-game-bus.ts';
import { MemoryGameDirectory } from './adapters/memory/memory-game-directory.ts';
import { SystemClock } from './adapters/memory/system-clock.ts';
import type { Config } from './config.ts';
import { Fanout } from './gateway/fanout.ts';
import { httpErrorHandler, httpRoutes } from './gateway/http-routes.ts';
import { attachSocketGateway } from './gateway/socket-gateway.ts';
import type { QuizbusServer } from './gateway/socket-types.ts';
import { GameManager } from './games/game-manager.ts';
import { newId } from './games/tokens.ts';
import { createLogger } from './logger.ts';
import { joinBaseUrl } from './network-urls.ts';
import type { Clock } from './ports/clock.ts';
import { loadBundledQuizzes } from './quizzes/bundled.ts';

export interface QuizbusOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
}

export interface Quizbus {
  http: HttpServer;
  io: QuizbusServer;
  manager: GameManager;
  fanout: Fanout;
  logger: Logger;
  nodeId: string;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

const CLIENT_DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));
const FALLBACK_PAGE = fileURLToPath(new URL('../public/', import.meta.url));

/**
 * The composition root of one node: adapters (embedded by default), the game manager, the
 * fan-out, Socket.IO and the HTTP routes.
 */
export function createQuizbus({ config, clock = new SystemClock(), logger }: QuizbusOptions): Quizbus {
  const nodeId = config.NODE_ID ?? newId('g').replace(/^g_/, 'node-');
  const log = logger ?? createLogger(config.LOG_LEVEL, { node: nodeId });
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '512kb' }));
  const http = createServer(app);
  const io: QuizbusServer = new Server(http, {
    maxHttpBufferSize: config.MAX_MESSAGE_BYTES,
    serveClient: false,
    // Same origin by default: the client is served by this server.
    cors: undefined,
  });

  const quizzes = new FileQuizStore(loadBundledQuizzes(), config.DATA_DIR);
  let fanout: Fanout | null = null;
  const manager: GameManager = new GameManager({
    log: new MemoryEventLog(),
    bus: new MemoryGameBus(),
    directory: new MemoryGameDirectory(),
    quizzes,
    clock,
    nodeId,
    logger: log,
    sink: (event, state) => fanout?.deliver(event, state),
    idleMs: config.IDLE_GAME_MINUTES * 60_000,
    endedTtlMs: config.ENDED_GAME_MINUTES * 60_000,
    onRemoved: (gameId) => fanout?.gameRemoved(gameId),
  });
  fanout = new Fanout(io, clock, (id) => manager.get(id)?.current, { answersEveryMs: 250, playersEveryMs: 500 });
  attachSocketGateway(io, { manager, fanout, clock, logger: log });

  let port = config.PORT;
  app.use(
    httpRoutes({
      quizzes,
      manager,
      logger: log,
      joinBase: () => joinBaseUrl(config.PUBLIC_URL, config.HOST, port),
      ready: async () => true,
    }),
  );
  const staticDir = existsSync(`${CLIENT_DIST}index.html`) ? CLIENT_DIST : FALLBACK_PAGE;
  app.use(express.static(staticDir, { index: 'index.html' }));
  // Client-side routes (/play, /host/123456, …) all load the single-page app.
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(`${staticDir}index.html`));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such route.' } });
  });
  app.use(httpErrorHandler(log));

  return {
    http,
    io,
    manager,
    fanout,
    logger: log,
    nodeId,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          port = (http.address() as AddressInfo).port;
          resolve(port);
        });
      }),
    close: async () => {
      manager.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      http.closeAllConnections?.();
    },
  };
}
