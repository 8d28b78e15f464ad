import { z } from 'zod';
import { gameQuestionSchema } from '../quiz/game-question.ts';
import { answerSchema, gradeSchema } from './answer.ts';
import { gameOptionsSchema } from './game-options.ts';

/**
 * The domain events: facts in the past tense, appended to a game's log and published on its
 * channel. Each carries the game id, its sequence number (the game's version after the event,
 * starting at 1 with game.created) and the server time it happened (`at`, ms since epoch).
 * They are internal: clients receive projections of them (see server-messages.ts), never these.
 */
const meta = {
  gameId: z.string(),
  seq: z.number().int().positive(),
  at: z.number(),
  /**
   * The hashed id of the command that produced the event (absent for timers and old clients):
   * a new owner rebuilding the game from its log knows which commands ran, and repeats of them
   * get the original outcome (exactly-once commands).
   */
  cid: z.string().optional(),
};

export const domainEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...meta,
    type: z.literal('game.created'),
    data: z.object({
      pin: z.string(),
      quizId: z.string(),
      title: z.string(),
      questions: z.array(gameQuestionSchema),
      options: gameOptionsSchema,
      hostTokenHash: z.string(),
    }),
  }),
  z.object({
    ...meta,
    type: z.literal('player.joined'),
    data: z.object({
      playerId: z.string(),
      nickname: z.string(),
      tokenHash: z.string(),
      /** The name or student id (games with askStudentId): for the host's reports only. */
      studentId: z.string().optional(),
      /** The node holding the player's socket: their presence lives there. */
      via: z.string().optional(),
      /** Team games: the team the player was dealt to (index into options.teams.names). */
      team: z.number().int().optional(),
    }),
  }),
  /** Team games, lobby: a player picked another team. */
  z.object({ ...meta, type: z.literal('player.teamChanged'), data: z.object({ playerId: z.string(), team: z.number().int() }) }),
  /** Team games, lobby: the host reshuffled the teams; every active player's new team. */
  z.object({ ...meta, type: z.literal('teams.shuffled'), data: z.object({ assignment: z.record(z.string(), z.number().int()) }) }),
  z.object({ ...meta, type: z.literal('player.disconnected'), data: z.object({ playerId: z.string() }) }),
  /** `via`: the node now holding the player's socket (a resume there moves the presence, even when connected). */
  z.object({ ...meta, type: z.literal('player.reconnected'), data: z.object({ playerId: z.string(), via: z.string().optional() }) }),
  z.object({ ...meta, type: z.literal('player.kicked'), data: z.object({ playerId: z.string() }) }),
  /** A re-rolled nickname (games with generated nicknames). */
  z.object({ ...meta, type: z.literal('player.renamed'), data: z.object({ playerId: z.string(), nickname: z.string() }) }),
  z.object({ ...meta, type: z.literal('game.locked'), data: z.object({ locked: z.boolean() }) }),
  z.object({ ...meta, type: z.literal('game.started'), data: z.object({}) }),
  z.object({
    ...meta,
    type: z.literal('question.shown'),
    data: z.object({ index: z.number().int(), opensAt: z.number(), closesAt: z.number() }),
  }),
  z.object({ ...meta, type: z.literal('question.opened'), data: z.object({ index: z.number().int() }) }),
  z.object({
    ...meta,
    type: z.literal('answer.accepted'),
    data: z.object({
      playerId: z.string(),
      index: z.number().int(),
      answer: answerSchema,
      responseMs: z.number().int(),
      grade: gradeSchema,
      /** Points this answer earns, streak bonus included; credited when the question closes. */
      points: z.number().int(),
      /** The player's streak after this answer. */
      streak: z.number().int(),
      /** Word cloud, open answer: the word filter caught the text; it never reaches a screen. */
      blocked: z.boolean().optional(),
    }),
  }),
  z.object({
    ...meta,
    type: z.literal('question.closed'),
    data: z.object({ index: z.number().int(), reason: z.enum(['deadline', 'skipped', 'all-answered', 'slide']) }),
  }),
  /** Word cloud: the host took a word off the cloud (hidden) or put it back; `key` is its merged form. */
  z.object({ ...meta, type: z.literal('word.hidden'), data: z.object({ index: z.number().int(), key: z.string(), hidden: z.boolean() }) }),
  /** Open answer: the host approved a player's answer for the display, or withdrew the approval. */
  z.object({
    ...meta,
    type: z.literal('answer.approved'),
    data: z.object({ index: z.number().int(), playerId: z.string(), approved: z.boolean() }),
  }),
  z.object({ ...meta, type: z.literal('leaderboard.shown'), data: z.object({ index: z.number().int() }) }),
  z.object({
    ...meta,
    type: z.literal('game.ended'),
    data: z.object({ reason: z.enum(['finished', 'host', 'idle']) }),
  }),
]);

export type DomainEvent = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
/** An event before the log gives it its place: the owner stamps gameId, seq and at. */
export type EventDraft = { [K in DomainEventType]: { type: K; data: EventOf<K>['data'] } }[DomainEventType];
