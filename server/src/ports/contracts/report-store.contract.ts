import type { GameReport } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../adapters/memory/fake-clock.ts';
import { summaryOf, type ReportStore, type StoredReport } from '../report-store.ts';

const DAY = 24 * 3600 * 1000;

/** A small but complete report, ended `endedAt` (ms), for the contract. */
export function sampleReport(gameId: string, quizId: string, endedAt: number, playerCount = 2): StoredReport {
  const report: GameReport = {
    gameId,
    quizId,
    title: `Quiz ${quizId}`,
    pin: '123456',
    createdAt: endedAt - 600_000,
    startedAt: endedAt - 500_000,
    endedAt,
    endReason: 'finished',
    options: { accuracyMode: false, shuffleAnswers: false, allowLateJoin: false, streakBonus: true, askStudentId: true },
    playerCount,
    questionCount: 1,
    averageScore: 475,
    players: [
      { playerId: 'p_a', nickname: 'Ann', studentId: 'S-1', rank: 1, score: 950, correct: 1, answered: 1, scoredQuestions: 1, accuracy: 1, averageResponseMs: 2000, lateJoiner: false },
      { playerId: 'p_b', nickname: 'Bob', rank: 2, score: 0, correct: 0, answered: 0, scoredQuestions: 1, accuracy: 0, averageResponseMs: null, lateJoiner: false },
    ].slice(0, playerCount),
    questions: [
      {
        index: 0,
        type: 'single',
        text: 'Pick',
        points: 1000,
        timeLimitMs: 20_000,
        correctAnswer: 'a',
        players: 2,
        answered: 1,
        correct: 1,
        partial: 0,
        percentCorrect: 50,
        averageResponseMs: 2000,
        skippedBeforeOpen: false,
        options: [
          { text: 'a', count: 1, correct: true },
          { text: 'b', count: 0, correct: false },
        ],
      },
    ],
    hardestFirst: [0],
    matrix: ([[{ grade: 'correct', points: 950, responseMs: 2000, answer: 'a' }], [{ grade: 'missed', points: 0 }]] satisfies GameReport['matrix']).slice(0, playerCount),
  };
  return { report, hostTokenHash: `hash-${gameId}` };
}

/**
 * The behaviour every ReportStore must have. `make` builds an empty store that keeps reports
 * `retentionDays` after their game ended, on `clock`; `reopen` builds a second store over
 * the same storage, to show that reports survive a restart.
 */
export function reportStoreContract(
  name: string,
  make: (retentionDays: number) => Promise<{ store: ReportStore; clock: FakeClock; reopen: () => Promise<ReportStore>; done: () => Promise<void> }>,
): void {
  describe(`ReportStore contract: ${name}`, () => {
    it('keeps a report and gives it back whole; an unknown game has none', async () => {
      const { store, clock, done } = await make(30);
      try {
        const stored = sampleReport('g_one', 'quiz-a', clock.now());
        await store.save(stored);
        expect(await store.get('g_one')).toEqual(stored);
        expect(await store.get('g_other')).toBeNull();
      } finally {
        await done();
      }
    });

    it('lists the past games of one quiz, most recent first, and replaces a report saved twice', async () => {
      const { store, clock, done } = await make(30);
      try {
        const now = clock.now();
        await store.save(sampleReport('g_old', 'quiz-a', now - 2 * DAY));
        await store.save(sampleReport('g_new', 'quiz-a', now - DAY));
        await store.save(sampleReport('g_elsewhere', 'quiz-b', now));
        await store.save(sampleReport('g_old', 'quiz-a', now - 2 * DAY, 1));
        const list = await store.listByQuiz('quiz-a');
        expect(list).toEqual([summaryOf(sampleReport('g_new', 'quiz-a', now - DAY).report), summaryOf(sampleReport('g_old', 'quiz-a', now - 2 * DAY, 1).report)]);
        expect((await store.get('g_old'))?.report.playerCount).toBe(1);
        expect(await store.listByQuiz('quiz-none')).toEqual([]);
      } finally {
        await done();
      }
    });

    it('forgets reports past their retention', async () => {
      const { store, clock, done } = await make(10);
      try {
        const now = clock.now();
        await store.save(sampleReport('g_nine', 'quiz-a', now - 9 * DAY));
        await store.save(sampleReport('g_fresh', 'quiz-a', now));
        await clock.advance(DAY + 1000); // g_nine is now 10 days and a second old
        expect(await store.get('g_nine')).toBeNull();
        expect((await store.get('g_fresh'))?.report.gameId).toBe('g_fresh');
        expect((await store.listByQuiz('quiz-a')).map((s) => s.gameId)).toEqual(['g_fresh']);
        // One that is past retention when it arrives is not kept at all.
        await store.save(sampleReport('g_ancient', 'quiz-a', now - 30 * DAY));
        expect(await store.get('g_ancient')).toBeNull();
      } finally {
        await done();
      }
    });

    it('keeps reports across a restart', async () => {
      const { store, clock, reopen, done } = await make(30);
      try {
        await store.save(sampleReport('g_kept', 'quiz-a', clock.now()));
        const again = await reopen();
        expect(await again.get('g_kept')).toEqual(sampleReport('g_kept', 'quiz-a', clock.now()));
        expect((await again.listByQuiz('quiz-a')).map((s) => s.gameId)).toEqual(['g_kept']);
      } finally {
        await done();
      }
    });
  });
}
