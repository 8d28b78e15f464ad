import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { sampleEvents } from '../../server/src/ports/contracts/event-log.contract.ts';
import { openLink } from '../../server/src/adapters/redis/redis-connection.ts';
import { RedisEventLog } from '../../server/src/adapters/redis/redis-event-log.ts';
import { startRedisCluster, startRedisSentinel } from '../../tests/support/redis-topology.ts';

/**
 * `npm run bench:replica-wait -- --redis cluster --appends 2000 --games 20`: what REDIS_WAIT_REPLICAS=1
 * costs an append (and so the ack behind it), measured on a real Redis Cluster (3 + 3) or Sentinel
 * set-up on this machine. Each game appends one event at a time, as a game's owner does; the games
 * run side by side. Prints p50 / p95 / p99 / max in ms for WAIT 0 and WAIT 1, on the same servers.
 */
const { values } = parseArgs({
  options: {
    redis: { type: 'string', default: 'cluster' },
    appends: { type: 'string', default: '2000' },
    games: { type: 'string', default: '20' },
  },
});
const appends = Math.max(1, Number(values.appends));
const games = Math.max(1, Number(values.games));
const topology = values.redis === 'sentinel' ? await startRedisSentinel() : await startRedisCluster();
const logger = pino({ level: 'warn' });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

try {
  for (const replicas of [0, 1, 0, 1]) {
    const link = await openLink(topology.topology, logger, { replicas, timeoutMs: 500 });
    const log = new RedisEventLog(link.client, 0, (key) => link.waitForReplicas(key));
    const run = `r${replicas}-${Date.now()}`;
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: games }, async (_, g) => {
        const gameId = `g_${run}_${g}`;
        // One event per append (the game-created event first), as a game's owner appends its commands.
        for (let seq = 1; seq <= Math.ceil(appends / games); seq += 1) {
          const started = performance.now();
          await log.append(gameId, seq - 1, sampleEvents(gameId, seq, 1));
          times.push(performance.now() - started);
        }
      }),
    );
    times.sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(2);
    process.stdout.write(`${values.redis} REDIS_WAIT_REPLICAS=${replicas}: ${times.length} appends over ${games} games, ms p50 ${f(pct(times, 50))} / p95 ${f(pct(times, 95))} / p99 ${f(pct(times, 99))} / max ${f(times.at(-1) ?? 0)}\n`);
    link.client.disconnect();
    link.sub.disconnect();
  }
} finally {
  await topology.destroy();
}
