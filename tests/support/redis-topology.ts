import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import calculateSlot from 'cluster-key-slot';
import { Cluster, Redis } from 'ioredis';
import { createServer } from 'node:net';
import type { RedisTopology } from '../../server/src/adapters/redis/redis-connection.ts';
import { freePort } from './free-port.ts';
import { REDIS_SERVER_PATH } from './prerequisites.ts';

/** redis-cli beside redis-server (it ships with it). */
const REDIS_CLI_PATH = process.env.REDIS_CLI_PATH || REDIS_SERVER_PATH.replace(/redis-server$/, 'redis-cli');

/** One redis-server process of a topology. */
export interface RedisProcess {
  port: number;
  child: ChildProcess;
  /** kill -9, as a crash: resolves once the process is gone. */
  kill(): Promise<void>;
}

/** A running multi-server Redis (cluster or sentinel set-up) for a test. */
export interface TestTopology {
  topology: RedisTopology;
  /** The environment a Quizbus node needs to use it. */
  env: Record<string, string>;
  servers: RedisProcess[];
  /** A client on the topology (a Cluster or a Sentinel-aware Redis); the caller disconnects it. */
  connect(): Promise<Redis | Cluster>;
  /** The port of the master serving `key` now. */
  masterFor(key: string): Promise<number>;
  /** Stops every process and deletes their data. */
  destroy(): Promise<void>;
}

/** A loopback port whose cluster bus port (+10000) is free too. */
async function clusterPort(): Promise<number> {
  for (let i = 0; i < 50; i += 1) {
    const port = await freePort();
    if (port + 10000 > 65535) continue;
    const bus = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port + 10000, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (bus) return port;
  }
  throw new Error('no free port pair for a cluster node');
}

function spawnRedis(args: string[]): RedisProcess & { port: number } {
  const port = Number(args[args.indexOf('--port') + 1]);
  const child = spawn(REDIS_SERVER_PATH, args, { stdio: 'ignore' });
  return {
    port,
    child,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** Runs a command on 127.0.0.1:port; null when it does not answer. */
export async function ask(port: number, ...command: string[]): Promise<unknown> {
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  r.on('error', () => undefined); // not up yet: the caller polls again
  try {
    await r.connect();
    return await r.call(command[0]!, ...command.slice(1));
  } catch {
    return null;
  } finally {
    r.disconnect();
  }
}

/** Polls `check` until it is true; fails after `ms` with `what`. */
async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`redis topology: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real Redis Cluster on loopback: `masters` masters with one replica each, a short
 * cluster-node-timeout so a killed master's replica is promoted in a second or two. Resolves
 * once every slot is served and every replica is in sync.
 */
export async function startRedisCluster(o: { masters?: number; nodeTimeoutMs?: number } = {}): Promise<TestTopology> {
  const masters = o.masters ?? 3;
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-rcluster-'));
  const ports: number[] = [];
  for (let i = 0; i < masters * 2; i += 1) ports.push(await clusterPort());
  const servers: RedisProcess[] = [];
  const destroy = async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const d = join(dir, String(port));
      await mkdir(d);
      servers.push(
        spawnRedis([
          '--port', String(port), '--bind', '127.0.0.1', '--dir', d, '--protected-mode', 'no', '--save', '', '--appendonly', 'no',
          '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', String(o.nodeTimeoutMs ?? 1500),
          // A loaded test machine can leave a replica "too old" to be promoted by default: let it always fail over.
          '--cluster-replica-validity-factor', '0',
        ]),
      );
    }
    for (const port of ports) await until(`redis on ${port}`, 10_000, async () => (await ask(port, 'PING')) === 'PONG');
    const create = spawnSync(REDIS_CLI_PATH, ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '1', '--cluster-yes'], { encoding: 'utf8', timeout: 60_000 });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}\n${create.stderr}`);
    await until('cluster_state:ok everywhere', 30_000, async () => {
      const infos = await Promise.all(ports.map((p) => ask(p, 'CLUSTER', 'INFO')));
      return infos.every((i) => typeof i === 'string' && i.includes('cluster_state:ok'));
    });
    await until('every replica in sync', 30_000, async () => {
      const infos = await Promise.all(ports.map((p) => ask(p, 'INFO', 'replication')));
      const replicas = infos.filter((i) => typeof i === 'string' && i.includes('role:slave'));
      return replicas.length === masters && replicas.every((i) => String(i).includes('master_link_status:up'));
    });
  } catch (err) {
    await destroy();
    throw err;
  }
  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  const connect = async () => {
    const c = new Cluster(nodes.slice(0, 3), { lazyConnect: true });
    await c.connect();
    return c;
  };
  return {
    topology: { kind: 'cluster', nodes },
    env: { REDIS_CLUSTER_NODES: nodes.map((n) => `${n.host}:${n.port}`).join(',') },
    servers,
    connect,
    masterFor: async (key) => {
      const slot = calculateSlot(key);
      for (const s of servers) {
        if (s.child.exitCode !== null || s.child.signalCode !== null) continue;
        const shards = (await ask(s.port, 'CLUSTER', 'SLOTS')) as Array<[number, number, [string, number]]> | null;
        const owner = shards?.find(([from, to]) => slot >= from && slot <= to);
        if (owner) return Number(owner[2][1]);
      }
      throw new Error(`no live node knows slot ${slot}`);
    },
    destroy,
  };
}

/**
 * One master, one replica and three sentinels (quorum 2) on loopback, with a short
 * down-after-milliseconds so a killed master is replaced in a few seconds. Resolves once every
 * sentinel knows the replica and the other sentinels (before that, no failover could happen).
 */
export async function startRedisSentinel(o: { name?: string; downAfterMs?: number } = {}): Promise<TestTopology> {
  const name = o.name ?? 'quizbus';
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-rsentinel-'));
  const [master, replica, ...sentinelPorts] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  const servers: RedisProcess[] = [];
  const destroy = async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await rm(dir, { recursive: true, force: true });
  };
  const common = ['--bind', '127.0.0.1', '--protected-mode', 'no', '--save', '', '--appendonly', 'no'];
  try {
    for (const [port, extra] of [[master!, []], [replica!, ['--replicaof', '127.0.0.1', String(master)]]] as const) {
      const d = join(dir, String(port));
      await mkdir(d);
      servers.push(spawnRedis(['--port', String(port), '--dir', d, ...common, ...extra]));
    }
    for (const port of sentinelPorts) {
      // Sentinel rewrites its own file, so each gets one.
      const file = join(dir, `sentinel-${port}.conf`);
      await writeFile(
        file,
        [
          `port ${port}`, 'bind 127.0.0.1', 'protected-mode no', `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${master} 2`,
          `sentinel down-after-milliseconds ${name} ${o.downAfterMs ?? 1000}`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
        ].join('\n') + '\n',
      );
      servers.push(spawnRedis([file, '--sentinel', '--port', String(port)]));
    }
    await until('the replica in sync', 30_000, async () => String(await ask(replica!, 'INFO', 'replication')).includes('master_link_status:up'));
    await until('sentinels that know the replica and each other', 30_000, async () => {
      const views = await Promise.all(
        sentinelPorts.map(async (p) => [(await ask(p, 'SENTINEL', 'REPLICAS', name)) as unknown[] | null, (await ask(p, 'SENTINEL', 'SENTINELS', name)) as unknown[] | null] as const),
      );
      return views.every(([r, s]) => (r?.length ?? 0) >= 1 && (s?.length ?? 0) >= 2);
    });
  } catch (err) {
    await destroy();
    throw err;
  }
  const sentinels = sentinelPorts.map((port) => ({ host: '127.0.0.1', port }));
  const masterNow = async () => {
    for (const s of sentinelPorts) {
      const addr = (await ask(s, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as [string, string] | null;
      if (addr) return Number(addr[1]);
    }
    throw new Error('no sentinel answers');
  };
  return {
    topology: { kind: 'sentinel', sentinels, master: name },
    env: { REDIS_SENTINELS: sentinels.map((n) => `${n.host}:${n.port}`).join(','), REDIS_SENTINEL_MASTER: name },
    servers,
    connect: async () => {
      const r = new Redis({ sentinels, name, lazyConnect: true });
      await r.connect();
      return r;
    },
    masterFor: () => masterNow(),
    destroy,
  };
}
