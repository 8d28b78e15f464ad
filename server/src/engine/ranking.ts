import type { GameState, PlayerState } from './game-state.ts';

/**
 * Leaderboard order: score (high first), then total response time (low first), then join
 * order (early first). Total and strict, so every node computes the same ranking.
 */
export function compareStanding(a: PlayerState, b: PlayerState): number {
  return b.score - a.score || a.totalResponseMs - b.totalResponseMs || a.joinOrder - b.joinOrder;
}

/** Re-ranks all players who are still in the game: O(N log N), once per close. */
export function rankPlayers(state: GameState): string[] {
  const active: PlayerState[] = [];
  for (const p of state.players.values()) if (!p.kicked) active.push(p);
  active.sort(compareStanding);
  active.forEach((p, i) => {
    p.prevRank = p.rank;
    p.rank = i + 1;
  });
  return active.map((p) => p.id);
}
