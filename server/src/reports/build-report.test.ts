import { describe, expect, it } from 'vitest';
import { A, Q, TestGame } from '../engine/test-game.ts';
import { buildReport } from './build-report.ts';

/** Issue 7, point 2: the report math, from a game driven through the real engine. */
describe('game report from the event log', () => {
  /**
   * Ann, Bob and Cid play four questions; Dan is kicked; Eve joins late, during question 1.
   *   q0 single (right: Red):     Ann Red 2 s, Bob Blue 4 s, Cid misses, Dan Red (kicked later)
   *   q1 multi (right: Red+Green): Ann Red+Green 1 s, Bob Red 3 s (partial), Cid Blue 5 s; Eve sits out
   *   q2 type-answer (Zürich):    Ann "zurich" 1 s, Bob " ZÜRICH " 2 s, Cid "Geneva" 3 s, Eve "Zurich" 4 s
   *   q3 poll:                    Ann Tea, Eve Water; the others miss it
   */
  function game() {
    const g = new TestGame([Q.single(0), Q.multi([0, 2]), Q.typeAnswer(), Q.poll()], { allowLateJoin: true, askStudentId: true });
    const join = (nickname: string, studentId: string) => {
      const playerId = g.nextPlayerId();
      TestGame.ok(g.run({ type: 'join', playerId: `id-${nickname}`, nickname, tokenHash: `t-${nickname}-${playerId}`, studentId }));
      return `id-${nickname}`;
    };
    const ann = join('Ann', 'S-001 Ann Archer');
    const bob = join('Bob', 'S-002');
    const cid = join('Cid', 'S-003');
    const dan = join('Dan', 'S-004');
    g.start();
    g.toOpen(2000);
    g.answer(ann, 0, A.choice(0));
    g.advanceBy(2000);
    g.answer(bob, 0, A.choice(1));
    g.answer(dan, 0, A.choice(0));
    g.toClose();
    g.kick(dan);
    g.next();
    g.next(); // q1 shown
    const eve = join('Eve', 'S-005');
    g.toOpen(1000);
    g.answer(ann, 1, A.choices(0, 2));
    g.advanceBy(2000);
    g.answer(bob, 1, A.choices(0));
    g.advanceBy(2000);
    g.answer(cid, 1, A.choices(1));
    g.toClose();
    g.next();
    g.next(); // q2
    g.toOpen(1000);
    g.answer(ann, 2, A.text('zurich'));
    g.advanceBy(1000);
    g.answer(bob, 2, A.text(' ZÜRICH '));
    g.advanceBy(1000);
    g.answer(cid, 2, A.text('Geneva'));
    g.advanceBy(1000);
    g.answer(eve, 2, A.text('Zurich')); // everyone answered: closes
    g.next();
    g.next(); // q3
    g.toOpen(500);
    g.answer(ann, 3, A.choice(0));
    g.answer(eve, 3, A.choice(2));
    g.toClose();
    g.next();
    g.next(); // ended, finished
    return { g, ann, bob, cid, dan, eve };
  }

  it('ranks students as the game did, with score, correct count, accuracy and mean response time', () => {
    const { g } = game();
    const report = buildReport(g.events);
    expect(report).not.toBeNull();
    if (!report) return;
    const byName = Object.fromEntries(report.players.map((p) => [p.nickname, p]));
    // The figures are the engine's.
    for (const p of report.players) {
      const s = g.state.players.get(p.playerId);
      expect([p.score, p.rank]).toEqual([s?.score, s?.rank]);
    }
    expect(report.players.map((p) => p.nickname)).toEqual(g.state.ranking.map((id) => g.state.players.get(id)?.nickname));
    expect(report.players.map((p) => p.nickname)).not.toContain('Dan');
    expect(byName.Ann).toMatchObject({ studentId: 'S-001 Ann Archer', correct: 3, answered: 4, scoredQuestions: 3, accuracy: 1, averageResponseMs: Math.round((2000 + 1000 + 1000 + 500) / 4), lateJoiner: false });
    expect(byName.Bob).toMatchObject({ correct: 1, answered: 3, scoredQuestions: 3, accuracy: 1 / 3, averageResponseMs: Math.round((4000 + 3000 + 2000) / 3) });
    expect(byName.Cid).toMatchObject({ correct: 0, answered: 2, accuracy: 0, averageResponseMs: 4000 });
    expect(byName.Eve).toMatchObject({ correct: 1, answered: 2, scoredQuestions: 1, accuracy: 1, lateJoiner: true });
    expect(report).toMatchObject({ playerCount: 4, questionCount: 4, endReason: 'finished', title: 'Test quiz', quizId: 'quiz-1' });
    expect(report.averageScore).toBe(Math.round((report.players.reduce((s, p) => s + p.score, 0) / 4) * 10) / 10);
    expect(report.startedAt).toBe(g.events.find((e) => e.type === 'game.started')?.at);
    expect(report.endedAt).toBe(g.events.at(-1)?.at);
  });

  it('gives each question its % correct, distribution and mean time, hardest first', () => {
    const { g } = game();
    const report = buildReport(g.events);
    if (!report) throw new Error('no report');
    const [q0, q1, q2, q3] = report.questions;
    expect(q0).toMatchObject({ type: 'single', players: 3, answered: 2, correct: 1, percentCorrect: 33.3, averageResponseMs: 3000, correctAnswer: 'Red' });
    expect(q0?.options).toEqual([
      { text: 'Red', count: 1, correct: true },
      { text: 'Blue', count: 1, correct: false },
      { text: 'Green', count: 0, correct: false },
      { text: 'Yellow', count: 0, correct: false },
    ]);
    // Eve sat question 1 out: three players could answer it.
    expect(q1).toMatchObject({ players: 3, answered: 3, correct: 1, partial: 1, percentCorrect: 33.3, averageResponseMs: 3000, correctAnswer: 'Red, Green' });
    expect(q1?.options?.map((o) => o.count)).toEqual([2, 1, 1, 0]);
    expect(q2).toMatchObject({ players: 4, correct: 3, percentCorrect: 75, correctAnswer: 'Zürich / Zurich' });
    expect(q2?.values).toEqual([
      { value: 'zurich', count: 3, correct: true },
      { value: 'Geneva', count: 1, correct: false },
    ]);
    expect(q3).toMatchObject({ type: 'poll', percentCorrect: null, answered: 2, players: 4 });
    expect(q3?.options?.map((o) => o.count)).toEqual([1, 0, 1]);
    // q0 and q1 tie at 33.3 % and 3 s on average: game order; the poll comes last.
    expect(report.hardestFirst).toEqual([0, 1, 2, 3]);
  });

  it('builds the student × question matrix, with no cell for a question a late joiner sat out', () => {
    const { g, eve } = game();
    const report = buildReport(g.events);
    if (!report) throw new Error('no report');
    const row = (name: string) => report.matrix[report.players.findIndex((p) => p.nickname === name)];
    expect(row('Ann')?.map((c) => c?.grade)).toEqual(['correct', 'correct', 'correct', 'poll']);
    expect(row('Bob')?.map((c) => c?.grade)).toEqual(['wrong', 'partial', 'correct', 'missed']);
    expect(row('Cid')?.map((c) => c?.grade)).toEqual(['missed', 'wrong', 'wrong', 'missed']);
    // Eve joined while q1 was on screen: no cell for q0 (before her time) nor q1 (sat out).
    expect(row('Eve')?.map((c) => c?.grade ?? null)).toEqual([null, null, 'correct', 'poll']);
    expect(row('Ann')?.[0]).toEqual({ grade: 'correct', points: g.state.players.get('id-Ann')?.answers[0]?.points, responseMs: 2000, answer: 'Red' });
    expect(row('Bob')?.[1]).toMatchObject({ answer: 'Red' });
    expect(row('Ann')?.[1]).toMatchObject({ answer: 'Red, Green' });
    expect(eve).toBe('id-Eve');
    // Points in the matrix add up to each score.
    report.players.forEach((p, i) => expect((report.matrix[i] ?? []).reduce((s, c) => s + (c?.points ?? 0), 0)).toBe(p.score));
  });

  it('leaves out a question the game ended during, and marks one skipped before it opened', () => {
    const g = new TestGame([Q.single(0), Q.single(1), Q.single(2)]);
    const ann = g.add('Ann');
    g.add('Bob');
    g.start();
    g.skip(); // closed during the read time
    g.next();
    g.next();
    g.toOpen();
    g.answer(ann, 1, A.choice(1));
    g.toClose();
    g.next();
    g.next();
    g.toOpen();
    g.answer(ann, 2, A.choice(2));
    g.end(); // during q2: its answers are never credited
    const report = buildReport(g.events);
    expect(report?.questions.map((q) => [q.index, q.skippedBeforeOpen])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect(report?.players.find((p) => p.nickname === 'Ann')).toMatchObject({ correct: 1, answered: 1, score: g.state.players.get(ann)?.score });
    expect(report?.endReason).toBe('host');
  });

  it('reports a game still running, with no end yet', () => {
    const g = new TestGame([Q.single(0)]);
    g.add('Ann');
    g.start();
    expect(buildReport(g.events)).toMatchObject({ endedAt: null, endReason: null, questionCount: 0, playerCount: 1 });
  });

  it('is null for an empty log', () => {
    expect(buildReport([])).toBeNull();
  });
});

describe('report of free-text questions and slides', () => {
  it('lists word-cloud and open answers per student, without share correct, filtered text left out', () => {
    const g = new TestGame([Q.slide(), Q.wordCloud(), Q.openAnswer()]);
    const [ann, bob] = [g.add('Ann'), g.add('Bob')];
    TestGame.ok(g.start());
    TestGame.ok(g.next());
    g.toOpen(1000);
    TestGame.ok(g.answer(ann, 1, A.text('Kafka')));
    TestGame.ok(g.blockedAnswer(bob, 1, 'rude word'));
    TestGame.ok(g.next());
    TestGame.ok(g.next());
    g.toOpen(1000);
    TestGame.ok(g.answer(ann, 2, A.text('A fact that happened')));
    g.toClose();
    TestGame.ok(g.end());
    const report = buildReport(g.events);
    if (!report) throw new Error('no report');
    expect(report.questions.map((q) => [q.type, q.percentCorrect, q.answered, q.correctAnswer])).toEqual([
      ['slide', null, 0, ''],
      ['word-cloud', null, 2, ''],
      ['open-answer', null, 1, ''],
    ]);
    const at = report.players.findIndex((p) => p.playerId === ann);
    expect(report.matrix[at]?.map((c) => c?.answer)).toEqual([undefined, 'Kafka', 'A fact that happened']);
    expect(report.matrix[at]?.map((c) => c?.grade)).toEqual([undefined, 'poll', 'poll']);
    expect(JSON.stringify(report)).not.toContain('rude');
    expect(report.players.map((p) => p.score)).toEqual([0, 0]);
  });
});
