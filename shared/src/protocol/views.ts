import { z } from 'zod';
import { correctAnswerSchema, publicQuestionSchema } from '../quiz/game-question.ts';
import { gradeSchema } from './answer.ts';
import { gameOptionsSchema } from './game-options.ts';
import { teamRefSchema, teamRowSchema } from './team-options.ts';
import { responseWallSchema } from './response-wall.ts';

/** Phases a game goes through; `reading` is a question on screen whose answers are not open yet. */
export const phaseSchema = z.enum(['lobby', 'reading', 'open', 'closed', 'leaderboard', 'ended']);
export type Phase = z.infer<typeof phaseSchema>;

/** One leaderboard row. movement = previous rank − rank (positive moved up); 0 when new. */
export const leaderRowSchema = z.object({
  rank: z.number().int(),
  playerId: z.string(),
  nickname: z.string(),
  score: z.number().int(),
  movement: z.number().int(),
});
export type LeaderRow = z.infer<typeof leaderRowSchema>;

/** How the room answered one question, sent at the close. */
export const distributionSchema = z.object({
  answered: z.number().int(),
  total: z.number().int(),
  correct: z.number().int(),
  /** choice questions: answers per option, in display order. */
  options: z.array(z.number().int()).optional(),
  /** type-answer: the most frequent answers (normalised), most frequent first, at most 10. */
  texts: z.array(z.object({ text: z.string(), count: z.number().int(), correct: z.boolean() })).optional(),
  /**
   * slider: answers per band of the scale, lowest band first; at most 20 bands, cut as
   * `sliderBucketCount`/`sliderBucketRange` say (one band per step when the scale has few steps).
   */
  histogram: z.array(z.number().int()).max(20).optional(),
  /** ordering: per item (display index), how many players put it in its right place. */
  placedRight: z.array(z.number().int()).optional(),
});
export type Distribution = z.infer<typeof distributionSchema>;

/** The public reveal of a closed question: for host, display and every player. */
export const revealSchema = z.object({
  index: z.number().int(),
  correct: correctAnswerSchema,
  explanation: z.string().optional(),
  distribution: distributionSchema,
  /** Top five after this question, with movement since the previous one. */
  top: z.array(leaderRowSchema),
});
export type Reveal = z.infer<typeof revealSchema>;

/** One player's own result for a closed question. Sent to that player alone. */
export const playerResultSchema = z.object({
  index: z.number().int(),
  /** missed: no answer before the close. */
  grade: z.union([gradeSchema, z.literal('missed')]),
  points: z.number().int(),
  streak: z.number().int(),
  score: z.number().int(),
  rank: z.number().int(),
  playerCount: z.number().int(),
  /** The player one place ahead, or null for the leader. */
  ahead: z.object({ nickname: z.string(), score: z.number().int() }).nullable(),
  /** The number of the player's own answer.accepted event in the game's log; absent without an answer. */
  answerSeq: z.number().int().optional(),
});
export type PlayerResult = z.infer<typeof playerResultSchema>;

/** The question on screen, with the server's clock so a client can count down correctly. */
export const questionStateSchema = z.object({
  index: z.number().int(),
  total: z.number().int(),
  question: publicQuestionSchema,
  opensAt: z.number(),
  closesAt: z.number(),
  /** Server time when this was sent; a client's offset = serverNow − its own clock. */
  serverNow: z.number(),
});
export type QuestionState = z.infer<typeof questionStateSchema>;

export const podiumSchema = z.object({
  top: z.array(leaderRowSchema),
  playerCount: z.number().int(),
  /** Team games: every team, best first, with its members. */
  teams: z.array(teamRowSchema).optional(),
});
export type Podium = z.infer<typeof podiumSchema>;

export const playerSummarySchema = z.object({
  playerId: z.string(),
  nickname: z.string(),
  connected: z.boolean(),
  score: z.number().int(),
  /** Team games: the player's team index. */
  team: z.number().int().optional(),
});
export type PlayerSummary = z.infer<typeof playerSummarySchema>;

const viewBase = {
  gameId: z.string(),
  pin: z.string(),
  title: z.string(),
  /** The game's version: the seq of its latest event. */
  seq: z.number().int(),
  /** The seq of the latest event every client hears; chained messages continue from here. */
  publicSeq: z.number().int(),
  phase: phaseSchema,
  questionCount: z.number().int(),
  question: questionStateSchema.optional(),
  reveal: revealSchema.optional(),
  leaderboard: z.array(leaderRowSchema).optional(),
  podium: podiumSchema.optional(),
  /** Team games: the teams, best first once a question has closed (team order before). */
  teams: z.array(teamRowSchema).optional(),
  /** Team games: how long answers wait after a question is shown for the team talk (ms). */
  teamTalkMs: z.number().int().optional(),
};

/** What a player's phone shows; only the player's own data. */
export const playerViewSchema = z.object({
  ...viewBase,
  role: z.literal('player'),
  me: z.object({
    playerId: z.string(),
    nickname: z.string(),
    score: z.number().int(),
    streak: z.number().int(),
    rank: z.number().int().nullable(),
    /** Nickname re-rolls left; only in games with generated nicknames. */
    rerollsLeft: z.number().int().optional(),
    /** Team games: the player's team. */
    team: teamRefSchema.optional(),
  }),
  /** Team games where players pick their team: the teams to pick from (lobby only). */
  teamChoices: z.array(teamRefSchema).optional(),
  /** The answer this player locked in for the question on screen, if any. */
  myAnswer: z.object({ index: z.number().int(), responseMs: z.number().int() }).optional(),
  /** This player's result for the last closed question (closed and leaderboard phases). */
  result: playerResultSchema.optional(),
});
export type PlayerView = z.infer<typeof playerViewSchema>;

/** Host console and display: the room as a whole. Displays get the same minus the options. */
export const screenViewSchema = z.object({
  ...viewBase,
  role: z.enum(['host', 'display']),
  locked: z.boolean(),
  options: gameOptionsSchema.optional(),
  playerCount: z.number().int(),
  /** Players, newest first; at most 500 (playerCount says how many there are). */
  players: z.array(playerSummarySchema),
  answered: z.number().int().optional(),
  /** Word cloud or open answer on screen: the words or answers (see response-wall.ts). */
  wall: responseWallSchema.optional(),
});
export type ScreenView = z.infer<typeof screenViewSchema>;

export type View = PlayerView | ScreenView;
