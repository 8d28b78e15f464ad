import { z } from 'zod';

/**
 * An answer as a player sends it. The kind must fit the question type:
 * choice → single, true-false, poll; choices → multi; text → type-answer, word-cloud, open-answer;
 * number → slider;
 * order → ordering. Indexes refer to the options/items in the order the player saw them.
 * Strict: an answer with any other field is refused, not silently trimmed.
 */
export const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), choice: z.number().int().min(0).max(5) }).strict(),
  z.object({ kind: z.literal('choices'), choices: z.array(z.number().int().min(0).max(5)).min(1).max(6) }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().max(200) }).strict(),
  z.object({ kind: z.literal('number'), value: z.number().finite() }).strict(),
  z.object({ kind: z.literal('order'), order: z.array(z.number().int().min(0).max(5)).min(2).max(6) }).strict(),
]);
export type Answer = z.infer<typeof answerSchema>;

/** How an accepted answer was graded. `poll` answers are neither right nor wrong. */
export const gradeSchema = z.enum(['correct', 'partial', 'wrong', 'poll']);
export type Grade = z.infer<typeof gradeSchema>;
