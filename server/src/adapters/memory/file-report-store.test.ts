import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../ports/contracts/report-store.contract.ts';
import { FakeClock } from './fake-clock.ts';
import { FileReportStore } from './file-report-store.ts';

const DAY = 24 * 3600 * 1000;

/** What the contract cannot see: the files themselves. */
describe('FileReportStore files', () => {
  it('deletes the files of reports past retention, skips broken files, and refuses odd ids', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quizbus-report-files-'));
    try {
      const clock = new FakeClock();
      const store = new FileReportStore(dir, 10 * DAY, clock);
      await store.save(sampleReport('g_old', 'quiz-a', clock.now()));
      await clock.advance(11 * DAY);
      await store.save(sampleReport('g_new', 'quiz-a', clock.now()));
      expect((await readdir(join(dir, 'reports'))).sort()).toEqual(['g_new.json']);
      await writeFile(join(dir, 'reports', 'g_broken.json'), '{ not json');
      const reopened = new FileReportStore(dir, 10 * DAY, clock);
      expect((await reopened.listByQuiz('quiz-a')).map((s) => s.gameId)).toEqual(['g_new']);
      await expect(store.save(sampleReport('../escape', 'quiz-a', clock.now()))).rejects.toThrow('not a game id');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
