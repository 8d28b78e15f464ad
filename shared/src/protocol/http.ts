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
