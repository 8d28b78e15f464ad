import { z } from 'zod';
import { parseMediaPath } from './uploaded-image.ts';

/**
 * The quiz document: what a teacher writes in the editor, imports as JSON, and what the
 * bundled quizzes are. It is the authoring form; a game runs on a prepared copy of it
 * (see game-question.ts), with options shuffled and times in milliseconds.
 */

export const QUESTION_TYPES = [
  'single',
  'multi',
  'true-false',
  'type-answer',
  'slider',
  'ordering',
  'poll',
  'word-cloud',
  'open-answer',
  'slide',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Points per question: none 0, standard 1000, double 2000. */
export const POINTS_LEVELS = { none: 0, standard: 1000, double: 2000 } as const;
export type PointsLevel = keyof typeof POINTS_LEVELS;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const option = text(120);
const httpUrl = z.url({ protocol: /^https?$/ });
const options = z.array(option).min(2, 'at least 2 options').max(6, 'at most 6 options');

const base = {
  /** Stable id inside the quiz, optional in imports (assigned on save). */
  id: z.string().max(64).optional(),
  text: text(400),
  /** An http(s) URL, or an image uploaded to this server (`/media/<sha256>.<ext>`, uploaded-image.ts). */
  imageUrl: z
    .string()
    .max(2000)
    .refine((s) => parseMediaPath(s) !== null || httpUrl.safeParse(s).success, 'must be an http(s) URL')
    .optional(),
  /** Phones show the image too (for a question answered from it); otherwise only the big screen does. */
  imageOnPhones: z.boolean().optional(),
  /** Answer window in seconds, 5–240. */
  timeLimitSec: z.number().int().min(5).max(240).default(20),
  /** Seconds the question is shown before answers open; falls back to the quiz's readTimeSec. */
  readTimeSec: z.number().int().min(0).max(30).optional(),
  points: z.enum(['none', 'standard', 'double']).default('standard'),
  /** Shown to everyone at the reveal. */
  explanation: z.string().trim().max(600).optional(),
};

const single = z
  .object({ ...base, type: z.literal('single'), options, correct: z.number().int().min(0) })
  .refine((q) => q.correct < q.options.length, { path: ['correct'], message: 'must name one of the options' });

const multi = z
  .object({
    ...base,
    type: z.literal('multi'),
    options,
    correct: z.array(z.number().int().min(0)).min(1, 'at least one correct option').max(6),
  })
  .refine((q) => q.correct.every((c) => c < q.options.length), { path: ['correct'], message: 'must name options that exist' })
  .refine((q) => new Set(q.correct).size === q.correct.length, { path: ['correct'], message: 'must not repeat an option' });

const trueFalse = z.object({ ...base, type: z.literal('true-false'), correct: z.boolean() });

const typeAnswer = z.object({
  ...base,
  type: z.literal('type-answer'),
  /** Accepted spellings; compared case-, accent- and whitespace-insensitively. */
  accepted: z.array(text(120)).min(1, 'at least one accepted answer').max(20),
});

const slider = z
  .object({
    ...base,
    type: z.literal('slider'),
    min: z.number().finite(),
    max: z.number().finite(),
    step: z.number().finite().positive().default(1),
    correct: z.number().finite(),
    /** An answer within ±tolerance of correct counts as right. */
    tolerance: z.number().finite().min(0).default(0),
  })
  .refine((q) => q.max > q.min, { path: ['max'], message: 'must be greater than min' })
  .refine((q) => q.correct >= q.min && q.correct <= q.max, { path: ['correct'], message: 'must lie between min and max' })
  .refine((q) => (q.max - q.min) / q.step <= 10_000, { path: ['step'], message: 'too many steps between min and max' });

const ordering = z.object({
  ...base,
  type: z.literal('ordering'),
  /** Items in their correct order; players see them scrambled. */
  items: z.array(option).min(2, 'at least 2 items').max(6, 'at most 6 items'),
});

const poll = z.object({ ...base, type: z.literal('poll'), options });

/** Short words from every player, merged case- and accent-insensitively into a cloud. No points (see docs/scoring.md). */
const wordCloud = z.object({ ...base, type: z.literal('word-cloud'), points: z.enum(['none']).default('none') });

/** A longer free text; the display shows only what the host approves. No points. */
const openAnswer = z.object({ ...base, type: z.literal('open-answer'), points: z.enum(['none']).default('none') });

/** Title (`text`), body and image between questions: no answers, no timer, no points. */
const slide = z.object({
  id: base.id,
  type: z.literal('slide'),
  text: base.text,
  body: z.string().trim().max(1000, 'at most 1000 characters').optional(),
  imageUrl: base.imageUrl,
});

export const questionSchema = z.discriminatedUnion('type', [single, multi, trueFalse, typeAnswer, slider, ordering, poll, wordCloud, openAnswer, slide]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const quizIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

export const quizSchema = z.object({
  id: quizIdSchema.optional(),
  title: text(120),
  description: z.string().trim().max(600).optional(),
  /** Default read time (seconds) for questions that do not set their own. */
  readTimeSec: z.number().int().min(0).max(30).default(3),
  questions: z.array(questionSchema).min(1, 'a quiz needs at least one question').max(100),
});
export type Quiz = z.infer<typeof quizSchema> & { id: string };
export type QuizInput = z.input<typeof quizSchema>;

/** The list entry `GET /api/quizzes` returns. */
export const quizSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  questionCount: z.number().int(),
  readOnly: z.boolean(),
  updatedAt: z.string().optional(),
});
export type QuizSummary = z.infer<typeof quizSummarySchema>;
