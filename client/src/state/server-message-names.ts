import type { ServerMessageName } from '@quizbus/shared';

// Spelled out rather than read from the shared zod schemas, so the phone's script does not carry
// zod (docs/phone-budget.md). The Record type still keeps the list complete: a message added to
// the protocol and missing here, or one misspelt here, fails the typecheck.
const NAMES: Record<ServerMessageName, true> = {
  'game.started': true,
  'question.shown': true,
  'question.opened': true,
  'question.closed': true,
  'leaderboard.shown': true,
  'game.ended': true,
  'player.final': true,
  'player.kicked': true,
  'player.team': true,
  'wall.updated': true,
  'players.updated': true,
  'answers.counted': true,
  'telemetry.events': true,
};

/** Every message the server may push. */
export const SERVER_MESSAGE_NAMES = Object.keys(NAMES) as ServerMessageName[];
