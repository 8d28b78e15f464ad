import type { Command, Decision } from './commands.ts';
import { reject } from './commands.ts';
import type { GameState } from './game-state.ts';
import { checkNickname } from './nickname.ts';

/** How many times a player may swap a generated nickname for another. */
export const MAX_REROLLS = 3;

/**
 * A nickname re-roll in a game with generated nicknames. The gateway picked the new name (the
 * randomness lives there); the rules here are when a re-roll is allowed and that the name is
 * valid and free. Lobby only: once the game runs, nicknames are on the leaderboard and stay.
 */
export function decideRename(state: GameState, c: Extract<Command, { type: 'rename' }>): Decision<'rename'> {
  if (!state.options.generatedNicknames) return reject('FORBIDDEN', 'This game does not hand out nicknames.');
  const player = state.players.get(c.playerId);
  if (!player) return reject('UNKNOWN_PLAYER', 'No such player in this game.');
  if (player.kicked) return reject('KICKED', 'The host removed you from this game.');
  if (state.phase === 'ended') return reject('GAME_ENDED', 'This game has ended.');
  if (state.phase !== 'lobby') return reject('WRONG_PHASE', 'Nicknames stay as they are once the game has started.');
  if (player.rerolls >= MAX_REROLLS) return reject('NO_REROLLS_LEFT', `You have used all ${MAX_REROLLS} re-rolls.`);
  const nick = checkNickname(c.nickname);
  if (!nick.ok) return reject('NICKNAME_INVALID', nick.message);
  if (state.byNickname.has(nick.key)) return reject('NICKNAME_TAKEN', `"${nick.nickname}" is taken in this game.`);
  return {
    ok: true,
    events: [{ type: 'player.renamed', data: { playerId: player.id, nickname: nick.nickname } }],
    reply: { nickname: nick.nickname, rerollsLeft: MAX_REROLLS - player.rerolls - 1 },
  };
}

/** Re-rolls a player has left, for their view; undefined in games without generated nicknames. */
export function rerollsLeft(state: GameState, playerId: string): number | undefined {
  if (!state.options.generatedNicknames) return undefined;
  const p = state.players.get(playerId);
  return p ? Math.max(0, MAX_REROLLS - p.rerolls) : undefined;
}
