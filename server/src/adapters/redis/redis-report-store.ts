import { gameReportSchema, reportSummarySchema, type ReportSummary } from '@quizbus/shared';
import type { RedisClient } from './redis-link.ts';
import type { Clock } from '../../ports/clock.ts';
import { reportTime, summaryOf, type ReportStore, type StoredReport } from '../../ports/report-store.ts';
import { keys } from './keys.ts';

/**
 * Reports in Redis, shared by every node: the report as a string key (on its game's slot) that
 * expires at the end of its retention, and per quiz a sorted set of game ids by end time with
 * a hash of their summaries (one slot per quiz), trimmed of old entries when listed and
 * expiring a retention after the quiz's last saved game.
 */
export class RedisReportStore implements ReportStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly retentionMs: number,
    private readonly clock: Clock,
  ) {}

  /** Milliseconds a report that started its retention at `at` has left (≤ 0: gone). */
  private left(at: number): number {
    return at + this.retentionMs - this.clock.now();
  }

  async save(stored: StoredReport): Promise<void> {
    const { report } = stored;
    const at = reportTime(report);
    const ttl = Math.floor(this.left(at));
    if (ttl <= 0) return;
    await this.redis.set(keys.report(report.gameId), JSON.stringify(stored), 'PX', ttl);
    const byQuiz = keys.reportsByQuiz(report.quizId);
    const summaries = keys.reportSummaries(report.quizId);
    await this.redis
      .multi()
      .zadd(byQuiz, at, report.gameId)
      .hset(summaries, report.gameId, JSON.stringify(summaryOf(report)))
      .pexpire(byQuiz, this.retentionMs)
      .pexpire(summaries, this.retentionMs)
      .exec();
  }

  async get(gameId: string): Promise<StoredReport | null> {
    const raw = await this.redis.get(keys.report(gameId));
    if (raw === null) return null;
    try {
      const value = JSON.parse(raw) as { report?: unknown; hostTokenHash?: unknown };
      const report = gameReportSchema.safeParse(value.report);
      if (!report.success || typeof value.hostTokenHash !== 'string' || this.left(reportTime(report.data)) <= 0) return null;
      return { report: report.data, hostTokenHash: value.hostTokenHash };
    } catch {
      return null;
    }
  }

  async listByQuiz(quizId: string): Promise<ReportSummary[]> {
    const byQuiz = keys.reportsByQuiz(quizId);
    const summaries = keys.reportSummaries(quizId);
    const oldest = this.clock.now() - this.retentionMs;
    const stale = await this.redis.zrangebyscore(byQuiz, '-inf', `(${oldest + 1}`);
    if (stale.length > 0) await this.redis.multi().zrem(byQuiz, ...stale).hdel(summaries, ...stale).exec();
    const ids = await this.redis.zrevrange(byQuiz, 0, -1);
    if (ids.length === 0) return [];
    const raws = await this.redis.hmget(summaries, ...ids);
    const out: ReportSummary[] = [];
    for (const raw of raws) {
      if (raw === null) continue;
      const summary = reportSummarySchema.safeParse(JSON.parse(raw));
      if (summary.success) out.push(summary.data);
    }
    return out;
  }
}
