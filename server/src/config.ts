import { z } from 'zod';
import { parseHostPorts, type RedisTopology } from './adapters/redis/redis-connection.ts';
import type { ReplicaWait } from './adapters/redis/redis-link.ts';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/**
 * Configuration from the environment, validated at start. README.md lists every variable.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Overrides the address printed and used in join links, e.g. https://quiz.school.example */
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** With it, nodes share games over Redis (issue: scale-out); without it, the embedded default. */
  REDIS_URL: z.string().optional(),
  /** Instead of REDIS_URL: a Redis Cluster's seed nodes, `host:port,host:port` (sharded pub/sub, Redis ≥ 7). */
  REDIS_CLUSTER_NODES: z.string().optional(),
  /** Instead of REDIS_URL: the sentinels, `host:port,…`, that know the master named REDIS_SENTINEL_MASTER. */
  REDIS_SENTINELS: z.string().optional(),
  /** The master's name in the sentinels' `sentinel monitor` line. */
  REDIS_SENTINEL_MASTER: z.string().optional(),
  /**
   * Replicas that must hold an append before its command is acked (Redis WAIT). Default: 1 with
   * REDIS_CLUSTER_NODES or REDIS_SENTINELS, 0 with REDIS_URL. docs/architecture.md says what each promises.
   */
  REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).optional(),
  /** How long WAIT holds an ack at most; after it the ack goes out anyway and a warning is logged. Below the 2 s command timeout. */
  REDIS_WAIT_TIMEOUT_MS: z.coerce.number().int().min(1).max(1500).default(500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A game with no command from a person for this long is ended and removed. */
  IDLE_GAME_MINUTES: z.coerce.number().positive().default(120),
  /** An ended game stays available (podium, results) this long. */
  ENDED_GAME_MINUTES: z.coerce.number().min(0).default(30),
  /** Reports of finished games are kept this many days after the game ended (files under DATA_DIR, or Redis). */
  REPORT_RETENTION_DAYS: z.coerce.number().positive().default(365),
  /**
   * Largest Socket.IO message the transport accepts, in bytes; a larger one closes the
   * connection. Just above 1 MB so that an oversized command still arrives and gets an error
   * ack (MAX_COMMAND_BYTES below is the limit commands are held to).
   */
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(1_100_000),
  /** Largest command payload, in bytes (JSON-sized); a larger one is acked PAYLOAD_TOO_LARGE. */
  MAX_COMMAND_BYTES: z.coerce.number().int().min(256).default(16_384),
  /** Commands per second per socket, sustained (token bucket; 0 turns the limit off). */
  COMMAND_RATE: z.coerce.number().min(0).default(10),
  /** Commands a socket may send in a burst before COMMAND_RATE applies. */
  COMMAND_BURST: z.coerce.number().int().min(1).default(40),
  /**
   * player.join attempts per address per minute, burst included (0: off). Generous because a
   * whole school can share one address behind NAT: 3000 at once, then 50 a second, seats
   * 10,000 players in under two and a half minutes, and a script flooding joins gets no more.
   */
  JOINS_PER_MINUTE: z.coerce.number().min(0).default(3000),
  /** Wrong PINs or tokens per address per minute before its PIN commands are refused (0: off). */
  PIN_MISSES_PER_MINUTE: z.coerce.number().min(0).default(30),
  /** Games created per address per hour (0: off). */
  GAMES_PER_HOUR: z.coerce.number().min(0).default(60),
  /** Players in one game (kicked players do not count); 10,000 is the class size the product promises on one small machine. */
  MAX_PLAYERS_PER_GAME: z.coerce.number().int().min(1).default(10_000),
  /**
   * Live games this node may create: creations under way and games not yet over count; an
   * ended game stops counting once its podium has been served (it lingers ENDED_GAME_MINUTES
   * for results without counting). Games taken over from a dead node are never refused.
   */
  MAX_GAMES_PER_NODE: z.coerce.number().int().min(1).default(500),
  /**
   * Reports of ended games waiting to be built and saved (one at a time, off the path of live
   * commands). When it is full, a game's report is saved when the game is removed instead;
   * until then the report route builds it from the log.
   */
  REPORT_QUEUE_LENGTH: z.coerce.number().int().min(1).default(1000),
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), as Express's
   * `trust proxy`: a hop count (1), addresses or subnets (10.0.0.1, 10.0.0.0/8), or names
   * (loopback, uniquelocal). Unset: the socket's own address, headers ignored.
   */
  TRUST_PROXY: z.string().optional(),
  /**
   * `login` (default): the library, quiz documents, game creation and reports need a teacher
   * session, opened by the one-time link printed at start (or the password). `open`: anyone
   * who reaches the server is the teacher (a single-user setup; a warning is logged).
   */
  TEACHER_ACCESS: z.enum(['login', 'open']).default('login'),
  /** With it, teachers can also log in with this password (on top of the printed link). */
  TEACHER_PASSWORD: z.string().min(8, 'TEACHER_PASSWORD needs at least 8 characters').optional(),
  /**
   * Whether a request from this machine itself (loopback, Host localhost) counts as the
   * teacher, without TEACHER_PASSWORD. Off whenever TRUST_PROXY is set; `npm run cluster` sets 0
   * because its balancer makes every student look local.
   */
  TEACHER_LOOPBACK: bool.default(true),
  /** Comma-separated origins allowed to call the API and Socket.IO from other sites (CORS). Unset: same origin only. */
  CORS_ORIGINS: z.string().optional(),
  /** A file of words (one a line, # comments) that nicknames may not contain; `none` for no list. Default: the bundled list. */
  NICKNAME_BLOCKLIST_FILE: z.string().optional(),
  /** More blocked words, comma-separated, added to the file's. */
  NICKNAME_BLOCKLIST: z.string().optional(),
  NODE_ID: z.string().optional(),
  /** With Redis: how long a game's ownership lasts unless renewed; a dead node's games move after it. */
  LEASE_MS: z.coerce.number().int().min(500).default(5000),
  /**
   * With Redis: how long a node's heartbeat lasts (it beats every third of it). The players of a
   * node that died are marked away within 2 × NODE_TTL_MS + 2 s.
   */
  NODE_TTL_MS: z.coerce.number().int().min(300).default(3000),
  PRETTY_LOGS: bool.optional(),
  /** Benchmark only: serves /api/bench/time and /api/bench/memory (see docs/benchmarks.md). Off by default. */
  BENCH_ENDPOINTS: bool.optional(),
  /** Benchmark only, with BENCH_ENDPOINTS: `/api/bench/memory?snapshot=LABEL` writes a heap snapshot into this directory. */
  BENCH_HEAP_SNAPSHOT_DIR: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Reads the configuration; empty variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = configSchema.parse(cleaned);
  redisSetup(config); // a contradictory Redis setting fails at start, not at first use
  return config;
}

/**
 * Which Redis the configuration names (null: the embedded default) and how many replicas an ack
 * waits for. One of REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS; throws on two, or on
 * sentinels without a master name.
 */
export function redisSetup(config: Config): { topology: RedisTopology; wait: ReplicaWait } | null {
  const given = [config.REDIS_URL, config.REDIS_CLUSTER_NODES, config.REDIS_SENTINELS].filter((v) => v !== undefined);
  if (given.length > 1) throw new Error('set only one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS');
  let topology: RedisTopology;
  if (config.REDIS_CLUSTER_NODES) topology = { kind: 'cluster', nodes: parseHostPorts(config.REDIS_CLUSTER_NODES) };
  else if (config.REDIS_SENTINELS) {
    if (!config.REDIS_SENTINEL_MASTER) throw new Error('REDIS_SENTINELS needs REDIS_SENTINEL_MASTER (the name in `sentinel monitor`)');
    topology = { kind: 'sentinel', sentinels: parseHostPorts(config.REDIS_SENTINELS), master: config.REDIS_SENTINEL_MASTER };
  } else if (config.REDIS_URL) topology = { kind: 'plain', url: config.REDIS_URL };
  else return null;
  // Replicas exist to take over; an ack is worth their copy by default there. One server has none to wait for.
  const replicas = config.REDIS_WAIT_REPLICAS ?? (topology.kind === 'plain' ? 0 : 1);
  return { topology, wait: { replicas, timeoutMs: config.REDIS_WAIT_TIMEOUT_MS } };
}
