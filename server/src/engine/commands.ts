import type { Answer, ErrorCode, EventDraft, GameOptions, GameQuestion, TeamRef } from '@quizbus/shared';

/**
 * Commands the engine decides on. The runtime builds them from the wire protocol: it generates
 * ids and tokens (randomness stays out of the engine) and hashes tokens before they get here.
 */
export type Command = (
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
  | {
      type: 'join';
      playerId: string;
      nickname: string;
      tokenHash: string;
      /** The seat limit (MAX_PLAYERS_PER_GAME); checked here, on the owner, so it holds across nodes. */
      maxPlayers?: number;
      /** The gateway's word filter caught the nickname: the player gets a neutral one instead. */
      nicknameBlocked?: boolean;
      /** Name or student id, as typed; checked (and required) only in games with askStudentId. */
      studentId?: string;
      /** The node holding the player's socket: presence follows it (see `disconnect`). */
      via?: string;
    }
  /** A re-roll in a game with generated nicknames: the gateway picked `nickname`, the engine checks it. */
  | { type: 'rename'; playerId: string; nickname: string }
  /** `via`: the node of the socket taking the seat back; presence moves there. */
  | { type: 'resume'; tokenHash: string; via?: string }
  /**
   * The player's last socket on node `via` closed. Ignored when the player's presence has moved
   * to another node since (they resumed there): that node's socket is still open.
   */
  | { type: 'disconnect'; playerId: string; via?: string }
  /** `blocked`: the gateway's word filter caught a text answer (word cloud, open answer keep it off every screen). */
  | { type: 'answer'; playerId: string; index: number; answer: Answer; via?: string; blocked?: boolean }
  | { type: 'start'; hostTokenHash: string }
  | { type: 'next'; hostTokenHash: string }
  | { type: 'skip'; hostTokenHash: string }
  | { type: 'end'; hostTokenHash: string }
  | { type: 'kick'; hostTokenHash: string; playerId: string }
  | { type: 'lock'; hostTokenHash: string; locked: boolean }
  /** Team games, lobby: a player picks team `team` (teams.ts). */
  | { type: 'team'; playerId: string; team: number }
  /** Team games, lobby: the host reshuffles; `seed` is the gateway's random number (teams.ts). */
  | { type: 'shuffleTeams'; hostTokenHash: string; seed: number }
  | { type: 'hide-word'; hostTokenHash: string; index: number; word: string; hidden: boolean }
  | { type: 'approve'; hostTokenHash: string; index: number; playerId: string; approved: boolean }
  /** Time passed: open or close the question whose moment has come. */
  | { type: 'tick' }
  /** The runtime ends a game nobody used for the idle limit. */
  | { type: 'expire' }
) & {
  /**
   * The hashed command id (command-ids.ts in shared): stamped on the events the command
   * produces; a command whose id the game remembers is not decided again (command-memory.ts).
   */
  cid?: string;
};

export type CommandType = Command['type'];

/** What a command returns to its sender besides the events. */
export interface Replies {
  create: Record<string, never>;
  join: { playerId: string };
  resume: { playerId: string };
  rename: { nickname: string; rerollsLeft: number };
  disconnect: Record<string, never>;
  answer: { index: number; responseMs: number };
  start: Record<string, never>;
  next: Record<string, never>;
  skip: Record<string, never>;
  end: Record<string, never>;
  kick: Record<string, never>;
  lock: Record<string, never>;
  team: { team: TeamRef };
  shuffleTeams: Record<string, never>;
  'hide-word': Record<string, never>;
  approve: Record<string, never>;
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
