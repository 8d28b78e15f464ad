import { toCorrectAnswer, toPublicQuestion } from '@quizbus/shared';
import type {
  Distribution,
  LeaderRow,
  PlayerResult,
  PlayerSummary,
  PlayerView,
  Podium,
  QuestionState,
  Reveal,
  ScreenView,
} from '@quizbus/shared';
import { questionAt, type GameState, type PlayerState } from './game-state.ts';
import { rerollsLeft } from './rename.ts';
import { teamChoices, teamRefOf, teamRows } from './team-views.ts';
import { teamTalkMs } from './teams.ts';
import { responseWall } from './responses.ts';

/** Views: what each kind of client may see of a game, derived from the state alone. */

const TOP = 5;
const LIST_MAX = 500;

/** The question on screen with server time, or undefined in the lobby and after the end. */
export function questionState(s: GameState, now: number): QuestionState | undefined {
  const run = s.current;
  if (!run || s.phase === 'lobby' || s.phase === 'ended') return undefined;
  return {
    index: run.index,
    total: s.questions.length,
    question: toPublicQuestion(questionAt(s, run.index)),
    opensAt: run.opensAt,
    closesAt: run.closesAt,
    serverNow: now,
  };
}

/** Top rows of the ranking with movement since the previous close. */
export function topRows(s: GameState, n = TOP): LeaderRow[] {
  const rows: LeaderRow[] = [];
  for (const id of s.ranking.slice(0, n)) {
    const p = s.players.get(id);
    if (!p || p.rank === null) continue;
    rows.push({
      rank: p.rank,
      playerId: p.id,
      nickname: p.nickname,
      score: p.score,
      movement: p.prevRank === null ? 0 : p.prevRank - p.rank,
    });
  }
  return rows;
}

/** The reveal of the last closed question; only once it has closed. */
export function reveal(s: GameState): Reveal | undefined {
  const run = s.current;
  if (!run || run.closedReason === null) return undefined;
  const q = questionAt(s, run.index);
  const distribution: Distribution = {
    answered: run.answered,
    total: Math.max(0, s.activeCount - run.lateJoiners.size),
    correct: run.correct,
  };
  if ('options' in q) distribution.options = [...run.optionCounts];
  if (q.type === 'slider') distribution.histogram = [...run.sliderCounts];
  if (q.type === 'ordering') distribution.placedRight = [...run.placedRight];
  if (q.type === 'type-answer') {
    distribution.texts = [...run.texts.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, 10)
      .map((t) => ({ ...t }));
  }
  const out: Reveal = { index: run.index, correct: toCorrectAnswer(q), distribution, top: topRows(s) };
  if (q.explanation !== undefined) out.explanation = q.explanation;
  return out;
}

/**
 * The reveal as players get it: without the tally of typed answers, which holds whatever
 * classmates typed (rude words included) and belongs on the teacher's screens, not on every phone.
 */
export function playersReveal(r: Reveal): Reveal {
  if (!r.distribution.texts) return r;
  const { texts: _texts, ...distribution } = r.distribution;
  return { ...r, distribution };
}

/** A player's own result for the last closed question; undefined if they sat it out. */
export function playerResult(s: GameState, playerId: string): PlayerResult | undefined {
  const run = s.current;
  const p = s.players.get(playerId);
  if (!run || run.closedReason === null || !p || p.kicked || p.joinedDuring >= run.index || p.rank === null) return undefined;
  // A slide asks nothing: there is no result to show (and no "missed").
  if (run.closedReason === 'slide') return undefined;
  const a = p.answers[run.index];
  const aheadId = p.rank > 1 ? s.ranking[p.rank - 2] : undefined;
  const ahead = aheadId ? s.players.get(aheadId) : undefined;
  return {
    index: run.index,
    grade: a ? a.grade : 'missed',
    points: a ? a.points : 0,
    streak: p.streak,
    score: p.score,
    rank: p.rank,
    playerCount: s.ranking.length,
    ahead: ahead ? { nickname: ahead.nickname, score: ahead.score } : null,
    ...(a && { answerSeq: a.seq }),
  };
}

export function podium(s: GameState): Podium {
  const teams = teamRows(s);
  return { top: topRows(s), playerCount: s.ranking.length, ...(teams && { teams }) };
}

function summary(p: PlayerState): PlayerSummary {
  return { playerId: p.id, nickname: p.nickname, connected: p.connected, score: p.score, ...(p.team !== undefined && { team: p.team }) };
}

/** Players still in the game, newest first, at most 500. */
export function playerList(s: GameState): PlayerSummary[] {
  const all = [...s.players.values()];
  const out: PlayerSummary[] = [];
  for (let i = all.length - 1; i >= 0 && out.length < LIST_MAX; i -= 1) {
    const p = all[i] as PlayerState;
    if (!p.kicked) out.push(summary(p));
  }
  return out;
}

function common(s: GameState, now: number) {
  const view = {
    gameId: s.gameId,
    pin: s.pin,
    title: s.title,
    seq: s.seq,
    publicSeq: s.publicSeq,
    phase: s.phase,
    questionCount: s.questions.length,
  } as Pick<ScreenView, 'gameId' | 'pin' | 'title' | 'seq' | 'publicSeq' | 'phase' | 'questionCount' | 'question' | 'reveal' | 'leaderboard' | 'podium' | 'teams' | 'teamTalkMs'>;
  const question = questionState(s, now);
  if (question) view.question = question;
  if (s.phase === 'closed' || s.phase === 'leaderboard') {
    const r = reveal(s);
    if (r) view.reveal = r;
  }
  if (s.phase === 'leaderboard') view.leaderboard = topRows(s);
  if (s.phase === 'ended') view.podium = podium(s);
  const teams = teamRows(s);
  if (teams) {
    view.teams = teams;
    view.teamTalkMs = teamTalkMs(s);
  }
  return view;
}

/** Host console or display view. The display does not get the game options. */
export function screenView(s: GameState, role: 'host' | 'display', now: number): ScreenView {
  const view: ScreenView = {
    ...common(s, now),
    role,
    locked: s.locked,
    playerCount: s.activeCount,
    players: playerList(s),
  };
  if (role === 'host') view.options = s.options;
  if (s.current && (s.phase === 'reading' || s.phase === 'open')) view.answered = s.current.answered;
  const wall = responseWall(s, role);
  if (wall) view.wall = wall;
  return view;
}

/** A player's view: the room's public state plus their own seat. */
export function playerView(s: GameState, playerId: string, now: number): PlayerView {
  const p = s.players.get(playerId);
  if (!p) throw new Error(`player ${playerId} is not in game ${s.gameId}`);
  const view: PlayerView = {
    ...common(s, now),
    role: 'player',
    me: { playerId: p.id, nickname: p.nickname, score: p.score, streak: p.streak, rank: p.rank },
  };
  const rerolls = rerollsLeft(s, playerId);
  if (rerolls !== undefined) view.me.rerollsLeft = rerolls;
  const team = teamRefOf(s, p);
  if (team) view.me.team = team;
  const choices = teamChoices(s);
  if (choices) view.teamChoices = choices;
  if (view.reveal) view.reveal = playersReveal(view.reveal);
  const run = s.current;
  const mine = run ? p.answers[run.index] : undefined;
  if (run && mine && s.phase !== 'ended') view.myAnswer = { index: run.index, responseMs: mine.responseMs };
  if (s.phase === 'closed' || s.phase === 'leaderboard') {
    const result = playerResult(s, playerId);
    if (result) view.result = result;
  }
  return view;
}
