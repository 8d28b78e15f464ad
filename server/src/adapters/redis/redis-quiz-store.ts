import { quizSchema, type Quiz, type QuizSummary } from '@quizbus/shared';
import type { RedisClient } from './redis-link.ts';
import { ReadOnlyQuizError, type QuizStore } from '../../ports/quiz-store.ts';
import { keys } from './keys.ts';

interface Stored {
  quiz: Quiz;
  updatedAt: string;
}

/** Teachers' quizzes in one Redis hash, shared by every node; bundled quizzes stay in memory. */
export class RedisQuizStore implements QuizStore {
  private readonly bundled: ReadonlyMap<string, Quiz>;

  constructor(
    private readonly redis: RedisClient,
    bundled: readonly Quiz[],
  ) {
    this.bundled = new Map(bundled.map((q) => [q.id, q]));
  }

  private parse(raw: string): Stored | null {
    try {
      const value = JSON.parse(raw) as { quiz?: unknown; updatedAt?: unknown };
      const quiz = quizSchema.safeParse(value.quiz);
      if (!quiz.success || !quiz.data.id) return null;
      return { quiz: quiz.data as Quiz, updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '' };
    } catch {
      return null;
    }
  }

  async list(): Promise<QuizSummary[]> {
    const all = await this.redis.hvals(keys.quizzes());
    const own = all
      .map((raw) => this.parse(raw))
      .filter((s): s is Stored => s !== null)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const summary = (q: Quiz, readOnly: boolean): QuizSummary => ({
      id: q.id,
      title: q.title,
      questionCount: q.questions.length,
      readOnly,
      ...(q.description !== undefined && { description: q.description }),
    });
    return [...[...this.bundled.values()].map((q) => summary(q, true)), ...own.map((s) => ({ ...summary(s.quiz, false), updatedAt: s.updatedAt }))];
  }

  async get(id: string): Promise<Quiz | null> {
    const bundled = this.bundled.get(id);
    if (bundled) return bundled;
    const raw = await this.redis.hget(keys.quizzes(), id);
    return raw === null ? null : (this.parse(raw)?.quiz ?? null);
  }

  async save(quiz: Quiz): Promise<Quiz> {
    if (this.bundled.has(quiz.id)) throw new ReadOnlyQuizError(quiz.id);
    const stored: Stored = { quiz, updatedAt: new Date().toISOString() };
    await this.redis.hset(keys.quizzes(), quiz.id, JSON.stringify(stored));
    return quiz;
  }

  async remove(id: string): Promise<boolean> {
    if (this.bundled.has(id)) throw new ReadOnlyQuizError(id);
    return (await this.redis.hdel(keys.quizzes(), id)) === 1;
  }
}
