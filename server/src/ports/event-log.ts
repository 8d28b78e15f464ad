import type { DomainEvent } from '@quizbus/shared';

/** The log already holds events past the expected version: someone else wrote to this game. */
export class VersionConflictError extends Error {
  constructor(
    readonly gameId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`game ${gameId}: expected version ${expected}, log is at ${actual}`);
    this.name = 'VersionConflictError';
  }
}

/**
 * A game's event log, the source of truth. Events are appended in order with optimistic
 * concurrency: `append` succeeds only if the log's version (seq of its last event, 0 when
 * empty) equals `expectedVersion`, and the events' seqs continue it.
 */
export interface EventLog {
  /**
   * Appends events atomically; throws VersionConflictError when the version moved on (and then
   * neither writes nor publishes). With `origin` (the owner's node id) the same step also
   * publishes the events on the game's bus as one `{ origin, events }` message, after they are
   * in the log: a commit is one call to the store, not an append and then a publish.
   */
  append(gameId: string, expectedVersion: number, events: readonly DomainEvent[], origin?: string): Promise<void>;
  /** Events with seq > afterSeq, in order. */
  read(gameId: string, afterSeq?: number): Promise<DomainEvent[]>;
  /** The seq of the last event, 0 for an unknown game. */
  version(gameId: string): Promise<number>;
  /** Forgets a game's log (after its retention). */
  remove(gameId: string): Promise<void>;
}
