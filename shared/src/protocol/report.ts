import { z } from 'zod';
import { gradeSchema } from './answer.ts';
import { gameOptionsSchema } from './game-options.ts';

/**
 * Game reports: what happened in a finished game, built on the server by replaying the game's
 * event log through the engine, and kept after the game is gone (REPORT_RETENTION_DAYS).
 * For the host only: `GET /api/reports/:gameId` with the game's host token. Times are ms.
 */

/** One past game in a quiz's list (`GET /api/quizzes/:id/reports`). */
export const reportSummarySchema = z.object({
  gameId: z.string(),
  quizId: z.string(),
  title: z.string(),
  pin: z.string(),
  /** When the game was started (host.start); null if it never was. */
  startedAt: z.number().nullable(),
  /** When it ended; null while it still runs (a live report). */
  endedAt: z.number().nullable(),
  endReason: z.enum(['finished', 'host', 'idle']).nullable(),
  /** Players in the final ranking (kicked players left out). */
  playerCount: z.number().int(),
  /** Questions that were played to their close. */
  questionCount: z.number().int(),
  /** Mean final score of the players, 0 with none. */
  averageScore: z.number(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** One student's line. */
export const reportPlayerSchema = z.object({
  playerId: z.string(),
  nickname: z.string(),
  /** The name or student id the game asked for (askStudentId); never shown to players or on screens. */
  studentId: z.string().optional(),
  rank: z.number().int(),
  score: z.number().int(),
  /** Questions answered right. */
  correct: z.number().int(),
  /** Questions answered (polls included). */
  answered: z.number().int(),
  /** Questions with a right answer played while the student was in the game. */
  scoredQuestions: z.number().int(),
  /** correct / scoredQuestions, 0–1; null with no such question. */
  accuracy: z.number().nullable(),
  /** Mean response time over the student's answers; null with none. */
  averageResponseMs: z.number().nullable(),
  /** Joined after the start. */
  lateJoiner: z.boolean(),
  /** Team games: the student's team name. */
  team: z.string().optional(),
});
export type ReportPlayer = z.infer<typeof reportPlayerSchema>;

/** How the class answered one question. */
export const reportQuestionSchema = z.object({
  index: z.number().int(),
  type: z.enum(['single', 'multi', 'true-false', 'type-answer', 'slider', 'ordering', 'poll', 'word-cloud', 'open-answer', 'slide']),
  text: z.string(),
  points: z.number().int(),
  timeLimitMs: z.number().int(),
  /** The right answer in words ("Mars", "Bern / Berne", "1969 ± 1"); empty for a poll. */
  correctAnswer: z.string(),
  /** Students who could answer it (in the game, not sitting it out as late joiners). */
  players: z.number().int(),
  answered: z.number().int(),
  correct: z.number().int(),
  partial: z.number().int(),
  /** correct / players × 100; null for a poll or with no players. */
  percentCorrect: z.number().nullable(),
  averageResponseMs: z.number().nullable(),
  /** Closed by the host before its answers opened: nobody could answer. */
  skippedBeforeOpen: z.boolean(),
  /** Answers per option, in the order players saw them (choice questions and polls). */
  options: z.array(z.object({ text: z.string(), count: z.number().int(), correct: z.boolean() })).optional(),
  /** The most frequent typed answers or slider values (type-answer, slider), at most 10. */
  values: z.array(z.object({ value: z.string(), count: z.number().int(), correct: z.boolean() })).optional(),
});
export type ReportQuestion = z.infer<typeof reportQuestionSchema>;

/** A student's result for one question; null in the matrix when they were not in the game for it. */
export const reportCellSchema = z.object({
  grade: z.union([gradeSchema, z.literal('missed')]),
  points: z.number().int(),
  responseMs: z.number().int().optional(),
  /** The answer given, in words. */
  answer: z.string().optional(),
});
export type ReportCell = z.infer<typeof reportCellSchema>;

export const gameReportSchema = reportSummarySchema.extend({
  createdAt: z.number(),
  options: gameOptionsSchema,
  /** Students in final rank order. */
  players: z.array(reportPlayerSchema),
  /** Played questions, in game order. */
  questions: z.array(reportQuestionSchema),
  /** Indexes into `questions`, hardest first (lowest % correct; polls last). */
  hardestFirst: z.array(z.number().int()),
  /** matrix[p][q]: `players[p]`'s result for `questions[q]`. */
  matrix: z.array(z.array(reportCellSchema.nullable())),
  /** Team games: the teams best first, each with every member's nickname (kicked ones left out). */
  teams: z.array(z.object({ index: z.number().int(), name: z.string(), rank: z.number().int(), score: z.number().int(), members: z.array(z.string()) })).optional(),
});
export type GameReport = z.infer<typeof gameReportSchema>;

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** CSV holds one table: students (with a grade per question), questions, points per question, or teams (team games). */
export const REPORT_CSV_TABLES = ['students', 'questions', 'points', 'teams'] as const;
export type ReportCsvTable = (typeof REPORT_CSV_TABLES)[number];
