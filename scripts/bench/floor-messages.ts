/** Parent → floor server: send one round, as a broadcast or as one distinct frame per socket. */
export type FloorToServer =
  | { type: 'broadcast'; name: FloorFrameName; bytes: number; round: number }
  | { type: 'each'; name: FloorFrameName; bytes: number };

/**
 * What the floor's frames are called: the game's names, so the frames match in size, and
 * `floor.warmup` for the uncounted rounds that first bring both sides' code up to speed.
 */
export type FloorFrameName = 'question.shown' | 'question.opened' | 'question.closed' | 'floor.warmup';

/** Floor server → parent. */
export type FloorFromServer = { type: 'ready'; url: string } | { type: 'sent'; sockets: number };

/** Parent → generator: connect `count` bare clients to the floor server and time what arrives. */
export interface FloorTask {
  type: 'floor';
  url: string;
  count: number;
  localAddress: string | null;
  concurrency: number;
  /** The process exits at this time (ms since the epoch), whatever happens. */
  exitBy: number;
}

/** Generator → parent, a few times a second while the floor runs. */
export interface FloorProgress {
  type: 'floor-progress';
  connected: number;
  failed: number;
  /** Broadcast frames / distinct frames received so far. */
  broadcasts: number;
  each: number;
  /** Warm-up frames received (not timed). */
  warm: number;
}

/** Generator → parent, once the floor is over: every receipt latency, in ms. */
export interface FloorReport {
  type: 'floor-report';
  fanout: number[];
  result: number[];
}
