import type { Server } from 'node:net';
import { afterEach } from 'vitest';
import { startBalancer } from '../../scripts/tcp-balancer.ts';
import { freePort } from './free-port.ts';
import { startNode, type NodeProcess } from './node-process.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

export interface Cluster {
  redis: TestRedis;
  nodes: NodeProcess[];
  /**
   * The sticky TCP balancer of `npm run cluster` in front of the nodes started with the cluster
   * (in the order of `nodes`): where phones connect, so that a dead node's clients come back on
   * a live one by themselves.
   */
  balancerUrl: string;
  /** Starts another node on the same Redis. */
  addNode(id: string): Promise<NodeProcess>;
  stop(): Promise<void>;
}

/** Settings that make takeover quick in tests: a 2 s lease, a 2 s heartbeat. */
export const CLUSTER_ENV = { LEASE_MS: '2000', NODE_TTL_MS: '2000', LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'info' };

/** A redis-server and `count` Quizbus processes on it. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const redis = await startRedis();
  const nodes: NodeProcess[] = [];
  const addNode = async (id: string) => {
    const node = await startNode(id, { ...CLUSTER_ENV, REDIS_URL: redis.url, ...env });
    nodes.push(node);
    return node;
  };
  try {
    await Promise.all(Array.from({ length: count }, (_, i) => addNode(`node-${i + 1}`)));
  } catch (err) {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await redis.destroy();
    throw err;
  }
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  const balancerPort = await freePort();
  const balancer: Server = await startBalancer(balancerPort, '127.0.0.1', nodes.map((n) => n.port));
  return {
    redis,
    nodes,
    balancerUrl: `http://127.0.0.1:${balancerPort}`,
    addNode,
    stop: async () => {
      balancer.close();
      await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
      await redis.destroy();
    },
  };
}

/** What `useClusters` hands a describe block. */
export interface ClusterSuite {
  /** Starts this test's cluster (a real redis-server and `count` node processes). */
  start(count: number, env?: Record<string, string>): Promise<Cluster>;
  /** Clients to close after the test, before its cluster stops: push each one a test opens. */
  readonly clients: Array<{ close(): void }>;
}

/**
 * Registers the teardown every cluster test needs: after each test, its clients closed and
 * its cluster (nodes and Redis) stopped, whether the test passed or not.
 */
export function useClusters(): ClusterSuite {
  let current: Cluster | null = null;
  const clients: Array<{ close(): void }> = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await current?.stop();
    current = null;
  });
  return {
    clients,
    start: async (count, env) => {
      current = await startCluster(count, env);
      return current;
    },
  };
}
