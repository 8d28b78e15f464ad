import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clock } from '../ports/clock.ts';
import type { TeacherKeys } from '../ports/teacher-keys.ts';
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

/** What teacher access needs besides the configuration. */
export interface TeacherOptions {
  keys: TeacherKeys;
  onLoginLinkUsed?: () => void;
}

/**
 * Reads the limits from the configuration (README's table lists each) and says at start
 * what is open: with TEACHER_ACCESS=open anyone who reaches the server runs the library.
 */
export function createHardening(
  config: Config,
  clock: Clock,
  logger: Logger,
  teacherOptions: TeacherOptions,
  observe?: (command: string, outcome: string, seconds: number) => void,
): Hardening {
  const trustProxy = compileTrustProxy(config.TRUST_PROXY);
  const corsOrigins = parseOrigins(config.CORS_ORIGINS);
  const limits = new AddressLimits(config, clock);
  // Behind a proxy every client arrives from the proxy's address: "this machine" means nothing.
  const loopbackTeacher = config.TEACHER_LOOPBACK && config.TRUST_PROXY === undefined && config.TEACHER_PASSWORD === undefined;
  const teacher = teacherAuth({
    access: config.TEACHER_ACCESS,
    password: config.TEACHER_PASSWORD,
    loopbackTeacher,
    keys: teacherOptions.keys,
    ...(teacherOptions.onLoginLinkUsed && { onLoginLinkUsed: teacherOptions.onLoginLinkUsed }),
    limits,
    clock,
    logger,
  });
  const nicknameFilter = loadNicknameFilter(config);
  if (!teacher.required) {
    logger.warn(
      'TEACHER_ACCESS=open: anyone who can reach this server can read (with the answers), change and delete quizzes, start games and read reports. Use it only where nobody else can reach the server.',
    );
  }
  logger.info(
    { nicknameFilterWords: nicknameFilter.size, corsOrigins, trustProxy: config.TRUST_PROXY ?? false, teacherAccess: config.TEACHER_ACCESS, teacherPassword: config.TEACHER_PASSWORD !== undefined, loopbackTeacher, maxPlayersPerGame: config.MAX_PLAYERS_PER_GAME, maxGamesPerNode: config.MAX_GAMES_PER_NODE },
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
