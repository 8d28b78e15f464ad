import type { DomainEvent } from '@quizbus/shared';

/** One publication: the events one command produced, and the node that owns the game. */
export interface BusMessage {
  origin: string;
  events: DomainEvent[];
  /** The owner removed the game: nodes drop their copy and its sockets. */
  removed?: boolean;
}

export type BusHandler = (message: BusMessage) => void;

/**
 * Fan-out of committed events to every node serving the game (one channel per game).
 * Delivery is at-most-once and in order per game; a subscriber that sees a seq gap
 * re-reads the log. Events are published only after they are in the log.
 */
export interface GameBus {
  publish(gameId: string, message: BusMessage): Promise<void>;
  /** Starts delivery of a game's messages; resolves once the subscription is live. */
  subscribe(gameId: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
