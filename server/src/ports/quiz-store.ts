import type { Quiz, QuizSummary } from '@quizbus/shared';

/** Raised for changes to bundled quizzes, which are read-only. */
export class ReadOnlyQuizError extends Error {
  constructor(readonly quizId: string) {
    super(`quiz ${quizId} is bundled and read-only`);
    this.name = 'ReadOnlyQuizError';
  }
}

/**
 * The quiz library: bundled quizzes (read-only) and teachers' own. Quizzes given to `save`
 * are already validated against quizSchema.
 */
export interface QuizStore {
  list(): Promise<QuizSummary[]>;
  get(id: string): Promise<Quiz | null>;
  /** Creates or replaces a teacher's quiz; throws ReadOnlyQuizError for a bundled id. */
  save(quiz: Quiz): Promise<Quiz>;
  /** Deletes a teacher's quiz; false if it did not exist; ReadOnlyQuizError for a bundled one. */
  remove(id: string): Promise<boolean>;
}
