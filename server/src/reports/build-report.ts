import type { Answer, DomainEvent, GameReport, GameQuestion, ReportCell, ReportPlayer, ReportQuestion } from '@quizbus/shared';
import { evolve, type GameState, type PlayerState } from '../engine/index.ts';
import { normalizeText } from '../engine/grading.ts';
import { answerInWords, correctInWords } from './answer-words.ts';

/** What the replay notes besides the state: the moments and which questions were played. */
export interface Played {
  startedAt: number | null;
  endedAt: number | null;
  /** Question indexes closed, in order. */
  closed: number[];
  /** Closed by the host during the read time: nobody could answer. */
  neverOpened: Set<number>;
}

/**
 * A game's report, from its event log. The events are replayed through the engine's `evolve`
 * (the same rules that ran the game: scores, ranks, streaks, late joiners, kicks), so the
 * report's figures are the game's, not a second reckoning. A question counts as played once it
 * has closed; one the game ended during is left out, as its answers were never credited.
 * Kicked players are left out, as in the final ranking. Null for an empty log.
 */
export function buildReport(events: Iterable<DomainEvent>): GameReport | null {
  let state: GameState | null = null;
  const played: Played = { startedAt: null, endedAt: null, closed: [], neverOpened: new Set() };
  for (const e of events) {
    const reading = state?.phase === 'reading';
    state = evolve(state, e);
    if (e.type === 'game.started') played.startedAt = e.at;
    if (e.type === 'game.ended') played.endedAt = e.at;
    if (e.type === 'question.closed') {
      played.closed.push(e.data.index);
      if (reading) played.neverOpened.add(e.data.index);
    }
  }
  return state ? reportOf(state, played) : null;
}

/** The report of a state and what was played (the assignments build theirs from their attempts, assignment-report.ts). */
export function reportOf(s: GameState, played: Played): GameReport {
  // Ranked players, best first; before any close the ranking may be empty, so fall back to join order.
  const ranked = s.ranking.length > 0 ? s.ranking : [...s.players.values()].filter((p) => !p.kicked).map((p) => p.id);
  const people = ranked.map((id) => s.players.get(id)).filter((p): p is PlayerState => p !== undefined && !p.kicked);
  const questions = played.closed.map((i) => s.questions[i] as GameQuestion);
  const matrix = people.map((p) => played.closed.map((i) => cellOf(p, i, s.questions[i] as GameQuestion)));

  const players: ReportPlayer[] = people.map((p, row) => {
    const cells = matrix[row] as Array<ReportCell | null>;
    const answers = cells.filter((c): c is ReportCell => c !== null && c.grade !== 'missed');
    const scoredQuestions = cells.filter((c, col) => c !== null && questions[col]?.type !== 'poll').length;
    const correct = cells.filter((c) => c?.grade === 'correct').length;
    const times = answers.map((c) => c.responseMs ?? 0);
    return {
      playerId: p.id,
      nickname: p.nickname,
      ...(p.studentId !== undefined && { studentId: p.studentId }),
      rank: p.rank ?? row + 1,
      score: p.score,
      correct,
      answered: answers.length,
      scoredQuestions,
      accuracy: scoredQuestions === 0 ? null : correct / scoredQuestions,
      averageResponseMs: mean(times),
      lateJoiner: p.joinedDuring >= 0,
      ...(p.team !== undefined && s.teams?.[p.team] && { team: s.teams[p.team]?.name }),
    };
  });

  const reportQuestions = played.closed.map((index, col) => {
    // The answers as recorded (option indexes), beside their cells in words.
    const recorded = people.map((p) => (p.joinedDuring >= index ? undefined : p.answers[index]?.answer));
    return questionOf(index, s.questions[index] as GameQuestion, matrix.map((r) => r[col] ?? null), recorded, played);
  });
  const hardestFirst = reportQuestions
    .map((q, col) => ({ q, col }))
    .sort((a, b) => difficulty(a.q) - difficulty(b.q) || (b.q.averageResponseMs ?? 0) - (a.q.averageResponseMs ?? 0) || a.col - b.col)
    .map(({ col }) => col);

  return {
    gameId: s.gameId,
    quizId: s.quizId,
    title: s.title,
    pin: s.pin,
    createdAt: s.createdAt,
    startedAt: played.startedAt,
    endedAt: played.endedAt,
    endReason: s.endReason,
    options: s.options,
    playerCount: players.length,
    questionCount: reportQuestions.length,
    averageScore: players.length === 0 ? 0 : Math.round((players.reduce((sum, p) => sum + p.score, 0) / players.length) * 10) / 10,
    players,
    questions: reportQuestions,
    hardestFirst,
    matrix,
    ...(s.teams && { teams: reportTeams(s) }),
  };
}

/** The fraction right; polls and questions nobody could answer sort after every real one. */
function difficulty(q: ReportQuestion): number {
  return q.percentCorrect ?? Number.POSITIVE_INFINITY;
}

function cellOf(p: PlayerState, index: number, q: GameQuestion): ReportCell | null {
  // A late joiner sits out the question running when they joined, and misses none before it.
  if (p.joinedDuring >= index) return null;
  // A slide asks nothing: nobody answered or missed it.
  if (q.type === 'slide') return null;
  const a = p.answers[index];
  if (!a) return { grade: 'missed', points: 0 };
  // A text the word filter caught stays out of the report too (it is often shown to the class).
  if (a.blocked) return { grade: a.grade, points: a.points, responseMs: a.responseMs };
  return { grade: a.grade, points: a.points, responseMs: a.responseMs, answer: answerInWords(q, a.answer) };
}

function questionOf(index: number, q: GameQuestion, cells: Array<ReportCell | null>, recorded: Array<Answer | undefined>, played: Played): ReportQuestion {
  const present = cells.filter((c): c is ReportCell => c !== null);
  const answers = present.filter((c) => c.grade !== 'missed');
  const correct = present.filter((c) => c.grade === 'correct').length;
  const out: ReportQuestion = {
    index,
    type: q.type,
    text: q.text,
    points: q.points,
    timeLimitMs: q.timeLimitMs,
    correctAnswer: correctInWords(q),
    players: present.length,
    answered: answers.length,
    correct,
    partial: present.filter((c) => c.grade === 'partial').length,
    percentCorrect: q.type === 'poll' || q.type === 'word-cloud' || q.type === 'open-answer' || q.type === 'slide' || present.length === 0 ? null : Math.round((correct / present.length) * 1000) / 10,
    averageResponseMs: mean(answers.map((c) => c.responseMs ?? 0)),
    skippedBeforeOpen: played.neverOpened.has(index),
  };
  if ('options' in q) {
    const rightOnes = q.type === 'single' || q.type === 'true-false' ? [q.correct] : q.type === 'multi' ? q.correct : [];
    out.options = q.options.map((text, i) => ({ text, count: 0, correct: rightOnes.includes(i) }));
    for (const a of recorded) {
      const picks = a?.kind === 'choice' ? [a.choice] : a?.kind === 'choices' ? a.choices : [];
      for (const picked of picks) {
        const entry = out.options[picked];
        if (entry) entry.count += 1;
      }
    }
  }
  if (q.type === 'type-answer' || q.type === 'slider') out.values = frequentValues(q, answers);
  return out;
}

/** The ten most frequent answers; typed ones grouped as the grading compares them. */
function frequentValues(q: GameQuestion, answers: ReportCell[]): NonNullable<ReportQuestion['values']> {
  const groups = new Map<string, { value: string; count: number; correct: boolean }>();
  for (const c of answers) {
    const value = (c.answer ?? '').slice(0, 60);
    const key = q.type === 'type-answer' ? normalizeText(c.answer ?? '') : value;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { value, count: 1, correct: c.grade === 'correct' });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 10);
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Team games: teams best first (team order before any close), with all members. */
function reportTeams(s: GameState): NonNullable<GameReport['teams']> {
  const teams = [...(s.teams ?? [])].sort((a, b) => (a.rank ?? a.index + 1) - (b.rank ?? b.index + 1));
  return teams.map((t) => ({
    index: t.index,
    name: t.name,
    rank: t.rank ?? t.index + 1,
    score: t.score,
    members: [...t.members].map((id) => s.players.get(id)?.nickname ?? ''),
  }));
}
