import { toPublicQuestion, type Answer, type AssignmentOptions, type AttemptView, type GameQuestion, type Grade } from '@quizbus/shared';
import { reject, type Rejection } from './commands.ts';
import { isScored } from './game-state.ts';
import { answerProblem, normalizeText, score } from './grading.ts';
import { studentIdFor } from './student-id.ts';

/**
 * Self-paced assignments: the same questions and scoring as a live game, but each student
 * plays alone. Pure like the live engine: `decideAttempt(assignment, state, command, now)` →
 * events or a rejection; `evolveAttempt(state, event)`. There are no timers: a question's
 * deadline is a time computed from the `now` given when it opened, and every later command
 * is judged against it, so a reload, a day away or another server node changes nothing.
 */

/** An assignment as created: the quiz's questions prepared once (shuffles recorded), the deadline. */
export interface Assignment {
  readonly id: string;
  readonly pin: string;
  readonly quizId: string;
  readonly title: string;
  readonly createdAt: number;
  /** After this moment no attempt starts and no answer counts (ASSIGNMENT_CLOSED). */
  readonly closesAt: number;
  readonly options: AssignmentOptions;
  readonly questions: readonly GameQuestion[];
}

/** Facts of one attempt, in its own log; `seq` counts from 1. */
export type AttemptEvent =
  | { type: 'attempt.started'; seq: number; at: number; data: { attemptId: string; name: string; studentKey: string; attemptNumber: number; tokenHash: string } }
  | { type: 'attempt.question-opened'; seq: number; at: number; data: { index: number; opensAt: number; closesAt: number } }
  | { type: 'attempt.answered'; seq: number; at: number; data: { index: number; answer: Answer; responseMs: number; grade: Grade; points: number; streak: number } }
  | { type: 'attempt.finished'; seq: number; at: number; data: Record<string, never> };

/** An event before the store numbers it. */
export type AttemptEventDraft = AttemptEvent extends infer E ? (E extends AttemptEvent ? Omit<E, 'seq' | 'at'> : never) : never;

export interface AttemptAnswer {
  readonly answer: Answer;
  readonly responseMs: number;
  readonly grade: Grade;
  readonly points: number;
  readonly streak: number;
}

/** One attempt, built only by `evolveAttempt`. */
export interface AttemptState {
  readonly attemptId: string;
  readonly name: string;
  readonly studentKey: string;
  readonly attemptNumber: number;
  readonly tokenHash: string;
  readonly startedAt: number;
  seq: number;
  /** The question on screen (or last shown). */
  index: number;
  opensAt: number;
  closesAt: number;
  score: number;
  streak: number;
  answers: Array<AttemptAnswer | undefined>;
  finishedAt: number | null;
}

export type AttemptCommand =
  | { type: 'start'; attemptId: string; name: string; tokenHash: string; attemptNumber: number }
  | { type: 'answer'; index: number; answer: Answer }
  | { type: 'next'; index: number };

/** Accepted: the events to append (none for a repeat of a command already applied). */
export type AttemptDecision = { ok: true; events: AttemptEventDraft[] } | Rejection;

/** The key one student's attempts are counted under: their name, folded as typed answers are. */
export function studentKeyOf(name: string): string {
  return normalizeText(name);
}

/** The name a student starts with (the live game's student-id rules: trimmed, 1–64 characters, nothing invisible). */
export function attemptName(raw: string): { ok: true; name: string } | Rejection {
  const r = studentIdFor(true, raw);
  return r.ok ? { ok: true, name: r.studentId ?? '' } : r;
}

function opened(a: Assignment, index: number, now: number): AttemptEventDraft {
  const q = a.questions[index] as GameQuestion;
  const opensAt = now + q.readMs;
  return { type: 'attempt.question-opened', data: { index, opensAt, closesAt: opensAt + q.timeLimitMs } };
}

/** Judges one command against the attempt (null before it started) at the server's `now`. */
export function decideAttempt(a: Assignment, s: AttemptState | null, c: AttemptCommand, now: number): AttemptDecision {
  if (c.type === 'start') {
    if (s) return { ok: true, events: [] };
    if (now >= a.closesAt) return reject('ASSIGNMENT_CLOSED', 'This assignment closed at its deadline; it can no longer be started.');
    if (a.questions.length === 0) return reject('WRONG_PHASE', 'This assignment has no questions.');
    if (c.attemptNumber > a.options.maxAttempts) return reject('ATTEMPTS_USED', `You have used every attempt (${a.options.maxAttempts}) at this assignment.`);
    const started: AttemptEventDraft = {
      type: 'attempt.started',
      data: { attemptId: c.attemptId, name: c.name, studentKey: studentKeyOf(c.name), attemptNumber: c.attemptNumber, tokenHash: c.tokenHash },
    };
    return { ok: true, events: [started, opened(a, 0, now)] };
  }
  if (!s) return reject('UNKNOWN_PLAYER', 'This attempt was never started.');
  // A repeat (a retry after a lost reply) of a step already taken changes nothing.
  if (s.finishedAt !== null || c.index < s.index || (c.type === 'answer' && c.index === s.index && s.answers[c.index])) return { ok: true, events: [] };
  if (c.index > s.index) return reject('UNKNOWN_QUESTION', `Question ${c.index} is not open; question ${s.index} is.`);
  if (now >= a.closesAt) return reject('ASSIGNMENT_CLOSED', 'This assignment closed at its deadline; answers are no longer taken.');
  const q = a.questions[s.index] as GameQuestion;
  if (c.type === 'answer') {
    if (now < s.opensAt) return reject('NOT_OPEN', 'Answers open when the read time is over.');
    if (now > s.closesAt) return reject('LATE', 'Time is up for this question.');
    const problem = answerProblem(q, c.answer);
    if (problem) return reject('INVALID_ANSWER', problem);
    const responseMs = now - s.opensAt;
    const r = score(q, c.answer, responseMs, s.streak, { ...a.options, allowLateJoin: false });
    return { ok: true, events: [{ type: 'attempt.answered', data: { index: c.index, answer: c.answer, responseMs, grade: r.grade, points: r.points, streak: r.streak } }] };
  }
  if (!s.answers[s.index] && now <= s.closesAt) return reject('WRONG_PHASE', 'Answer this question first, or wait for its time to run out.');
  const nextIndex = s.index + 1;
  return { ok: true, events: [nextIndex < a.questions.length ? opened(a, nextIndex, now) : { type: 'attempt.finished', data: {} }] };
}

/** Applies one event; the first must be `attempt.started`. */
export function evolveAttempt(a: Assignment, s: AttemptState | null, e: AttemptEvent): AttemptState {
  if (e.type === 'attempt.started') {
    return { ...e.data, startedAt: e.at, seq: e.seq, index: -1, opensAt: 0, closesAt: 0, score: 0, streak: 0, answers: [], finishedAt: null };
  }
  if (!s) throw new Error(`attempt event ${e.type} before attempt.started`);
  const next: AttemptState = { ...s, seq: e.seq, answers: [...s.answers] };
  // Leaving a scored question unanswered breaks the streak, as a missed answer does in a live game.
  const leaveCurrent = () => {
    const q = a.questions[s.index];
    if (s.index >= 0 && q && isScored(q) && !s.answers[s.index]) next.streak = 0;
  };
  switch (e.type) {
    case 'attempt.question-opened':
      leaveCurrent();
      next.index = e.data.index;
      next.opensAt = e.data.opensAt;
      next.closesAt = e.data.closesAt;
      return next;
    case 'attempt.answered': {
      const { index, ...answer } = e.data;
      next.answers[index] = answer;
      next.score += answer.points;
      const q = a.questions[index];
      if (q && isScored(q)) next.streak = answer.streak;
      return next;
    }
    case 'attempt.finished':
      leaveCurrent();
      next.finishedAt = e.at;
      return next;
  }
}

/** Folds an attempt's log into its state (null for an empty log). */
export function replayAttempt(a: Assignment, events: readonly AttemptEvent[]): AttemptState | null {
  let s: AttemptState | null = null;
  for (const e of events) s = evolveAttempt(a, s, e);
  return s;
}

/** Questions done: answered, or left after their time ran out. */
export function questionsDone(s: AttemptState): number {
  if (s.finishedAt !== null) return s.index + 1;
  return s.answers[s.index] ? s.index + 1 : s.index;
}

/** What the student sees at `now`: the question without its answer, their own result, the time left. */
export function attemptView(a: Assignment, s: AttemptState, now: number): AttemptView {
  const q = a.questions[s.index];
  const answered = s.answers[s.index];
  const status = s.finishedAt !== null ? 'finished' : answered ? 'answered' : now > s.closesAt ? 'timeout' : 'question';
  return {
    attemptId: s.attemptId,
    assignmentId: a.id,
    title: a.title,
    name: s.name,
    closesAt: a.closesAt,
    questionCount: a.questions.length,
    status,
    index: s.index,
    ...(q && status !== 'finished' && { question: toPublicQuestion(q) }),
    readRemainingMs: status === 'question' ? Math.max(0, s.opensAt - now) : 0,
    remainingMs: status === 'question' ? Math.max(0, s.closesAt - Math.max(now, s.opensAt)) : 0,
    ...(answered && status === 'answered' && { result: { grade: answered.grade, points: answered.points, responseMs: answered.responseMs } }),
    score: s.score,
    streak: s.streak,
  };
}
