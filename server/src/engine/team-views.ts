import type { TeamRef, TeamRow } from '@quizbus/shared';
import type { GameState, PlayerState } from './game-state.ts';
import type { TeamState } from './teams.ts';

/** Nicknames listed per team on the screens; a bigger team shows its count. */
const MEMBERS_SHOWN = 40;

/** Team games: every team, best first once ranked (team order before), with members. */
export function teamRows(s: GameState): TeamRow[] | undefined {
  if (!s.teams) return undefined;
  const order = [...s.teams].sort((a, b) => (a.rank ?? a.index + 1) - (b.rank ?? b.index + 1));
  return order.map((t) => teamRow(s, t));
}

function teamRow(s: GameState, t: TeamState): TeamRow {
  const members: string[] = [];
  for (const id of t.members) {
    if (members.length >= MEMBERS_SHOWN) break;
    const p = s.players.get(id);
    if (p) members.push(p.nickname);
  }
  return {
    index: t.index,
    name: t.name,
    rank: t.rank ?? t.index + 1,
    score: t.score,
    streak: t.streak,
    movement: t.rank === null || t.prevRank === null ? 0 : t.prevRank - t.rank,
    memberCount: t.members.size,
    members,
  };
}

/** A player's team, for their phone; undefined outside team games. */
export function teamRefOf(s: GameState, p: PlayerState): TeamRef | undefined {
  const t = p.team === undefined ? undefined : s.teams?.[p.team];
  return t ? { index: t.index, name: t.name } : undefined;
}

/** The teams a player may pick from: only in the lobby of a game where players choose. */
export function teamChoices(s: GameState): TeamRef[] | undefined {
  if (!s.teams || !s.options.teams?.playersChoose || s.phase !== 'lobby') return undefined;
  return s.teams.map((t) => ({ index: t.index, name: t.name }));
}
