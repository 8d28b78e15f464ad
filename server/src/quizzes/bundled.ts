import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { quizSchema, type Quiz } from '@quizbus/shared';

/** Folder of the quizzes shipped with Quizbus (server/quizzes). */
export const BUNDLED_DIR = fileURLToPath(new URL('../../quizzes/', import.meta.url));

/** Loads and validates the bundled quizzes; a broken bundled file is a build error, so it throws. */
export function loadBundledQuizzes(dir = BUNDLED_DIR): Quiz[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const quiz = quizSchema.parse(JSON.parse(readFileSync(`${dir}${f}`, 'utf8')));
      if (!quiz.id) throw new Error(`bundled quiz ${f} has no id`);
      return quiz as Quiz;
    });
}
