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
