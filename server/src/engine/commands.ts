import type { Answer, ErrorCode, EventDraft, GameOptions, GameQuestion } from '@quizbus/shared';

/**
 * Commands the engine decides on. The runtime builds them from the wire protocol: it generates
 * ids and tokens (randomness stays out of the engine) and hashes tokens before they get here.
 */
export type Command =
  | {
      type: 'create';
      gameId: string;
      pin: string;
      quizId: string;
      title: string;
      questions: GameQuestion[];
      options: GameOptions;
      hostTokenHash: string;
    }
  | { type: 'join'; playerId: string; nickname: string; tokenHash: string }
  | { type: 'resume'; tokenHash: string }
  | { type: 'disconnect'; playerId: string }
  | { type: 'answer'; playerId: string; index: number; answer: Answer }
  | { type: 'start'; hostTokenHash: string }
  | { type: 'next'; hostTokenHash: string }
  | { type: 'skip'; hostTokenHash: string }
  | { type: 'end'; hostTokenHash: string }
  | { type: 'kick'; hostTokenHash: string; playerId: string }
  | { type: 'lock'; hostTokenHash: string; locked: boolean }
  /** Time passed: open or close the question whose moment has come. */
  | { type: 'tick' }
  /** The runtime ends a game nobody used for the idle limit. */
  | { type: 'expire' };

export type CommandType = Command['type'];

/** What a command returns to its sender besides the events. */
export interface Replies {
  create: Record<string, never>;
  join: { playerId: string };
  resume: { playerId: string };
  disconnect: Record<string, never>;
  answer: { index: number; responseMs: number };
  start: Record<string, never>;
  next: Record<string, never>;
  skip: Record<string, never>;
  end: Record<string, never>;
  kick: Record<string, never>;
  lock: Record<string, never>;
  tick: Record<string, never>;
  expire: Record<string, never>;
}

export interface Rejection {
  ok: false;
  code: ErrorCode;
  message: string;
}

export type Decision<T extends CommandType = CommandType> =
  | { ok: true; events: EventDraft[]; reply: Replies[T] }
  | Rejection;

/** A rejection as a value: what boardgame.io calls an invalid move. */
export function reject(code: ErrorCode, message: string): Rejection {
  return { ok: false, code, message };
}
