import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reachableBaseUrls } from '../server/src/network-urls.ts';
import { startBalancer } from './tcp-balancer.ts';
import { startRedisCluster, startRedisSentinel, type TestTopology } from '../tests/support/redis-topology.ts';

/**
 * `npm run cluster -- --nodes 3`: the docker-compose topology on one machine without Docker —
 * a redis-server (AOF on), N Quizbus nodes, and a sticky TCP balancer in front of them.
 * `--redis cluster` puts the nodes on a Redis Cluster instead (three masters, three replicas,
 * on free ports, data in a temporary folder), `--redis sentinel` on a master, a replica and
 * three sentinels. Ctrl-C stops everything.
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'redis-port': { type: 'string', default: '6390' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
    redis: { type: 'string', default: 'single' },
  },
});
if (!['single', 'cluster', 'sentinel'].includes(values.redis)) {
  process.stderr.write('--redis: single, cluster or sentinel\n');
  process.exit(2);
}
const count = Math.max(1, Math.min(16, Number(values.nodes)));
const port = Number(values.port);
const redisPort = Number(values['redis-port']);
const dataDir = resolve(values['data-dir']);
const redisDir = resolve(dataDir, 'redis');
mkdirSync(redisDir, { recursive: true });

const children: ChildProcess[] = [];
let topology: TestTopology | null = null;
const stopAll = () => {
  for (const c of children) c.kill('SIGTERM');
  void topology?.destroy();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

let redisEnv: Record<string, string> = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };
let redisWhere = `redis on 127.0.0.1:${redisPort}`;
let watch = `redis-cli -p ${redisPort} psubscribe 'quizbus:*'`;
if (values.redis === 'single') {
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--appendonly', 'yes', '--save', ''], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(redis);
  await new Promise((r) => setTimeout(r, 300)); // redis-server binds in milliseconds; nodes retry anyway
} else {
  topology = values.redis === 'cluster' ? await startRedisCluster() : await startRedisSentinel();
  redisEnv = topology.env;
  redisWhere = `${values.redis === 'cluster' ? 'Redis Cluster' : 'Redis with sentinels'} (${Object.entries(topology.env).map(([k, v]) => `${k}=${v}`).join(' ')})`;
  const first = topology.servers[0]?.port ?? 0;
  // Sharded channels: redis-cli sees a game's events with SSUBSCRIBE on the game's shard.
  watch = values.redis === 'cluster' ? `redis-cli -c -p ${first} ssubscribe 'quizbus:game:{GAME_ID}:events'` : `redis-cli -p ${await topology.masterFor('x')} psubscribe 'quizbus:*'`;
}

const nodePorts = Array.from({ length: count }, (_, i) => port + 1 + i);
for (const [i, p] of nodePorts.entries()) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(p),
      NODE_ID: `node-${i + 1}`,
      // Behind the balancer every student connects from 127.0.0.1: the machine itself is no proof of being the teacher.
      TEACHER_LOOPBACK: '0',
      ...redisEnv,
      DATA_DIR: dataDir,
      // Phones join through the balancer, not a node's own port.
      PUBLIC_URL: process.env.PUBLIC_URL ?? reachableBaseUrls(process.env.HOST ?? '0.0.0.0', port)[0] ?? '',
    },
  });
  children.push(child);
}
await startBalancer(port, process.env.HOST ?? '0.0.0.0', nodePorts);
process.stdout.write(
  `\nQuizbus cluster: ${redisWhere}, nodes on ${nodePorts.join(', ')}, balancer on ${port}.\n` +
    `Teachers log in with a link printed by a node above (each works once, on any node); watch the events with: ${watch}\n\n`,
);
