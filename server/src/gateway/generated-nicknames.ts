import type { Ack } from '@quizbus/shared';
import type { GameState } from '../engine/index.ts';
import type { GameNode } from '../games/game-node.ts';
import { generateNickname } from '../games/nickname-generator.ts';
import { cryptoRandomInt, type RandomInt } from '../games/tokens.ts';
import { fail } from './command-handler.ts';

/** Tries before giving up when another node's join took the picked name first. */
const ATTEMPTS = 4;

/**
 * The nickname a join runs with: in a game with generated nicknames, a fresh two-word name
 * (whatever was typed is ignored); otherwise the typed one. The pick avoids the names this
 * node knows; the engine checks again, so a copy that lags behind costs a retry, not a clash.
 */
export function joinNickname(state: GameState, typed: string, random: RandomInt = cryptoRandomInt): { nickname: string; generated: boolean } {
  if (!state.options.generatedNicknames) return { nickname: typed, generated: false };
  return { nickname: generateNickname(random, (key) => state.byNickname.has(key)), generated: true };
}

/** Whether a refused join with a generated name is worth another pick. */
export function retryJoin(generated: boolean, code: string, attempt: number): boolean {
  return generated && code === 'NICKNAME_TAKEN' && attempt + 1 < ATTEMPTS;
}

/**
 * `player.reroll`: picks another name and asks the game's owner to rename the player; the
 * engine says whether a re-roll is allowed (lobby, re-rolls left) and the name free.
 */
export async function rerollNickname(node: GameNode, gameId: string, playerId: string, cid?: string, random: RandomInt = cryptoRandomInt): Promise<Ack<'player.reroll'>> {
  for (let attempt = 0; ; attempt += 1) {
    const state = node.stateOf(gameId) ?? (await node.open(gameId));
    if (!state) return fail('GAME_NOT_FOUND', 'That game is not running any more.');
    const current = state.players.get(playerId)?.nickname;
    const nickname = generateNickname(random, (key) => state.byNickname.has(key), current);
    const outcome = await node.execute(gameId, { type: 'rename', playerId, nickname, ...(cid !== undefined && { cid }) });
    if (outcome.ok) return { ok: true, ...outcome.reply };
    if (outcome.code !== 'NICKNAME_TAKEN' || attempt + 1 >= ATTEMPTS) return fail(outcome.code, outcome.message);
  }
}
