import type { ServerMessageName } from './server-messages.ts';

// A module without zod: the phone's script imports it (see docs/phone-budget.md).
/** Names of the chained messages, whose prevSeq continues the client's publicSeq. */
export const CHAINED_MESSAGES = [
  'game.started',
  'question.shown',
  'question.opened',
  'question.closed',
  'leaderboard.shown',
  'game.ended',
] as const satisfies readonly ServerMessageName[];
