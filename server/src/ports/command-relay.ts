/** What came back from forwarding a command to a game's owner. */
export type RelayResult<R> = { kind: 'reply'; reply: R } | { kind: 'no-owner' } | { kind: 'timeout' };

/**
 * Forwards commands from the node a socket is on to the node that owns the game, and relays
 * the reply. Payloads are JSON values; the relay knows nothing of what they mean.
 */
export interface CommandRelay<C = unknown, R = unknown> {
  /** Serves a game's commands on this node (while it owns the game). */
  serve(gameId: string, handler: (command: C) => Promise<R>): Promise<() => Promise<void>>;
  /** Sends a command to whoever serves the game; `no-owner` when nobody does. */
  send(gameId: string, command: C, timeoutMs: number): Promise<RelayResult<R>>;
  close(): Promise<void>;
}
