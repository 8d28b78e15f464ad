import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clock } from '../ports/clock.ts';
import type { RateBuckets } from '../ports/rate-buckets.ts';
import { AddressLimits } from './address-limits.ts';
import { compileTrustProxy, type TrustProxy } from './client-address.ts';
import { CommandGuard } from './command-guard.ts';
import { loadNicknameFilter, type NicknameFilter } from './nickname-filter.ts';
import { corsFor, parseOrigins, securityHeaders } from './security-headers.ts';
import { teacherAuth, type TeacherAuth } from './teacher-auth.ts';

/** What the gateway needs to hold abuse off, built once per node from the configuration. */
export interface Hardening {
  trustProxy: TrustProxy;
  corsOrigins: string[];
  limits: AddressLimits;
  teacher: TeacherAuth;
  nicknameFilter: NicknameFilter;
  /** What every incoming command meets first: rate, size and name checks. */
  guard: CommandGuard;
  maxPlayersPerGame: number;
  maxGamesPerNode: number;
  /** Sets trust proxy, security headers and CORS on the Express app (before any route). */
  applyHttp(app: Express): void;
}

/**
 * Reads the limits from the configuration (README's table lists each) and says at start
 * what is open: with no TEACHER_PASSWORD anyone who reaches the server runs the library.
 */
export function createHardening(
  config: Config,
  clock: Clock,
  logger: Logger,
  observe?: (command: string, outcome: string, seconds: number) => void,
  buckets?: RateBuckets,
): Hardening {
  const trustProxy = compileTrustProxy(config.TRUST_PROXY);
  const corsOrigins = parseOrigins(config.CORS_ORIGINS);
  const limits = new AddressLimits(config, clock, buckets);
  const teacher = teacherAuth({ password: config.TEACHER_PASSWORD, limits, clock, logger });
  const nicknameFilter = loadNicknameFilter(config);
  if (!teacher.required) {
    logger.warn(
      'TEACHER_PASSWORD is not set: anyone who can reach this server can read (with the answers), change and delete quizzes and start games. Set it on any shared network.',
    );
  }
  logger.info(
    { nicknameFilterWords: nicknameFilter.size, corsOrigins, trustProxy: config.TRUST_PROXY ?? false, maxPlayersPerGame: config.MAX_PLAYERS_PER_GAME, maxGamesPerNode: config.MAX_GAMES_PER_NODE },
    'limits',
  );
  return {
    trustProxy,
    corsOrigins,
    limits,
    teacher,
    nicknameFilter,
    guard: new CommandGuard({ clock, maxBytes: config.MAX_COMMAND_BYTES, rate: config.COMMAND_RATE, burst: config.COMMAND_BURST, ...(observe && { observe }) }),
    maxPlayersPerGame: config.MAX_PLAYERS_PER_GAME,
    maxGamesPerNode: config.MAX_GAMES_PER_NODE,
    applyHttp(app) {
      app.set('trust proxy', trustProxy);
      app.use(securityHeaders());
      if (corsOrigins.length > 0) app.use('/api', corsFor(corsOrigins));
    },
  };
}
