import { z } from 'zod';
import { answerSchema } from './answer.ts';
import type { ErrorBody } from './error-codes.ts';
import { playerViewSchema, screenViewSchema } from './views.ts';
import { teamRefSchema } from './team-options.ts';

/**
 * Commands a client sends (Socket.IO event name → payload schema), each with an
 * acknowledgement callback. Every ack is `{ ok: true, ... }` or `{ ok: false, error }`.
 *
 * A socket first identifies itself with one of host.attach, display.attach, player.join or
 * player.resume; the other commands act for that identity.
 */
const pin = z.string().regex(/^\d{6}$/, 'a 6-digit PIN');
const token = z.string().min(16).max(128);
/**
 * The command id (see command-ids.ts): made by the client, fresh for each command and the same
 * for every resend of it. Optional, for old clients; without it a resend may run twice.
 */
const cid = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '16–64 URL-safe characters').optional();

export const commandSchemas = {
  'host.attach': z.object({ cid, pin, hostToken: token }).strict(),
  'display.attach': z.object({ cid, pin }).strict(),
  /**
   * The nickname is checked by the game (trimmed, 1–24 graphemes as `graphemeCount` counts them, unique); see NICKNAME_INVALID.
   * In a game with generated nicknames it is ignored (send ""). `studentId` is the name or
   * student id a game with askStudentId asks for (STUDENT_ID_REQUIRED without it); other
   * games ignore it. It reaches only the host's reports.
   */
  'player.join': z.object({ cid, pin, nickname: z.string().max(200), studentId: z.string().max(200).optional() }).strict(),
  'player.resume': z.object({ cid, pin, sessionToken: token }).strict(),
  /** Generated-nickname games, in the lobby: swap the nickname for another (a few times). */
  'player.reroll': z.object({ cid }).strict(),
  /** Team games where players choose, lobby only: move to team `team` (index into the game's teams). */
  'player.team': z.object({ cid, team: z.number().int().min(0).max(7) }).strict(),
  /** Team games, lobby only: deal every player to a team again at random, balanced. */
  'host.shuffleTeams': z.object({ cid }).strict(),
  'answer.submit': z.object({ cid, index: z.number().int().min(0).max(999), answer: answerSchema }).strict(),
  'host.start': z.object({ cid }).strict(),
  'host.next': z.object({ cid }).strict(),
  'host.skip': z.object({ cid }).strict(),
  'host.end': z.object({ cid }).strict(),
  'host.kick': z.object({ cid, playerId: z.string().min(1).max(64) }).strict(),
  'host.lock': z.object({ cid, locked: z.boolean() }).strict(),
  /** Word cloud: take a word off the cloud (or put it back); `word` in any spelling that merges with it. */
  'host.hideWord': z.object({ cid, index: z.number().int().min(0).max(999), word: z.string().min(1).max(200), hidden: z.boolean() }).strict(),
  /** Open answer: show a player's answer on the display (approved) or take it off again. */
  'host.approveAnswer': z
    .object({ cid, index: z.number().int().min(0).max(999), playerId: z.string().min(1).max(64), approved: z.boolean() })
    .strict(),
  'view.snapshot': z.object({ cid }).strict(),
  /** Host and display: start or stop receiving `telemetry.events` (the "under the hood" panel). */
  'telemetry.watch': z.object({ cid, on: z.boolean() }).strict(),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<K extends CommandName> = z.infer<(typeof commandSchemas)[K]>;

/** Successful ack bodies, per command. */
export const ackSchemas = {
  'host.attach': z.object({ view: screenViewSchema }),
  'display.attach': z.object({ view: screenViewSchema }),
  'player.join': z.object({ playerId: z.string(), sessionToken: z.string(), view: playerViewSchema }),
  'player.resume': z.object({ playerId: z.string(), view: playerViewSchema }),
  'player.reroll': z.object({ nickname: z.string(), rerollsLeft: z.number().int() }),
  'player.team': z.object({ team: teamRefSchema }),
  'host.shuffleTeams': z.object({ seq: z.number().int() }),
  'answer.submit': z.object({ index: z.number().int(), responseMs: z.number().int() }),
  'host.start': z.object({ seq: z.number().int() }),
  'host.next': z.object({ seq: z.number().int() }),
  'host.skip': z.object({ seq: z.number().int() }),
  'host.end': z.object({ seq: z.number().int() }),
  'host.kick': z.object({ seq: z.number().int() }),
  'host.lock': z.object({ seq: z.number().int() }),
  'host.hideWord': z.object({ seq: z.number().int() }),
  'host.approveAnswer': z.object({ seq: z.number().int() }),
  'view.snapshot': z.object({ view: z.union([playerViewSchema, screenViewSchema]) }),
  'telemetry.watch': z.object({ on: z.boolean(), nodeId: z.string(), channel: z.string() }),
} as const satisfies Record<CommandName, z.ZodType>;

export type AckBody<K extends CommandName> = z.infer<(typeof ackSchemas)[K]>;
export type Ack<K extends CommandName> = ({ ok: true } & AckBody<K>) | { ok: false; error: ErrorBody };
