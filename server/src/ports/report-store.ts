import type { GameReport, ReportSummary } from '@quizbus/shared';

/** A finished game's report as kept, with the hash of the host token that may read it. */
export interface StoredReport {
  report: GameReport;
  hostTokenHash: string;
}

/**
 * Reports of finished games, kept after the games are removed, for REPORT_RETENTION_DAYS
 * (counted from the game's end). A report past its retention is gone: `get` gives null and
 * the quiz's list leaves it out, whether or not the storage has deleted it yet.
 */
export interface ReportStore {
  /** Keeps a report; a second save for the same game replaces the first. */
  save(stored: StoredReport): Promise<void>;
  /** A game's report, or null if there is none (or it is past retention). */
  get(gameId: string): Promise<StoredReport | null>;
  /** The past games of a quiz, most recently ended first. */
  listByQuiz(quizId: string): Promise<ReportSummary[]>;
}

/** The list entry of a report. */
export function summaryOf(r: GameReport): ReportSummary {
  return {
    gameId: r.gameId,
    quizId: r.quizId,
    title: r.title,
    pin: r.pin,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    endReason: r.endReason,
    playerCount: r.playerCount,
    questionCount: r.questionCount,
    averageScore: r.averageScore,
  };
}

/** When a report's retention started: its game's end (or creation, for one that never ended). */
export function reportTime(r: GameReport): number {
  return r.endedAt ?? r.createdAt;
}
