import { z } from 'zod';
import { gameOptionsSchema } from './game-options.ts';

/** `POST /api/games` body. */
export const createGameBodySchema = z.object({ quizId: z.string().min(1).max(64), options: gameOptionsSchema.optional() }).strict();
export type CreateGameBody = z.input<typeof createGameBodySchema>;

/** `POST /api/games` → 201. */
export const createGameResponseSchema = z.object({
  gameId: z.string(),
  pin: z.string(),
  hostToken: z.string(),
  /** Where players join, e.g. http://192.168.1.20:3000/?pin=123456 */
  joinUrl: z.string(),
  hostUrl: z.string(),
  displayUrl: z.string(),
});
export type CreateGameResponse = z.infer<typeof createGameResponseSchema>;

/** `GET /api/server-info` → 200: what screens need to know about the server. */
export const serverInfoSchema = z.object({
  /** Base URL phones join at (PUBLIC_URL or the server's network address, never localhost), no trailing slash. */
  joinBaseUrl: z.string(),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

/**
 * `GET /api/games/:pin/results.csv` (header `x-host-token`) → 200 text/csv, one row per
 * player still in the game, best first. These are its columns, then one per question
 * (`q1`, `q2`, …) holding that player's grade: correct, partial, wrong, poll, missed, or
 * empty for a question not reached or sat out.
 */
export const RESULTS_CSV_COLUMNS = ['rank', 'nickname', 'score', 'correct_answers', 'questions_answered', 'average_response_seconds'] as const;

/** `GET /api/session` → 200: how teachers get in here, and whether this browser is one. */
export const teacherSessionSchema = z.object({
  /** TEACHER_ACCESS: `login` (a session is needed; the default) or `open` (everyone is the teacher). */
  access: z.enum(['login', 'open']),
  /** Whether the server also takes a password login (TEACHER_PASSWORD is set). */
  passwordRequired: z.boolean(),
  /** Whether this request may use the teacher API. */
  loggedIn: z.boolean(),
  /** Logged in only because the request comes from the server's own machine (no cookie to log out of). */
  thisMachine: z.boolean(),
  /** Whether this browser may open any game's report; otherwise only those it hosted (host token). */
  anyReport: z.boolean(),
});
export type TeacherSession = z.infer<typeof teacherSessionSchema>;

/** `POST /api/login` body: the teacher password, or a one-time token from a printed login link. */
export const loginBodySchema = z.union([z.object({ password: z.string().max(1024) }).strict(), z.object({ token: z.string().min(1).max(256) }).strict()]);
export type LoginBody = z.infer<typeof loginBodySchema>;
