import { z } from 'zod';

/**
 * A question as a running game holds it: options already in the order players see them,
 * times in milliseconds, points as a number. Prepared once when the game is created
 * (shuffling happens there, outside the pure engine) and stored in the `game.created` event.
 */
const common = {
  text: z.string(),
  imageUrl: z.string().optional(),
  /** The question's image is shown on phones too (quiz field imageOnPhones). */
  imageOnPhones: z.boolean().optional(),
  timeLimitMs: z.number().int().positive(),
  readMs: z.number().int().min(0),
  points: z.number().int().min(0),
  explanation: z.string().optional(),
};

export const gameQuestionSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('single'), options: z.array(z.string()), correct: z.number().int() }),
  z.object({ ...common, type: z.literal('multi'), options: z.array(z.string()), correct: z.array(z.number().int()) }),
  z.object({ ...common, type: z.literal('true-false'), options: z.array(z.string()), correct: z.number().int() }),
  z.object({ ...common, type: z.literal('type-answer'), accepted: z.array(z.string()) }),
  z.object({
    ...common,
    type: z.literal('slider'),
    min: z.number(),
    max: z.number(),
    step: z.number(),
    correct: z.number(),
    tolerance: z.number(),
  }),
  /** items in display order; solution lists display indexes in the correct order. */
  z.object({ ...common, type: z.literal('ordering'), items: z.array(z.string()), solution: z.array(z.number().int()) }),
  z.object({ ...common, type: z.literal('poll'), options: z.array(z.string()) }),
  z.object({ ...common, type: z.literal('word-cloud') }),
  z.object({ ...common, type: z.literal('open-answer') }),
  /** No answers and no timer: timeLimitMs and readMs are 0, points 0. */
  z.object({ ...common, timeLimitMs: z.number().int().min(0), type: z.literal('slide'), body: z.string().optional() }),
]);
export type GameQuestion = z.infer<typeof gameQuestionSchema>;

/** What players and displays may see of a question before it closes: nothing that tells the answer. */
export const publicQuestionSchema = z.object({
  type: z.enum(['single', 'multi', 'true-false', 'type-answer', 'slider', 'ordering', 'poll', 'word-cloud', 'open-answer', 'slide']),
  text: z.string(),
  imageUrl: z.string().optional(),
  /** Phones show imageUrl only when this is true; the display always does. */
  imageOnPhones: z.boolean().optional(),
  timeLimitMs: z.number().int(),
  readMs: z.number().int(),
  points: z.number().int(),
  /** single, multi, true-false, poll: the options in display order. */
  options: z.array(z.string()).optional(),
  /** ordering: the items, scrambled. */
  items: z.array(z.string()).optional(),
  /** slider: the scale. */
  slider: z.object({ min: z.number(), max: z.number(), step: z.number() }).optional(),
  /** slide: the text under the title. */
  body: z.string().optional(),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/** The correct answer, revealed when the question closes. */
export const correctAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), choice: z.number().int() }),
  z.object({ type: z.literal('true-false'), choice: z.number().int() }),
  z.object({ type: z.literal('multi'), choices: z.array(z.number().int()) }),
  z.object({ type: z.literal('type-answer'), accepted: z.array(z.string()) }),
  z.object({ type: z.literal('slider'), value: z.number(), tolerance: z.number() }),
  z.object({ type: z.literal('ordering'), order: z.array(z.number().int()) }),
  z.object({ type: z.literal('poll') }),
  z.object({ type: z.literal('word-cloud') }),
  z.object({ type: z.literal('open-answer') }),
  z.object({ type: z.literal('slide') }),
]);
export type CorrectAnswer = z.infer<typeof correctAnswerSchema>;

/** Strips a game question down to what may be shown before the close. */
export function toPublicQuestion(q: GameQuestion): PublicQuestion {
  const base: PublicQuestion = {
    type: q.type,
    text: q.text,
    timeLimitMs: q.timeLimitMs,
    readMs: q.readMs,
    points: q.points,
  };
  if (q.imageUrl !== undefined) base.imageUrl = q.imageUrl;
  if (q.imageOnPhones) base.imageOnPhones = true;
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'true-false':
    case 'poll':
      return { ...base, options: q.options };
    case 'ordering':
      return { ...base, items: q.items };
    case 'slider':
      return { ...base, slider: { min: q.min, max: q.max, step: q.step } };
    case 'type-answer':
    case 'word-cloud':
    case 'open-answer':
      return base;
    case 'slide':
      return q.body !== undefined ? { ...base, body: q.body } : base;
  }
}

/** The reveal form of a question's correct answer. */
export function toCorrectAnswer(q: GameQuestion): CorrectAnswer {
  switch (q.type) {
    case 'single':
    case 'true-false':
      return { type: q.type, choice: q.correct };
    case 'multi':
      return { type: 'multi', choices: q.correct };
    case 'type-answer':
      return { type: 'type-answer', accepted: q.accepted };
    case 'slider':
      return { type: 'slider', value: q.correct, tolerance: q.tolerance };
    case 'ordering':
      return { type: 'ordering', order: q.solution };
    case 'poll':
    case 'word-cloud':
    case 'open-answer':
    case 'slide':
      return { type: q.type };
  }
}
