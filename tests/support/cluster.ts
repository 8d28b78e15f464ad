import type { Server } from 'node:net';
import { afterEach } from 'vitest';
import { startBalancer } from '../../scripts/tcp-balancer.ts';
import { freePort } from './free-port.ts';
import { startNode, type NodeProcess } from './node-process.ts';
import { startRedis, type TestRedis } from './redis-server.ts';
import { startRedisCluster, startRedisSentinel, type TestTopology } from './redis-topology.ts';
import { Redis } from 'ioredis';
import type { RedisClient } from '../../server/src/adapters/redis/redis-link.ts';

/** Quizbus processes on a shared Redis set-up, behind the balancer. */
export interface NodesOnRedis {
  nodes: NodeProcess[];
  /**
   * The sticky TCP balancer of `npm run cluster` in front of the nodes started with the cluster
   * (in the order of `nodes`): where phones connect, so that a dead node's clients come back on
   * a live one by themselves.
   */
  balancerUrl: string;
  /** Starts another node on the same Redis. */
  addNode(id: string): Promise<NodeProcess>;
  /** A client on the shared Redis, as the nodes see it (a Cluster on a Redis Cluster); the caller disconnects it. */
  connect(): Promise<RedisClient>;
  stop(): Promise<void>;
}

/** Nodes on one redis-server. */
export interface Cluster extends NodesOnRedis {
  redis: TestRedis;
}

/** Nodes on a Redis Cluster or a Sentinel-watched master. */
export interface TopologyCluster extends NodesOnRedis {
  topology: TestTopology;
}

/** Settings that make takeover quick in tests: a 2 s lease, a 2 s heartbeat. */
export const CLUSTER_ENV = { LEASE_MS: '2000', NODE_TTL_MS: '2000', LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'info' };

/** `count` Quizbus processes with `redisEnv`, the balancer in front; `stopRedis` runs after they stop. */
async function nodesOn(count: number, redisEnv: Record<string, string>, env: Record<string, string>, connect: () => Promise<RedisClient>, stopRedis: () => Promise<void>): Promise<NodesOnRedis> {
  const nodes: NodeProcess[] = [];
  const addNode = async (id: string) => {
    const node = await startNode(id, { ...CLUSTER_ENV, ...redisEnv, ...env });
    nodes.push(node);
    return node;
  };
  try {
    await Promise.all(Array.from({ length: count }, (_, i) => addNode(`node-${i + 1}`)));
  } catch (err) {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await stopRedis();
    throw err;
  }
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  const balancerPort = await freePort();
  const balancer: Server = await startBalancer(balancerPort, '127.0.0.1', nodes.map((n) => n.port));
  return {
    nodes,
    balancerUrl: `http://127.0.0.1:${balancerPort}`,
    addNode,
    connect,
    stop: async () => {
      balancer.close();
      await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
      await stopRedis();
    },
  };
}

/** A redis-server and `count` Quizbus processes on it. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const redis = await startRedis();
  const connect = async () => {
    const r = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await r.connect();
    return r;
  };
  return { redis, ...(await nodesOn(count, { REDIS_URL: redis.url }, env, connect, () => redis.destroy())) };
}

/**
 * A real Redis Cluster (three masters, three replicas) or a Sentinel set-up (master, replica,
 * three sentinels), and `count` Quizbus processes on it.
 */
export async function startClusterOn(kind: 'cluster' | 'sentinel', count: number, env: Record<string, string> = {}): Promise<TopologyCluster> {
  const topology = kind === 'cluster' ? await startRedisCluster() : await startRedisSentinel();
  return { topology, ...(await nodesOn(count, topology.env, env, () => topology.connect(), () => topology.destroy())) };
}

/** What `useClusters` hands a describe block. */
export interface ClusterSuite {
  /** Starts this test's cluster (a real redis-server and `count` node processes). */
  start(count: number, env?: Record<string, string>): Promise<Cluster>;
  /** Starts this test's nodes on a real Redis Cluster or Sentinel set-up. */
  startOn(kind: 'cluster' | 'sentinel', count: number, env?: Record<string, string>): Promise<TopologyCluster>;
  /** Clients to close after the test, before its cluster stops: push each one a test opens. */
  readonly clients: Array<{ close(): void }>;
}

/**
 * Registers the teardown every cluster test needs: after each test, its clients closed and
 * its cluster (nodes and Redis) stopped, whether the test passed or not.
 */
export function useClusters(): ClusterSuite {
  let current: NodesOnRedis | null = null;
  const clients: Array<{ close(): void }> = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await current?.stop();
    current = null;
  });
  return {
    clients,
    start: async (count, env) => {
      const started = await startCluster(count, env);
      current = started;
      return started;
    },
    startOn: async (kind, count, env) => {
      const started = await startClusterOn(kind, count, env);
      current = started;
      return started;
    },
  };
}
