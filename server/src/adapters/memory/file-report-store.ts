import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gameReportSchema, type ReportSummary } from '@quizbus/shared';
import type { Clock } from '../../ports/clock.ts';
import { reportTime, summaryOf, type ReportStore, type StoredReport } from '../../ports/report-store.ts';

/** Game ids are generated (g_ and 12 URL-safe characters); anything else never names a file. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface Entry {
  summary: ReportSummary;
  /** When its retention started (the game's end). */
  at: number;
  /** In memory only (no DATA_DIR): the report itself. */
  stored?: StoredReport;
}

/**
 * The embedded report store: one JSON file per game under `<dataDir>/reports/`, written to a
 * temporary name and renamed so a crash never leaves half a report. An index of summaries is
 * kept in memory (read from the files at first use) so a quiz's list needs no file reads.
 * Reports past retention are deleted when the next one is saved. With dataDir null, reports
 * live in memory only (tests).
 */
export class FileReportStore implements ReportStore {
  private readonly index = new Map<string, Entry>();
  private loaded: Promise<void> | null = null;

  constructor(
    private readonly dataDir: string | null,
    private readonly retentionMs: number,
    private readonly clock: Clock,
  ) {}

  private get dir(): string | null {
    return this.dataDir === null ? null : join(this.dataDir, 'reports');
  }

  private expired(at: number): boolean {
    return this.clock.now() - at >= this.retentionMs;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const dir = this.dir;
      if (!dir) return;
      await mkdir(dir, { recursive: true });
      for (const name of await readdir(dir)) {
        if (!name.endsWith('.json')) continue;
        const stored = await readStored(join(dir, name));
        // A broken or hand-edited file is skipped, not fatal.
        if (stored) this.index.set(stored.report.gameId, { summary: summaryOf(stored.report), at: reportTime(stored.report) });
      }
    })();
    return this.loaded;
  }

  async save(stored: StoredReport): Promise<void> {
    await this.load();
    const { gameId } = stored.report;
    if (!SAFE_ID.test(gameId)) throw new Error(`not a game id: ${gameId}`);
    const at = reportTime(stored.report);
    if (this.expired(at)) return;
    const dir = this.dir;
    if (dir) {
      const file = join(dir, `${gameId}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(stored));
      await rename(tmp, file);
    }
    this.index.set(gameId, { summary: summaryOf(stored.report), at, ...(dir ? {} : { stored }) });
    await this.prune();
  }

  async get(gameId: string): Promise<StoredReport | null> {
    await this.load();
    const entry = this.index.get(gameId);
    if (!entry || this.expired(entry.at)) return null;
    if (entry.stored) return entry.stored;
    const dir = this.dir;
    return dir ? readStored(join(dir, `${gameId}.json`)) : null;
  }

  async listByQuiz(quizId: string): Promise<ReportSummary[]> {
    await this.load();
    return [...this.index.values()]
      .filter((e) => e.summary.quizId === quizId && !this.expired(e.at))
      .sort((a, b) => b.at - a.at)
      .map((e) => e.summary);
  }

  /** Deletes the reports past retention. */
  private async prune(): Promise<void> {
    const dir = this.dir;
    for (const [gameId, entry] of this.index) {
      if (!this.expired(entry.at)) continue;
      this.index.delete(gameId);
      if (dir) await rm(join(dir, `${gameId}.json`), { force: true });
    }
  }
}

async function readStored(file: string): Promise<StoredReport | null> {
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as { report?: unknown; hostTokenHash?: unknown };
    const report = gameReportSchema.safeParse(raw.report);
    if (!report.success || typeof raw.hostTokenHash !== 'string') return null;
    return { report: report.data, hostTokenHash: raw.hostTokenHash };
  } catch {
    return null;
  }
}
