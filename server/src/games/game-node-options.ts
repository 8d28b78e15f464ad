import type { GameDirectory } from '../ports/game-directory.ts';
import type { NodeHeartbeats } from '../ports/node-heartbeats.ts';
import type { QuizStore } from '../ports/quiz-store.ts';
import type { ReportStore } from '../ports/report-store.ts';
import type { CommandForwardingOptions } from './command-forwarding.ts';
import type { GameLeasingOptions } from './game-leasing.ts';
import type { GameSweepOptions } from './game-sweep.ts';
import type { ReportQueueOptions } from './report-queue.ts';
import type { RandomInt } from './tokens.ts';
import type { WatchedGamesOptions } from './watched-games.ts';

/** What a GameNode is built from: the ports it works through and its timings. */
export interface GameNodeOptions
  extends Omit<WatchedGamesOptions, 'owns'>,
    GameLeasingOptions,
    GameSweepOptions,
    CommandForwardingOptions {
  directory: GameDirectory;
  quizzes: QuizStore;
  /** Where the reports of finished games are kept; none in unit setups that do not need them. */
  reports?: ReportStore;
  sweepMs?: number;
  /** How reports of ended games are queued (REPORT_QUEUE_LENGTH) and observed (metrics). */
  reportQueue?: ReportQueueOptions;
  /** Node liveness (node-presence.ts); used in a cluster only. */
  heartbeats?: NodeHeartbeats;
  /** How long a node's heartbeat lasts (NODE_TTL_MS). */
  nodeTtlMs?: number;
  random?: RandomInt;
  /** MAX_GAMES_PER_NODE: live games this node may create (taken-over games are never refused). */
  maxGames?: number;
  /** A turn of the event loop between two commands of a game (RuntimeDeps.turnBetweenCommands): on with a shared store. */
  turnBetweenCommands?: boolean;
}
