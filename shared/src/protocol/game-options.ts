import { z } from 'zod';
import { teamOptionsSchema } from './team-options.ts';

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
  /**
   * Ask each player for a name or student id besides the nickname. It appears only in the
   * host's reports, never on a shared screen. Absent means off (older games lack the field).
   */
  askStudentId: z.boolean().optional(),
  /** The server hands out two-word nicknames (players may re-roll a few times); typed ones are ignored. Absent means off. */
  generatedNicknames: z.boolean().optional(),
  /** Team mode (team-options.ts): players play in teams with a team score and podium. Absent means off. */
  teams: teamOptionsSchema.optional(),
});
export type GameOptions = z.infer<typeof gameOptionsSchema>;
