/**
 * Every Redis key and channel name Quizbus uses, built here and nowhere else. A game's keys
 * and channels share the hash tag `{gameId}`, so on Redis Cluster they live on one shard.
 * `redis-cli psubscribe 'quizbus:*'` shows every game's events as JSON.
 */
const PREFIX = 'quizbus';

const tag = (gameId: string) => `{${gameId}}`;

export const keys = {
  /** Stream: the game's event log, one entry per event, field `e` = event JSON. */
  events: (gameId: string) => `${PREFIX}:game:${tag(gameId)}:log`,
  /** String: the seq of the last event in the log (the game's version). */
  version: (gameId: string) => `${PREFIX}:game:${tag(gameId)}:version`,
  /** String with TTL: the node that owns the game. */
  owner: (gameId: string) => `${PREFIX}:game:${tag(gameId)}:owner`,
  /** Set: ids of live games, scanned for orphans. */
  liveGames: () => `${PREFIX}:games:live`,
  /**
   * String with TTL: node `nodeId` is alive (its heartbeat). Every node's key carries the one
   * tag `{nodes}`, so a single MGET asks after all of them on Redis Cluster too.
   */
  node: (nodeId: string) => `${PREFIX}:{nodes}:node:${nodeId}`,
  /**
   * Hash { t, at } with TTL: one per-address token bucket (address-limits.ts), e.g. `joins:<address>`,
   * shared by every node; Redis drops it once it would be full again.
   */
  rateBucket: (key: string) => `${PREFIX}:limit:{${key}}`,
  /** String: PIN → game id, while the game is live. */
  pin: (pin: string) => `${PREFIX}:pin:{${pin}}`,
  /** Hash: quiz id → JSON { quiz, updatedAt }. */
  quizzes: () => `${PREFIX}:quizzes`,
  /** String: a finished game's report JSON. */
  report: (gameId: string) => `${PREFIX}:game:${tag(gameId)}:report`,
  /** Sorted set per quiz: finished game ids scored by end time. */
  reportsByQuiz: (quizId: string) => `${PREFIX}:reports:quiz:{${quizId}}`,
  /** Hash per quiz: game id → the report's summary JSON, for the list of past games (same slot as reportsByQuiz). */
  reportSummaries: (quizId: string) => `${PREFIX}:reports:quiz:{${quizId}}:summaries`,
  /** String: the teacher secret (base64url), signs session cookies on every node when no TEACHER_PASSWORD is set. */
  teacherSecret: () => `${PREFIX}:teacher:secret`,
  /** String with TTL: an unused one-time login token, by the token's hash. */
  loginToken: (tokenHash: string) => `${PREFIX}:teacher:login:{${tokenHash}}`,
  /** String (binary): an uploaded image's bytes, by its name `<sha256>.<ext>`; never expires, like quizzes. */
  image: (name: string) => `${PREFIX}:media:{${name}}`,
  /**
   * String: a self-paced assignment's JSON. Its keys share the hash tag `{assignmentId}`; all
   * expire at the deadline plus the report retention.
   */
  assignment: (assignmentId: string) => `${PREFIX}:assignment:{${assignmentId}}`,
  /** Hash: student key → attempts claimed. */
  assignmentStudents: (assignmentId: string) => `${PREFIX}:assignment:{${assignmentId}}:students`,
  /** List: attempt ids in the order they were claimed. */
  assignmentAttempts: (assignmentId: string) => `${PREFIX}:assignment:{${assignmentId}}:attempts`,
  /** List: one attempt's events as JSON, in order (its version is the length). */
  attemptLog: (assignmentId: string, attemptId: string) => `${PREFIX}:assignment:{${assignmentId}}:attempt:${attemptId}`,
  /** String: assignment PIN → assignment id, until the assignment's retention ends. */
  assignmentPin: (pin: string) => `${PREFIX}:assignment-pin:{${pin}}`,
  /** Sorted set: assignment ids scored by creation time (the teacher's list). */
  assignments: () => `${PREFIX}:{assignments}:all`,
};

export const channels = {
  /** Pub/sub: the game's committed events, as `{ origin, events }` JSON. */
  events: (gameId: string) => `${PREFIX}:game:${tag(gameId)}:events`,
  /** Pub/sub: commands forwarded to the game's owner. */
  commands: (gameId: string) => `${PREFIX}:game:${tag(gameId)}:commands`,
  /** Pub/sub: replies to commands this node forwarded. */
  replies: (nodeId: string) => `${PREFIX}:node:{${nodeId}}:replies`,
  /**
   * Pub/sub: each node's delivery figures for a watched game (the "under the hood" panel), as
   * `DeliveryNote` JSON; only nodes whose sockets watch the game subscribe.
   */
  telemetryNotes: (gameId: string) => `${PREFIX}:game:${tag(gameId)}:telemetry`,
  /**
   * Pub/sub: "node X watches game G" notices (`WatchNotice` JSON), renewed every few seconds while
   * a panel is open. One channel for all games, so each node subscribes once rather than per
   * game; its fixed tag keeps it on one shard like everything else.
   */
  telemetryWatch: () => `${PREFIX}:{telemetry}:watch`,
};
