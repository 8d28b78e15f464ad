import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reachableBaseUrls } from '../server/src/network-urls.ts';
import { startBalancer } from './tcp-balancer.ts';

/**
 * `npm run cluster -- --nodes 3`: the docker-compose topology on one machine without Docker —
 * a redis-server (AOF on), N Quizbus nodes, and a sticky TCP balancer in front of them.
 * Ctrl-C stops everything.
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'redis-port': { type: 'string', default: '6390' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
  },
});
const count = Math.max(1, Math.min(16, Number(values.nodes)));
const port = Number(values.port);
const redisPort = Number(values['redis-port']);
const dataDir = resolve(values['data-dir']);
const redisDir = resolve(dataDir, 'redis');
mkdirSync(redisDir, { recursive: true });

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--appendonly', 'yes', '--save', ''], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
children.push(redis);
await new Promise((r) => setTimeout(r, 300)); // redis-server binds in milliseconds; nodes retry anyway

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
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DATA_DIR: dataDir,
      // Phones join through the balancer, not a node's own port.
      PUBLIC_URL: process.env.PUBLIC_URL ?? reachableBaseUrls(process.env.HOST ?? '0.0.0.0', port)[0] ?? '',
    },
  });
  children.push(child);
}
await startBalancer(port, process.env.HOST ?? '0.0.0.0', nodePorts);
process.stdout.write(
  `\nQuizbus cluster: redis on 127.0.0.1:${redisPort}, nodes on ${nodePorts.join(', ')}, balancer on ${port}.\n` +
    `Teachers log in with a link printed by a node above (each works once, on any node); watch the events with: redis-cli -p ${redisPort} psubscribe 'quizbus:*'\n\n`,
);
