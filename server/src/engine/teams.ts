import type { EventOf, GameOptions } from '@quizbus/shared';
import type { Command, Decision } from './commands.ts';
import { reject } from './commands.ts';
import type { GameState, PlayerState } from './game-state.ts';

/**
 * Team mode (options.teams): the team rules of decide and the team bookkeeping of evolve.
 * The scoring rule (docs/scoring.md): every member answers on their own phone and earns their
 * own points as usual; at each close a team adds the mean of its members' points for that
 * question (members who missed it count 0; members who were not in the game for it, and kicked
 * ones, do not count), rounded. So a team of 3 and a team of 6 compete on equal terms.
 */
export interface TeamState {
  readonly index: number;
  readonly name: string;
  score: number;
  /** Scored questions in a row that at least half of the counted members got right. */
  streak: number;
  /** 1-based rank after the latest close; null before the first. */
  rank: number | null;
  prevRank: number | null;
  /** Member player ids (kicked members removed), in order of joining the team. */
  readonly members: Set<string>;
}

/** The teams of a new game, or undefined without team mode. */
export function createTeams(options: GameOptions): TeamState[] | undefined {
  return options.teams?.names.map((name, index) => ({ index, name, score: 0, streak: 0, rank: null, prevRank: null, members: new Set<string>() }));
}

/** The team a joining player is dealt to: the smallest, the first of equals. */
export function teamForJoin(state: GameState): number | undefined {
  const teams = state.teams;
  if (!teams) return undefined;
  let best = 0;
  for (const t of teams) if (t.members.size < (teams[best] as TeamState).members.size) best = t.index;
  return best;
}

/** A player picks a team in the lobby (games where players choose). */
export function decideTeamPick(state: GameState, c: Extract<Command, { type: 'team' }>): Decision<'team'> {
  const teams = state.teams;
  if (!teams || !state.options.teams) return reject('NOT_TEAM_GAME', 'This game is not played in teams.');
  const player = state.players.get(c.playerId);
  if (!player) return reject('UNKNOWN_PLAYER', 'No such player in this game.');
  if (player.kicked) return reject('KICKED', 'The host removed you from this game.');
  if (!state.options.teams.playersChoose) return reject('TEAM_CHOICE_OFF', 'The teacher deals the teams in this game.');
  if (state.phase !== 'lobby') return reject('WRONG_PHASE', 'Teams stay as they are once the game has started.');
  const team = teams[c.team];
  if (!team) return reject('TEAM_UNKNOWN', `This game has ${teams.length} teams.`);
  const reply = { team: { index: team.index, name: team.name } };
  if (player.team === team.index) return { ok: true, events: [], reply };
  return { ok: true, events: [{ type: 'player.teamChanged', data: { playerId: player.id, team: team.index } }], reply };
}

/**
 * The host deals every active player to a team again: players in an order shuffled by `seed`
 * (the gateway's random number: the engine stays deterministic), dealt round-robin, so team
 * sizes differ by at most one.
 */
export function decideShuffle(state: GameState, seed: number): Decision<'shuffleTeams'> {
  const teams = state.teams;
  if (!teams) return reject('NOT_TEAM_GAME', 'This game is not played in teams.');
  if (state.phase !== 'lobby') return reject('WRONG_PHASE', 'Teams can only be reshuffled in the lobby.');
  const ids = [...state.players.values()].filter((p) => !p.kicked).map((p) => p.id);
  const random = seeded(seed);
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  const assignment: Record<string, number> = {};
  ids.forEach((id, i) => {
    assignment[id] = i % teams.length;
  });
  return { ok: true, events: [{ type: 'teams.shuffled', data: { assignment } }], reply: {} };
}

/** mulberry32: a small seeded generator, so a reshuffle is a pure function of its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The team talk of a team game: extra ms between showing a question and opening answers. */
export function teamTalkMs(state: GameState): number {
  return state.options.teams?.talkMs ?? 0;
}

/** evolve: puts a player into a team (joining, picking, reshuffled), out of their old one. */
export function moveToTeam(s: GameState, player: PlayerState, team: number | undefined): void {
  const teams = s.teams;
  if (!teams || team === undefined || !teams[team]) return;
  if (player.team !== undefined) teams[player.team]?.members.delete(player.id);
  player.team = team;
  teams[team]?.members.add(player.id);
}

/** evolve: applies a reshuffle. */
export function applyShuffle(s: GameState, d: EventOf<'teams.shuffled'>['data']): void {
  for (const [id, team] of Object.entries(d.assignment)) {
    const p = s.players.get(id);
    if (p && !p.kicked) moveToTeam(s, p, team);
  }
}

/** evolve: a kicked player leaves their team (their points stay in the team's score). */
export function leaveTeam(s: GameState, player: PlayerState): void {
  if (player.team !== undefined) s.teams?.[player.team]?.members.delete(player.id);
}

/**
 * evolve, at a close: credits each team the mean of its counted members' points for question
 * `index` and moves its streak; then re-ranks the teams. `scored` is false for polls, 0-point
 * questions and questions skipped before they opened: no points, no streak change.
 */
export function creditTeams(s: GameState, index: number, scored: boolean): void {
  const teams = s.teams;
  if (!teams) return;
  for (const team of teams) {
    let counted = 0;
    let points = 0;
    let right = 0;
    for (const id of team.members) {
      const p = s.players.get(id);
      if (!p || p.kicked || p.joinedDuring >= index) continue;
      counted += 1;
      const a = p.answers[index];
      if (a) points += a.points;
      if (a?.grade === 'correct') right += 1;
    }
    if (!scored || counted === 0) continue;
    team.score += Math.round(points / counted);
    team.streak = right > 0 && right * 2 >= counted ? team.streak + 1 : 0;
  }
  rankTeams(teams);
}

/** Team order: score (high first), then team order. */
export function rankTeams(teams: readonly TeamState[]): void {
  const order = [...teams].sort((a, b) => b.score - a.score || a.index - b.index);
  order.forEach((t, i) => {
    t.prevRank = t.rank;
    t.rank = i + 1;
  });
}
