/**
 * Ownership of games across nodes: one node at a time holds a game's lease and runs its
 * commands and timers. A lease lapses unless renewed, so a dead node's games are taken over.
 * The log's expected-version append fences a stale owner that has not noticed yet.
 */
export interface GameLeases {
  /** Takes the lease if it is free or already ours; true when we hold it afterwards. */
  acquire(gameId: string, nodeId: string, ttlMs: number): Promise<boolean>;
  /** Extends the leases we hold; returns the ids among them we no longer hold. */
  renew(gameIds: readonly string[], nodeId: string, ttlMs: number): Promise<string[]>;
  /** Gives a lease up at once (shutdown, game removed), if we hold it. */
  release(gameId: string, nodeId: string): Promise<void>;
  /** The node holding the lease, or null. */
  owner(gameId: string): Promise<string | null>;
  /** Records a game as live, so that an orphaned one is found and taken over. */
  track(gameId: string): Promise<void>;
  untrack(gameId: string): Promise<void>;
  /** Live games whose lease nobody holds. */
  orphans(): Promise<string[]>;
}
