import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../../adapters/memory/fake-clock.ts';
import type { Assignment, AttemptEvent } from '../../engine/self-paced.ts';
import type { AssignmentStore } from '../assignment-store.ts';
import { VersionConflictError } from '../event-log.ts';

const DAY = 24 * 3600 * 1000;

/** A one-question assignment closing `closesIn` ms after the clock's now. */
export function sampleAssignment(id: string, pin: string, now: number, closesIn = DAY): Assignment {
  return {
    id,
    pin,
    quizId: 'quiz-a',
    title: 'Quiz A',
    createdAt: now,
    closesAt: now + closesIn,
    options: { accuracyMode: false, shuffleAnswers: false, streakBonus: true, maxAttempts: 2 },
    questions: [{ type: 'single', text: 'Pick', options: ['a', 'b'], correct: 0, timeLimitMs: 20_000, readMs: 0, points: 1000 }],
  };
}

const started = (attemptId: string, at: number, name = 'Ann'): AttemptEvent => ({
  type: 'attempt.started',
  seq: 1,
  at,
  data: { attemptId, name, studentKey: name.toLowerCase(), attemptNumber: 1, tokenHash: 'h' },
});
const opened = (seq: number, at: number): AttemptEvent => ({ type: 'attempt.question-opened', seq, at, data: { index: 0, opensAt: at, closesAt: at + 20_000 } });

/**
 * The behaviour every AssignmentStore must have. `make` builds an empty store keeping
 * assignments `retentionDays` after their deadline, on `clock`; `reopen` builds a second one
 * over the same storage (a restart, or another node).
 */
export function assignmentStoreContract(
  name: string,
  make: (retentionDays: number) => Promise<{ store: AssignmentStore; clock: FakeClock; reopen: () => Promise<AssignmentStore>; done: () => Promise<void> }>,
): void {
  describe(`AssignmentStore contract: ${name}`, () => {
    it('keeps an assignment by id and by PIN; a second one with the same PIN is refused', async () => {
      const { store, clock, reopen, done } = await make(30);
      try {
        const a = sampleAssignment('a_one', '1234567', clock.now());
        expect(await store.create(a)).toBe(true);
        expect(await store.create(sampleAssignment('a_two', '1234567', clock.now()))).toBe(false);
        const other = await reopen();
        expect(await other.get('a_one')).toEqual(a);
        expect(await other.byPin('1234567')).toEqual(a);
        expect(await other.get('a_two')).toBeNull();
        expect(await other.byPin('7654321')).toBeNull();
      } finally {
        await done();
      }
    });

    it('lists assignments most recent first', async () => {
      const { store, clock, done } = await make(30);
      try {
        await store.create(sampleAssignment('a_old', '1000001', clock.now()));
        await clock.advance(1000);
        await store.create(sampleAssignment('a_new', '1000002', clock.now()));
        expect((await store.list()).map((a) => a.id)).toEqual(['a_new', 'a_old']);
      } finally {
        await done();
      }
    });

    it('claims attempts per student up to the maximum, numbered from 1', async () => {
      const { store, clock, reopen, done } = await make(30);
      try {
        await store.create(sampleAssignment('a_one', '1234567', clock.now()));
        expect(await store.claimAttempt('a_one', 'ann', 't_1', 2)).toBe(1);
        // After a restart (or on another node) the count goes on.
        const other = await reopen();
        expect(await other.claimAttempt('a_one', 'ann', 't_2', 2)).toBe(2);
        expect(await other.claimAttempt('a_one', 'ann', 't_3', 2)).toBeNull();
        expect(await other.claimAttempt('a_one', 'bob', 't_4', 2)).toBe(1);
        expect(await other.claimAttempt('a_none', 'bob', 't_5', 2)).toBeNull();
      } finally {
        await done();
      }
    });

    it('appends to an attempt with optimistic concurrency and lists attempts in claim order', async () => {
      const { store, clock, reopen, done } = await make(30);
      try {
        const now = clock.now();
        await store.create(sampleAssignment('a_one', '1234567', now));
        await store.claimAttempt('a_one', 'ann', 't_1', 2);
        await store.claimAttempt('a_one', 'bob', 't_2', 2);
        await store.claimAttempt('a_one', 'cy', 't_3', 2); // claimed, never written: left out
        await store.append('a_one', 't_2', 0, [started('t_2', now, 'Bob')]);
        await store.append('a_one', 't_1', 0, [started('t_1', now), opened(2, now)]);
        await expect(store.append('a_one', 't_1', 1, [opened(2, now)])).rejects.toBeInstanceOf(VersionConflictError);
        const other = await reopen();
        expect(await other.read('a_one', 't_1')).toEqual([started('t_1', now), opened(2, now)]);
        expect(await other.read('a_one', 't_9')).toEqual([]);
        const logs = await other.attempts('a_one');
        expect(logs.map((l) => (l[0]?.type === 'attempt.started' ? l[0].data.attemptId : '?'))).toEqual(['t_1', 't_2']);
      } finally {
        await done();
      }
    });

    it('forgets an assignment and its attempts once its deadline plus the retention has passed', async () => {
      const { store, clock, done } = await make(1);
      try {
        const now = clock.now();
        await store.create(sampleAssignment('a_one', '1234567', now, 1000));
        await store.claimAttempt('a_one', 'ann', 't_1', 2);
        await store.append('a_one', 't_1', 0, [started('t_1', now)]);
        await clock.advance(1000 + DAY - 1);
        expect(await store.get('a_one')).not.toBeNull();
        await clock.advance(1);
        expect(await store.get('a_one')).toBeNull();
        expect(await store.byPin('1234567')).toBeNull();
        expect(await store.attempts('a_one')).toEqual([]);
        expect(await store.list()).toEqual([]);
      } finally {
        await done();
      }
    });
  });
}
