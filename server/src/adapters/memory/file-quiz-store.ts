import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quizSchema, type Quiz, type QuizSummary } from '@quizbus/shared';
import { ReadOnlyQuizError, type QuizStore } from '../../ports/quiz-store.ts';

interface Stored {
  quiz: Quiz;
  updatedAt: string;
}

/**
 * The embedded quiz library: bundled quizzes (read-only, in memory) and teachers' quizzes as
 * one JSON file each under `<dataDir>/quizzes/`, so they survive a restart. Files are written
 * to a temporary name and renamed, so a crash never leaves half a quiz. With dataDir null the
 * teachers' quizzes live in memory only (tests).
 */
export class FileQuizStore implements QuizStore {
  private readonly own = new Map<string, Stored>();
  private readonly bundled: ReadonlyMap<string, Quiz>;
  private loaded: Promise<void> | null = null;

  constructor(
    bundled: readonly Quiz[],
    private readonly dataDir: string | null,
  ) {
    this.bundled = new Map(bundled.map((q) => [q.id, q]));
  }

  private get dir(): string | null {
    return this.dataDir === null ? null : join(this.dataDir, 'quizzes');
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const dir = this.dir;
      if (!dir) return;
      await mkdir(dir, { recursive: true });
      for (const name of await readdir(dir)) {
        if (!name.endsWith('.json')) continue;
        const raw = JSON.parse(await readFile(join(dir, name), 'utf8')) as { quiz?: unknown; updatedAt?: unknown };
        const parsed = quizSchema.safeParse(raw.quiz);
        if (!parsed.success || !parsed.data.id) continue; // a hand-edited broken file is skipped, not fatal
        const updatedAt = typeof raw.updatedAt === 'string' ? raw.updatedAt : new Date(0).toISOString();
        this.own.set(parsed.data.id, { quiz: parsed.data as Quiz, updatedAt });
      }
    })();
    return this.loaded;
  }

  async list(): Promise<QuizSummary[]> {
    await this.load();
    const bundled = [...this.bundled.values()].map((q) => summary(q, true));
    const own = [...this.own.values()]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((s) => ({ ...summary(s.quiz, false), updatedAt: s.updatedAt }));
    return [...bundled, ...own];
  }

  async get(id: string): Promise<Quiz | null> {
    await this.load();
    return this.bundled.get(id) ?? this.own.get(id)?.quiz ?? null;
  }

  async save(quiz: Quiz): Promise<Quiz> {
    await this.load();
    if (this.bundled.has(quiz.id)) throw new ReadOnlyQuizError(quiz.id);
    const stored: Stored = { quiz, updatedAt: new Date().toISOString() };
    const dir = this.dir;
    if (dir) {
      const file = join(dir, `${quiz.id}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(stored, null, 2));
      await rename(tmp, file);
    }
    this.own.set(quiz.id, stored);
    return quiz;
  }

  async remove(id: string): Promise<boolean> {
    await this.load();
    if (this.bundled.has(id)) throw new ReadOnlyQuizError(id);
    if (!this.own.delete(id)) return false;
    const dir = this.dir;
    if (dir) await rm(join(dir, `${id}.json`), { force: true });
    return true;
  }
}

function summary(q: Quiz, readOnly: boolean): QuizSummary {
  const s: QuizSummary = { id: q.id, title: q.title, questionCount: q.questions.length, readOnly };
  if (q.description !== undefined) s.description = q.description;
  return s;
}
