import type { DomainEvent } from '@quizbus/shared';
import type { GameState } from './game-state.ts';
import { rerollsLeft } from './rename.ts';

/** What the game remembers of one command that produced events: its last event and its reply. */
export interface CommandRecord {
  /** Seq of the last event the command produced: the version its ack reported. */
  readonly seq: number;
  /** The reply its sender got (the engine's reply, e.g. `{ playerId }` for a join). */
  readonly reply: Readonly<Record<string, unknown>>;
}

/**
 * How many commands a game remembers, newest first. A resend comes seconds after the original
 * (a client gives up on a command after two minutes, see RESEND_BACKOFF); this many covers more
 * than ten questions of a 300-player class.
 */
export const REMEMBERED_COMMANDS = 4096;

/**
 * Records the command behind an event, from the event alone, so a copy rebuilt from the log
 * knows what the owner knew. The reply is rebuilt from the event's data: the one a command's
 * sender got is always a fact its events state.
 */
export function remember(s: GameState, e: DomainEvent): void {
  const cid = e.cid;
  if (cid === undefined) return;
  const prior = s.commands.get(cid);
  const reply = replyOf(s, e) ?? prior?.reply ?? {};
  // Delete first: a Map keeps insertion order, so the oldest command is always the first key.
  s.commands.delete(cid);
  s.commands.set(cid, { seq: e.seq, reply });
  if (s.commands.size > REMEMBERED_COMMANDS) {
    const oldest = s.commands.keys().next();
    if (!oldest.done) s.commands.delete(oldest.value);
  }
}

/** The recorded outcome of a command id, if the game ran that command (within the window). */
export function recall(s: GameState, cid: string | undefined): CommandRecord | undefined {
  return cid === undefined ? undefined : s.commands.get(cid);
}

function replyOf(s: GameState, e: DomainEvent): CommandRecord['reply'] | undefined {
  switch (e.type) {
    case 'player.joined':
      return { playerId: e.data.playerId };
    case 'player.reconnected':
      return { playerId: e.data.playerId };
    case 'answer.accepted':
      return { index: e.data.index, responseMs: e.data.responseMs };
    case 'player.renamed':
      return { nickname: e.data.nickname, rerollsLeft: rerollsLeft(s, e.data.playerId) ?? 0 };
    default:
      return undefined;
  }
}
