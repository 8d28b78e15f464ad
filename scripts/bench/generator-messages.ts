import type { Quiz } from '@quizbus/shared';
import type { FloorProgress, FloorReport, FloorTask } from './floor-messages.ts';
import type { GamePart } from './game-parts.ts';

/** The share of a benchmark's players that one generator process runs. */
export interface GeneratorTask {
  type: 'start';
  /** Server URLs; this generator's bots go round-robin over them. */
  urls: string[];
  /**
   * The games this generator's bots join: `count` bots in the game with `pin`, nicknames
   * `<prefix>-<n>` from `firstNumber` on (unique across generators). One part per game.
   */
  parts: GamePart[];
  prefix: string;
  /** Source address of every socket here (127.0.0.x), or null for the system's choice. */
  localAddress: string | null;
  concurrency: number;
  minDelayMs: number;
  maxDelayMs: number;
  accuracy: number;
  quiz: Quiz;
  questions: number;
  /** The process exits at this time (ms since the epoch), whatever happens: every run is bounded. */
  exitBy: number;
}

/**
 * Parent → generator. `floor` and `floor-end` run the bare-server floor before the game;
 * `measure` starts the measured part (the event-loop histogram is reset).
 */
export type ToGenerator = FloorTask | { type: 'floor-end' } | GeneratorTask | { type: 'measure' } | { type: 'finish' };

/** Counters, sent a few times a second so the parent can pace the game on them. */
export interface GeneratorProgress {
  type: 'progress';
  joined: number;
  failed: number;
  sent: number;
  acked: number;
  /** Per question index: bots that received their own result / the leaderboard. */
  results: number[];
  leaderboards: number[];
  ended: number;
  problems: number;
}

/** Everything measured, sent once at the end. Times in ms; `leaderboardAt` on the server's time line. */
export interface GeneratorReport {
  type: 'report';
  joinStartedAt: number;
  joinEndedAt: number;
  clockOffsetMs: number;
  clockRttMs: number;
  fanout: number[];
  /** The samples of `fanout` by message and question number (`question.shown 1`, …). */
  fanoutByMessage: Record<string, number[]>;
  ack: number[];
  result: number[];
  leaderboardAt: number[][];
  sent: number;
  acked: number;
  rejected: Record<string, number>;
  correct: number;
  problems: Record<string, number>;
  problemSamples: string[];
  maxEventLoopDelayMs: number;
  p99EventLoopDelayMs: number;
}

/** Generator → parent. */
export type FromGenerator = FloorProgress | FloorReport | GeneratorProgress | GeneratorReport | { type: 'fatal'; message: string };
