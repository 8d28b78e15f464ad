import { z } from 'zod';
import { answerSchema, gradeSchema } from './answer.ts';
import { gameOptionsSchema } from './game-options.ts';
import { publicQuestionSchema } from '../quiz/game-question.ts';

/**
 * Self-paced assignments (docs/protocol.md, "Assignments"): a quiz each student plays alone,
 * at their own pace, before a deadline. Everything goes over HTTP; the server drives each
 * student's questions and timers (deadlines from its own clock), so the client is only a view.
 */

/** Most attempts a teacher may allow one student. */
export const MAX_ASSIGNMENT_ATTEMPTS = 10;

/** What a teacher picks for an assignment: the scoring options of a game, and the attempts per student. */
export const assignmentOptionsSchema = gameOptionsSchema.pick({ accuracyMode: true, shuffleAnswers: true, streakBonus: true }).extend({
  /** Attempts each student may start (by their name); 1 unless the teacher allows more. */
  maxAttempts: z.number().int().min(1).max(MAX_ASSIGNMENT_ATTEMPTS).default(1),
});
export type AssignmentOptions = z.infer<typeof assignmentOptionsSchema>;

/** `POST /api/assignments` body; `closesAt` is a time in ms since the epoch, in the future. */
export const createAssignmentBodySchema = z
  .object({ quizId: z.string().min(1).max(64), closesAt: z.number().int().positive(), options: assignmentOptionsSchema.optional() })
  .strict();
export type CreateAssignmentBody = z.input<typeof createAssignmentBodySchema>;

/** `POST /api/assignments` → 201. */
export const createAssignmentResponseSchema = z.object({
  assignmentId: z.string(),
  /** 7 digits: never confused with a live game's 6-digit PIN. */
  pin: z.string(),
  /** Where students start, e.g. http://192.168.1.20:3000/a/1234567 */
  joinUrl: z.string(),
});
export type CreateAssignmentResponse = z.infer<typeof createAssignmentResponseSchema>;

/** `GET /api/assignment-pins/:pin` → 200: what a student sees before starting. */
export const assignmentInfoSchema = z.object({
  assignmentId: z.string(),
  title: z.string(),
  closesAt: z.number(),
  questionCount: z.number().int(),
  maxAttempts: z.number().int(),
  /** The deadline has passed: starting and answering are refused (ASSIGNMENT_CLOSED). */
  closed: z.boolean(),
});
export type AssignmentInfo = z.infer<typeof assignmentInfoSchema>;

/** `POST /api/assignments/:id/attempts` body: the student's name or id, as the teacher knows them. */
export const startAttemptBodySchema = z.object({ name: z.string().max(200) }).strict();

/** `POST …/attempts/:attemptId/answer` body: the answer to question `index`. */
export const attemptAnswerBodySchema = z.object({ index: z.number().int().min(0), answer: answerSchema }).strict();

/** `POST …/attempts/:attemptId/next` body: leave question `index` for the next one. */
export const attemptNextBodySchema = z.object({ index: z.number().int().min(0) }).strict();

/** The student's own result for the question on screen, once answered (never the right answer). */
export const attemptResultSchema = z.object({ grade: gradeSchema, points: z.number().int(), responseMs: z.number().int() });

/**
 * One student's attempt as they see it. Times are the server's: `remainingMs` is what is left
 * of the question's answer time (read time first: `readRemainingMs`), so a phone needs no clock.
 */
export const attemptViewSchema = z.object({
  attemptId: z.string(),
  assignmentId: z.string(),
  title: z.string(),
  name: z.string(),
  closesAt: z.number(),
  questionCount: z.number().int(),
  /** `question`: answering or reading; `answered`/`timeout`: the question's result, waiting for "next"; `finished`. */
  status: z.enum(['question', 'answered', 'timeout', 'finished']),
  index: z.number().int(),
  question: publicQuestionSchema.optional(),
  readRemainingMs: z.number().int(),
  remainingMs: z.number().int(),
  result: attemptResultSchema.optional(),
  score: z.number().int(),
  streak: z.number().int(),
});
export type AttemptView = z.infer<typeof attemptViewSchema>;

/** `POST /api/assignments/:id/attempts` → 201: the attempt and its secret token (header `x-attempt-token` later). */
export const startAttemptResponseSchema = z.object({ token: z.string(), view: attemptViewSchema });
export type StartAttemptResponse = z.infer<typeof startAttemptResponseSchema>;

/** One attempt in the teacher's progress list. */
export const attemptProgressSchema = z.object({
  attemptId: z.string(),
  name: z.string(),
  /** 1 for a student's first attempt, 2 for the second, … */
  attemptNumber: z.number().int(),
  status: z.enum(['playing', 'finished']),
  /** Questions done (answered or timed out). */
  done: z.number().int(),
  score: z.number().int(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type AttemptProgress = z.infer<typeof attemptProgressSchema>;

/** `GET /api/assignments/:id` → 200 (teacher): the assignment and every attempt so far. */
export const assignmentProgressSchema = z.object({
  assignmentId: z.string(),
  quizId: z.string(),
  title: z.string(),
  pin: z.string(),
  joinUrl: z.string(),
  createdAt: z.number(),
  closesAt: z.number(),
  closed: z.boolean(),
  options: assignmentOptionsSchema,
  questionCount: z.number().int(),
  attempts: z.array(attemptProgressSchema),
});
export type AssignmentProgress = z.infer<typeof assignmentProgressSchema>;

/** One line of `GET /api/assignments` (teacher), most recent first. */
export const assignmentSummarySchema = assignmentProgressSchema.omit({ attempts: true, options: true, joinUrl: true }).extend({ attemptCount: z.number().int() });
export type AssignmentSummary = z.infer<typeof assignmentSummarySchema>;
