import { z } from 'zod';

/** Options a teacher picks when starting a game. Every field is optional on the wire. */
export const gameOptionsSchema = z.object({
  /** No speed factor: every correct answer earns the question's full points. */
  accuracyMode: z.boolean().default(false),
  /** Shuffle the options of choice questions (per game, the same order for everyone). */
  shuffleAnswers: z.boolean().default(false),
  /** Let players join after the start; they play from the next question on. */
  allowLateJoin: z.boolean().default(false),
  /** Add the streak bonus for correct answers in a row. */
  streakBonus: z.boolean().default(true),
});
export type GameOptions = z.infer<typeof gameOptionsSchema>;
