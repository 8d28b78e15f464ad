/**
 * What teacher access needs to be the same on every node: the teacher secret (the key that
 * signs session cookies when no TEACHER_PASSWORD is set) and the one-time login tokens that
 * the server prints at start. Tokens are kept by their hash only, so a copy of the store does
 * not log anyone in.
 */
export interface TeacherKeys {
  /**
   * The teacher secret, 32 random bytes: made on the first call, then the same for every
   * later call, after a restart and on every node that shares the store.
   */
  secret(): Promise<Buffer>;
  /** Keeps a new login token (by its hash) usable for `ttlMs`. */
  addLoginToken(tokenHash: string, ttlMs: number): Promise<void>;
  /**
   * Uses a login token up: true the first time on any node, false afterwards and for an
   * unknown or expired token.
   */
  useLoginToken(tokenHash: string): Promise<boolean>;
}
