import type { GameReport } from '@quizbus/shared';
import type { GameState, PlayerState } from '../engine/game-state.ts';
import { questionsDone, type Assignment, type AttemptState } from '../engine/self-paced.ts';
import { reportOf } from './build-report.ts';

/**
 * An assignment's report, in the live game's shape (so the report page, CSV and xlsx are the
 * same): each student's best attempt (highest score; the earlier one on a tie) is their line.
 * A question a student has not reached (yet) counts as missed, as for a live game's player who
 * left. The ranking: score, then total response time, then who started first.
 */
export function assignmentReport(a: Assignment, attempts: readonly AttemptState[], now: number): GameReport {
  const best = new Map<string, AttemptState>();
  for (const s of attempts) {
    const held = best.get(s.studentKey);
    if (!held || s.score > held.score) best.set(s.studentKey, s);
  }
  const players = new Map<string, PlayerState>();
  [...best.values()].forEach((s, joinOrder) => players.set(s.attemptId, playerOf(a, s, joinOrder)));
  const ranking = [...players.values()]
    .sort((x, y) => y.score - x.score || x.totalResponseMs - y.totalResponseMs || x.joinOrder - y.joinOrder)
    .map((p) => p.id);
  ranking.forEach((id, i) => {
    const p = players.get(id);
    if (p) p.rank = i + 1;
  });
  const finished = attempts.map((s) => s.finishedAt).filter((t): t is number => t !== null);
  const closed = now >= a.closesAt;
  const state: GameState = {
    gameId: a.id,
    pin: a.pin,
    quizId: a.quizId,
    title: a.title,
    questions: a.questions,
    options: { ...a.options, allowLateJoin: false, askStudentId: true },
    hostTokenHash: '',
    createdAt: a.createdAt,
    seq: 0,
    publicSeq: 0,
    prevPublicSeq: 0,
    lastEventAt: now,
    phase: closed ? 'ended' : 'open',
    questionIndex: a.questions.length - 1,
    locked: false,
    endReason: closed ? 'finished' : null,
    players,
    byNickname: new Map(),
    byToken: new Map(),
    commands: new Map(),
    joinCount: players.size,
    scoredTimeMs: 0,
    activeCount: players.size,
    connectedCount: 0,
    ranking,
    current: null,
  };
  return reportOf(state, {
    startedAt: attempts.length === 0 ? null : Math.min(...attempts.map((s) => s.startedAt)),
    endedAt: closed ? a.closesAt : finished.length > 0 ? Math.max(...finished) : null,
    closed: a.questions.map((_, i) => i),
    neverOpened: new Set(),
  });
}

/** A student's attempt as a live game's player who was there from the start. */
function playerOf(a: Assignment, s: AttemptState, joinOrder: number): PlayerState {
  const done = questionsDone(s);
  const totalResponseMs = a.questions.slice(0, done).reduce((sum, q, i) => sum + (s.answers[i]?.responseMs ?? q.timeLimitMs), 0);
  return {
    id: s.attemptId,
    nickname: s.name,
    nicknameKey: s.studentKey,
    tokenHash: s.tokenHash,
    studentId: s.name,
    rerolls: 0,
    joinOrder,
    joinedDuring: -1,
    connected: false,
    via: undefined,
    kicked: false,
    score: s.score,
    streak: s.streak,
    correctCount: s.answers.filter((x) => x?.grade === 'correct').length,
    totalResponseMs,
    rank: null,
    prevRank: null,
    answers: s.answers.map((x) => x && { ...x, seq: 0 }),
  };
}
