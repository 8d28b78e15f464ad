import type { Quiz } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { ReadOnlyQuizError, type QuizStore } from '../quiz-store.ts';

export const bundledSample: Quiz = {
  id: 'bundled-one',
  title: 'Bundled',
  readTimeSec: 3,
  questions: [{ type: 'true-false', text: 'Events are facts?', correct: true, timeLimitSec: 20, points: 'standard' }],
};

const own = (id: string, title: string): Quiz => ({
  id,
  title,
  readTimeSec: 0,
  questions: [{ type: 'single', text: 'Pick', options: ['a', 'b'], correct: 1, timeLimitSec: 10, points: 'double' }],
});

/**
 * The behaviour every QuizStore must have. `make` builds a store holding `bundledSample` as its
 * only bundled quiz; for a durable store, `reopen` builds a second store over the same
 * storage, to show that quizzes survive a restart.
 */
export function quizStoreContract(
  name: string,
  durable: boolean,
  make: () => Promise<{ store: QuizStore; reopen?: () => Promise<QuizStore>; done: () => Promise<void> }>,
): void {
  describe(`QuizStore contract: ${name}`, () => {
    it('lists bundled quizzes read-only and teachers\' quizzes editable', async () => {
      const { store, done } = await make();
      try {
        await store.save(own('mine-1', 'Mine'));
        const list = await store.list();
        expect(list.find((s) => s.id === 'bundled-one')).toMatchObject({ readOnly: true, questionCount: 1, title: 'Bundled' });
        expect(list.find((s) => s.id === 'mine-1')).toMatchObject({ readOnly: false, questionCount: 1, title: 'Mine' });
        expect(await store.get('mine-1')).toEqual(own('mine-1', 'Mine'));
      } finally {
        await done();
      }
    });

    it('replaces and removes a teacher\'s quiz', async () => {
      const { store, done } = await make();
      try {
        await store.save(own('mine-1', 'Mine'));
        await store.save(own('mine-1', 'Renamed'));
        expect((await store.get('mine-1'))?.title).toBe('Renamed');
        expect(await store.remove('mine-1')).toBe(true);
        expect(await store.get('mine-1')).toBeNull();
        expect(await store.remove('mine-1')).toBe(false);
      } finally {
        await done();
      }
    });

    it('refuses to change or delete a bundled quiz', async () => {
      const { store, done } = await make();
      try {
        await expect(store.save({ ...bundledSample, title: 'Hacked' })).rejects.toBeInstanceOf(ReadOnlyQuizError);
        await expect(store.remove('bundled-one')).rejects.toBeInstanceOf(ReadOnlyQuizError);
        expect((await store.get('bundled-one'))?.title).toBe('Bundled');
      } finally {
        await done();
      }
    });

    // Only stores that promise durability take this one.
    if (durable) it('keeps teachers\' quizzes across a restart', async () => {
      const { store, reopen, done } = await make();
      try {
        if (!reopen) throw new Error('a durable store needs reopen()');
        await store.save(own('kept', 'Kept'));
        const again = await reopen();
        expect(await again.get('kept')).toEqual(own('kept', 'Kept'));
      } finally {
        await done();
      }
    });
  });
}
