import type { AssignmentOptions, GameQuestion } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { attemptView, decideAttempt, replayAttempt, type Assignment, type AttemptCommand, type AttemptEvent, type AttemptState } from './self-paced.ts';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const HOUR = 3600_000;
const single = (points: number): GameQuestion => ({ type: 'single', text: 'Pick', options: ['a', 'b'], correct: 0, timeLimitMs: 20_000, readMs: 3000, points });
const OPTIONS: AssignmentOptions = { accuracyMode: false, shuffleAnswers: false, streakBonus: true, maxAttempts: 1 };

const assignment = (questions: GameQuestion[] = [single(1000), single(1000), single(1000)], closesAt = T0 + 24 * HOUR): Assignment => ({
  id: 'a_test',
  pin: '1234567',
  quizId: 'quiz',
  title: 'Quiz',
  createdAt: T0 - HOUR,
  closesAt,
  options: OPTIONS,
  questions,
});

/** Runs commands at their times through decide and evolve, as the service does; returns the state and each outcome. */
function play(a: Assignment, steps: Array<[at: number, command: AttemptCommand]>) {
  const log: AttemptEvent[] = [];
  const outcomes: string[] = [];
  for (const [at, c] of steps) {
    const s = replayAttempt(a, log);
    const d = decideAttempt(a, s, c, at);
    if (!d.ok) {
      outcomes.push(d.code);
      continue;
    }
    outcomes.push(d.events.map((e) => e.type).join(',') || 'repeat');
    for (const e of d.events) log.push({ ...e, seq: log.length + 1, at });
  }
  return { s: replayAttempt(a, log) as AttemptState, outcomes, log };
}

const start: AttemptCommand = { type: 'start', attemptId: 't_1', name: 'Ann', tokenHash: 'h', attemptNumber: 1 };
const pick = (index: number, choice: number): AttemptCommand => ({ type: 'answer', index, answer: { kind: 'choice', choice } });
const next = (index: number): AttemptCommand => ({ type: 'next', index });

describe('self-paced attempts: per-player deadlines from the server time', () => {
  // Question 0 opens at T0 + 3 s (read time) and closes 20 s later, at T0 + 23 s.
  const cases: Array<{ name: string; steps: Array<[number, AttemptCommand]>; outcomes: string[]; score: number; streak: number; index: number }> = [
    { name: 'start opens question 0 after its read time', steps: [[T0, start]], outcomes: ['attempt.started,attempt.question-opened'], score: 0, streak: 0, index: 0 },
    { name: 'an answer during the read time is refused', steps: [[T0, start], [T0 + 2999, pick(0, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'NOT_OPEN'], score: 0, streak: 0, index: 0 },
    { name: 'an answer within 0.5 s of opening earns full points', steps: [[T0, start], [T0 + 3400, pick(0, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered'], score: 1000, streak: 1, index: 0 },
    { name: 'the speed factor counts from the opening: 10 s of 20 s gives 750', steps: [[T0, start], [T0 + 13_000, pick(0, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered'], score: 750, streak: 1, index: 0 },
    { name: 'an answer at the deadline itself still counts', steps: [[T0, start], [T0 + 23_000, pick(0, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered'], score: 500, streak: 1, index: 0 },
    { name: 'an answer after the deadline is LATE', steps: [[T0, start], [T0 + 23_001, pick(0, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'LATE'], score: 0, streak: 0, index: 0 },
    { name: 'next before answering or the deadline is refused', steps: [[T0, start], [T0 + 10_000, next(0)]], outcomes: ['attempt.started,attempt.question-opened', 'WRONG_PHASE'], score: 0, streak: 0, index: 0 },
    { name: 'next after the deadline moves on; the new question gets its own deadline from then', steps: [[T0, start], [T0 + HOUR, next(0)], [T0 + HOUR + 3400, pick(1, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.question-opened', 'attempt.answered'], score: 1000, streak: 1, index: 1 },
    { name: 'a repeated answer changes nothing', steps: [[T0, start], [T0 + 3400, pick(0, 0)], [T0 + 5000, pick(0, 1)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered', 'repeat'], score: 1000, streak: 1, index: 0 },
    { name: 'a repeated next changes nothing', steps: [[T0, start], [T0 + 3400, pick(0, 0)], [T0 + 4000, next(0)], [T0 + 4100, next(0)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered', 'attempt.question-opened', 'repeat'], score: 1000, streak: 1, index: 1 },
    { name: 'an answer to a question not yet open is UNKNOWN_QUESTION', steps: [[T0, start], [T0 + 3400, pick(1, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'UNKNOWN_QUESTION'], score: 0, streak: 0, index: 0 },
    { name: 'the streak bonus adds up over correct answers in a row', steps: [[T0, start], [T0 + 3400, pick(0, 0)], [T0 + 4000, next(0)], [T0 + 7400, pick(1, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered', 'attempt.question-opened', 'attempt.answered'], score: 2100, streak: 2, index: 1 },
    { name: 'a question left to time out breaks the streak', steps: [[T0, start], [T0 + 3400, pick(0, 0)], [T0 + 4000, next(0)], [T0 + 60_000, next(1)], [T0 + 63_400, pick(2, 0)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered', 'attempt.question-opened', 'attempt.question-opened', 'attempt.answered'], score: 2000, streak: 1, index: 2 },
    { name: 'a wrong answer scores 0 and resets the streak', steps: [[T0, start], [T0 + 3400, pick(0, 1)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.answered'], score: 0, streak: 0, index: 0 },
    { name: 'next after the last question finishes the attempt', steps: [[T0, start], [T0 + HOUR, next(0)], [T0 + 2 * HOUR, next(1)], [T0 + 3 * HOUR, next(2)]], outcomes: ['attempt.started,attempt.question-opened', 'attempt.question-opened', 'attempt.question-opened', 'attempt.finished'], score: 0, streak: 0, index: 2 },
  ];
  it.each(cases)('$name', ({ steps, outcomes, score, streak, index }) => {
    const { s, outcomes: got } = play(assignment(), steps);
    expect(got).toEqual(outcomes);
    expect({ score: s.score, streak: s.streak, index: s.index }).toEqual({ score, streak, index });
  });
});

describe('self-paced attempts: the assignment deadline', () => {
  const closesAt = T0 + HOUR;
  const cases: Array<{ name: string; steps: Array<[number, AttemptCommand]>; last: string }> = [
    { name: 'a start at the deadline is ASSIGNMENT_CLOSED', steps: [[closesAt, start]], last: 'ASSIGNMENT_CLOSED' },
    { name: 'a start a moment before it is taken', steps: [[closesAt - 1, start]], last: 'attempt.started,attempt.question-opened' },
    { name: 'an answer after it is ASSIGNMENT_CLOSED, even inside the question time', steps: [[closesAt - 5000, start], [closesAt + 10, pick(0, 0)]], last: 'ASSIGNMENT_CLOSED' },
    { name: 'next after it is ASSIGNMENT_CLOSED', steps: [[closesAt - 50_000, start], [closesAt, next(0)]], last: 'ASSIGNMENT_CLOSED' },
    { name: 'a repeat of an answer given before it still gets its outcome', steps: [[closesAt - 5000, start], [closesAt - 1000, pick(0, 0)], [closesAt + 10, pick(0, 0)]], last: 'repeat' },
    { name: 'a second attempt past the allowed number is ATTEMPTS_USED', steps: [[T0, { ...start, attemptNumber: 2 }]], last: 'ATTEMPTS_USED' },
  ];
  it.each(cases)('$name', ({ steps, last }) => {
    expect(play(assignment(undefined, closesAt), steps).outcomes.at(-1)).toBe(last);
  });
});

describe('self-paced attempts: polls, 0-point questions and the view', () => {
  it('a poll or 0-point question earns nothing and leaves the streak alone', () => {
    const poll: GameQuestion = { type: 'poll', text: 'Like?', options: ['y', 'n'], timeLimitMs: 20_000, readMs: 0, points: 0 };
    const a = assignment([single(1000), poll, single(0), single(1000)]);
    const { s } = play(a, [
      [T0, start],
      [T0 + 3400, pick(0, 0)],
      [T0 + 4000, next(0)],
      [T0 + 4100, pick(1, 1)],
      [T0 + 4200, next(1)],
      [T0 + 60_000, next(2)], // the 0-point question timed out: no streak change either
      [T0 + 63_400, pick(3, 0)],
    ]);
    expect({ score: s.score, streak: s.streak }).toEqual({ score: 2100, streak: 2 });
  });

  it('the view counts time left from the server clock and never carries the correct answer', () => {
    const a = assignment();
    const { s } = play(a, [[T0, start]]);
    const reading = attemptView(a, s, T0 + 1000);
    expect({ status: reading.status, read: reading.readRemainingMs, left: reading.remainingMs }).toEqual({ status: 'question', read: 2000, left: 20_000 });
    expect(attemptView(a, s, T0 + 13_000).remainingMs).toBe(10_000);
    expect(attemptView(a, s, T0 + 23_001).status).toBe('timeout');
    expect(JSON.stringify(reading)).not.toContain('correct');
  });
});
