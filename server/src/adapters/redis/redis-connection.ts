import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { RedisLink, type ReplicaWait } from './redis-link.ts';

/** One `host:port` of a cluster seed node or a sentinel. */
export interface HostPort {
  host: string;
  port: number;
}

/**
 * Which Redis the nodes share: one server (REDIS_URL), one master with replicas found through
 * Sentinel (REDIS_SENTINELS + REDIS_SENTINEL_MASTER), or a Redis Cluster (REDIS_CLUSTER_NODES).
 */
export type RedisTopology =
  | { kind: 'plain'; url: string }
  | { kind: 'sentinel'; sentinels: HostPort[]; master: string }
  | { kind: 'cluster'; nodes: HostPort[] };

/** Parses `host:port,host:port`; throws on an entry without a port. */
export function parseHostPorts(list: string): HostPort[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const at = entry.lastIndexOf(':');
      const port = Number(entry.slice(at + 1));
      if (at <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`"${entry}" is not host:port`);
      // [::1]:7000 → ::1, as ioredis wants it.
      return { host: entry.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port };
    });
}

/**
 * Options for every connection: fail fast while Redis is away (no offline queue: a command gets
 * an error at once instead of hanging) and reconnect by itself with a capped backoff.
 */
function connectionOptions(role: string): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // A frozen Redis must fail commands, not hang them (and the ack waiting on them).
    commandTimeout: 2000,
    retryStrategy: (times) => Math.min(100 * times, 1000),
    connectionName: `quizbus-${role}`,
    // Commands issued in the same turn of the event loop go out in one write instead of one
    // each: a class answering at once through other nodes means a forwarded command and a reply
    // per answer. Order on the connection is unchanged. Not for the subscriber, whose
    // connection only subscribes.
    enableAutoPipelining: role === 'command',
  };
}

/** Logs a connection's loss once, and its return. */
function logHealth(redis: Redis | Cluster, logger: Logger, role: string): void {
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) logger.warn({ role, err: err.message }, 'redis connection error');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({ role }, 'redis connection back');
    down = false;
  });
}

/**
 * Connects again a Sentinel-managed connection that ended without being asked to. ioredis's
 * failover detector, hearing +switch-master while the connection is reconnecting to the dead
 * master, disconnects the connector in the middle of that connect; the connect then fails with
 * "Connection is closed.", the status becomes "end" and nothing retries (seen after a master's
 * kill -9 under load: every connection of both nodes dead from the promotion on, every command
 * "Connection is closed." for minutes).
 */
function reviveUnaskedEnd(redis: Redis, logger: Logger, role: string): void {
  let closing = false;
  const disconnect = redis.disconnect.bind(redis);
  redis.disconnect = (reconnect = false) => {
    if (!reconnect) closing = true;
    disconnect(reconnect);
  };
  const quit = redis.quit.bind(redis);
  redis.quit = (...args: Parameters<typeof quit>) => {
    closing = true;
    return quit(...args);
  };
  redis.on('end', () => {
    if (closing) return;
    logger.warn({ role }, 'redis connection ended by itself: connecting again');
    setTimeout(() => {
      if (!closing) redis.connect().catch(() => undefined);
    }, 500).unref();
  });
}

/** A connection to one Redis server by URL (see connectionOptions). */
export function connectRedis(url: string, logger: Logger, role: string): Redis {
  const redis = new Redis(url, connectionOptions(role));
  logHealth(redis, logger, role);
  return redis;
}

/** A connection to the topology: a Redis (plain or through Sentinel) or a Cluster. */
export function connectTopology(topology: RedisTopology, logger: Logger, role: string): Redis | Cluster {
  const options = connectionOptions(role);
  let redis: Redis | Cluster;
  if (topology.kind === 'plain') redis = new Redis(topology.url, options);
  else if (topology.kind === 'sentinel') {
    // failoverDetector: hear +switch-master from the sentinels instead of waiting for the old master's socket to die.
    redis = new Redis({ ...options, sentinels: topology.sentinels, name: topology.master, failoverDetector: true, sentinelRetryStrategy: (times) => Math.min(100 * times, 1000) });
    reviveUnaskedEnd(redis, logger, role);
  } else {
    const { lazyConnect, enableAutoPipelining, ...perNode } = options;
    redis = new Cluster(topology.nodes, {
      lazyConnect,
      enableAutoPipelining,
      enableOfflineQueue: false,
      // The subscriber keeps one connection per master for SSUBSCRIBE and moves channels when slots move.
      shardedSubscribers: role === 'subscriber',
      // A dead master's slots answer again once its replica is promoted: retry meanwhile, bounded.
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 200,
      slotsRefreshTimeout: 2000,
      clusterRetryStrategy: (times) => Math.min(100 * times, 1000),
      redisOptions: perNode,
    });
  }
  logHealth(redis, logger, role);
  return redis;
}

/**
 * Connects a command and a subscriber connection to the topology (before returning, so a wrong
 * address fails at start, loudly) and wraps them in the link the adapters use.
 */
export async function openLink(topology: RedisTopology, logger: Logger, wait?: ReplicaWait): Promise<RedisLink> {
  const client = connectTopology(topology, logger, 'command');
  const sub = connectTopology(topology, logger, 'subscriber');
  await Promise.all([client.connect(), sub.connect()]);
  return new RedisLink(client, sub, { sharded: topology.kind === 'cluster', ...(wait && { wait }), logger });
}
