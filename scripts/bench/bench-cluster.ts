import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/support/free-port.ts';
import { startRedisCluster } from '../../tests/support/redis-topology.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Settings of the benchmarked nodes that differ from the defaults. Every bot comes from a few
 * loopback addresses, so the per-address join limit (against PIN guessing) is off and a game
 * may hold every player of the benchmark; the per-socket limits stay as shipped, on the
 * measured path. Logging stays at warn: a log line per command is not what is measured.
 */
// Many games at once (--games) must not meet the per-address game limit or the node's cap.
const BENCH_ENV: Record<string, string> = { LOG_LEVEL: 'warn', JOINS_PER_MINUTE: '0', MAX_PLAYERS_PER_GAME: '20000', GAMES_PER_HOUR: '0', MAX_GAMES_PER_NODE: '5000' };

/** A process the benchmark started: its pid for /proc, its last output lines for a diagnosis. */
export interface BenchProcess {
  id: string;
  pid: number;
  /** Last lines the process wrote. */
  output: string[];
  stop(): Promise<void>;
}

export interface BenchNode extends BenchProcess {
  url: string;
}

export interface BenchCluster {
  nodes: BenchNode[];
  redis: BenchProcess | null;
  /** Where the nodes' Redis listens (for INFO commandstats); null on one node. */
  redisUrl: string | null;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  nodes: number;
  /** Write a V8 CPU profile of each node here (node --cpu-prof) when given. */
  profileDir?: string;
  /** More environment for the nodes (limits of the hardening work, log level…). */
  env?: Record<string, string>;
  /** With 2+ nodes: one redis-server (default) or a Redis Cluster of three masters and three replicas. */
  redis?: 'single' | 'cluster';
}

/** Every child still running, killed if this process exits first (a test runner's timeout, Ctrl-C). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Stops a child: `signal` first, SIGKILL if it has not gone after `graceMs`. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const exited = exitOf(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function collect(child: ChildProcess, output: string[]): void {
  const push = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', push);
  child.stderr?.on('data', push);
}

async function until(check: () => Promise<boolean>, ms: number, what: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it was ready:\n${output.slice(-20).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ port, host: '127.0.0.1' });
    c.setTimeout(1000, () => c.destroy());
    c.once('error', () => resolve(false));
    c.once('close', () => resolve(false));
    c.once('connect', () => c.write('PING\r\n'));
    c.once('data', (d) => {
      c.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
  });
}

/** A redis-server on a free loopback port, AOF on as in production (docker-compose.yml). */
async function startRedis(): Promise<{ process: BenchProcess; url: string }> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-bench-redis-'));
  const output: string[] = [];
  const child = track(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  collect(child, output);
  await until(() => redisPing(port), 10_000, 'redis-server', child, output);
  return {
    url: `redis://127.0.0.1:${port}`,
    process: {
      id: 'redis',
      pid: child.pid ?? -1,
      output,
      stop: async () => {
        await stopChild(child, 'SIGTERM', 5000);
        await rm(dir, { recursive: true, force: true });
      },
    },
  };
}

/** One Quizbus node as `npm start` runs it, with the benchmark's routes and a forced-GC hook. */
async function startNode(id: string, env: Record<string, string>, profileDir?: string): Promise<BenchNode> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), `quizbus-bench-${id}-`));
  const output: string[] = [];
  const flags = ['--expose-gc', ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])];
  const child = track(spawn(process.execPath, [...flags, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...BENCH_ENV, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ID: id, DATA_DIR: dataDir, BENCH_ENDPOINTS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  collect(child, output);
  const url = `http://127.0.0.1:${port}`;
  const ready = () => fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
  try {
    await until(ready, 60_000, `node ${id}`, child, output);
  } catch (err) {
    await stopChild(child, 'SIGKILL', 0);
    throw err;
  }
  return {
    id,
    url,
    pid: child.pid ?? -1,
    output,
    stop: async () => {
      // SIGTERM: the node hands its games over and exits, which also writes its CPU profile.
      await stopChild(child, 'SIGTERM', 15_000);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The servers of one scenario: one node on the embedded default, or `nodes` nodes on a
 * redis-server of their own. Everything listens on loopback ports that were free.
 */
export async function startBenchCluster(o: ClusterOptions): Promise<BenchCluster> {
  // A Redis Cluster's six processes have no single CPU figure or INFO: its columns stay empty.
  const redisCluster = o.nodes > 1 && o.redis === 'cluster' ? await startRedisCluster() : null;
  const redis = o.nodes > 1 && !redisCluster ? await startRedis() : null;
  const nodes: BenchNode[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await redis?.process.stop();
    await redisCluster?.destroy();
  };
  try {
    const env = { ...o.env, ...(redis && { REDIS_URL: redis.url }), ...redisCluster?.env };
    // One after another: several tsx start-ups at once on two cores only slow each other down.
    for (let i = 1; i <= o.nodes; i += 1) nodes.push(await startNode(`bench-${i}`, env, o.profileDir));
  } catch (err) {
    await stop();
    throw err;
  }
  return { nodes, redis: redis?.process ?? null, redisUrl: redis?.url ?? null, stop };
}
