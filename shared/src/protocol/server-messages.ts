import { z } from 'zod';
import { publicQuestionSchema } from '../quiz/game-question.ts';
import { responseWallSchema } from './response-wall.ts';
import { telemetryEventsSchema } from './telemetry.ts';
import {
  leaderRowSchema,
  playerResultSchema,
  playerSummarySchema,
  podiumSchema,
  revealSchema,
} from './views.ts';
import { teamRefSchema, teamRowSchema } from './team-options.ts';

/**
 * Messages the server pushes to clients (Socket.IO event name → payload).
 *
 * Chained messages carry `seq` and `prevSeq`: a client that holds `publicSeq` from its last
 * view or chained message expects `prevSeq === publicSeq`; anything else means it missed one
 * and should ask for `view.snapshot`. Unchained messages (counts, lists, personal results)
 * carry the game's `seq` at sending and are complete in themselves.
 */
const chained = { seq: z.number().int(), prevSeq: z.number().int() };
const stamped = { seq: z.number().int() };

export const serverMessageSchemas = {
  'game.started': z.object({ ...chained, questionCount: z.number().int() }),
  'question.shown': z.object({
    ...chained,
    index: z.number().int(),
    total: z.number().int(),
    question: publicQuestionSchema,
    opensAt: z.number(),
    closesAt: z.number(),
    serverNow: z.number(),
  }),
  'question.opened': z.object({
    ...chained,
    index: z.number().int(),
    opensAt: z.number(),
    closesAt: z.number(),
    serverNow: z.number(),
  }),
  /**
   * closedAt: server time (ms) at which the question closed, for latency measurements. A
   * player's copy carries `result`, their own result: one frame per player at the close
   * instead of a reveal and a result (absent on the screens, and for a player with no result).
   */
  'question.closed': z.object({ ...chained, closedAt: z.number(), reveal: revealSchema, result: playerResultSchema.optional() }),
  'leaderboard.shown': z.object({
    ...chained,
    index: z.number().int(),
    top: z.array(leaderRowSchema),
    /** Team games: the team leaderboard, best first. */
    teams: z.array(teamRowSchema).optional(),
  }),
  'game.ended': z.object({ ...chained, reason: z.enum(['finished', 'host', 'idle']), podium: podiumSchema }),
  /** To one player at the end: final place and score. */
  'player.final': z.object({
    ...stamped,
    rank: z.number().int(),
    score: z.number().int(),
    playerCount: z.number().int(),
  }),
  /** Team games, lobby: to one player whose team changed (their pick or the host's reshuffle). */
  'player.team': z.object({ ...stamped, team: teamRefSchema }),
  /** To one player: the host removed them. The socket is disconnected after it. */
  'player.kicked': z.object({ ...stamped }),
  /** Host and display, throttled: who is in the game. */
  'players.updated': z.object({
    ...stamped,
    playerCount: z.number().int(),
    locked: z.boolean(),
    players: z.array(playerSummarySchema),
    /** Team games: the teams and their members. */
    teams: z.array(teamRowSchema).optional(),
  }),
  /** Host and display, throttled: how many have answered the open question. */
  'answers.counted': z.object({
    ...stamped,
    index: z.number().int(),
    answered: z.number().int(),
    total: z.number().int(),
  }),
  /**
   * Host and display, throttled, during a word-cloud or open-answer question: its words or
   * answers. The host's and the display's copies differ (see response-wall.ts).
   */
  'wall.updated': z.object({ ...stamped, wall: responseWallSchema }),
  /** Host and display that sent telemetry.watch { on: true }: the event flow, per 250 ms window. */
  'telemetry.events': telemetryEventsSchema,
} as const;

export type ServerMessageName = keyof typeof serverMessageSchemas;
export type ServerMessage<K extends ServerMessageName> = z.infer<(typeof serverMessageSchemas)[K]>;
