/**
 * What thousands of per-game pub/sub channels cost Redis (issue 18): one redis-server, three
 * "nodes" (a subscriber connection each, as adapter-set.ts opens), each subscribed to every
 * game's events channel and, for the games it owns, to the command channel. Prints Redis memory,
 * the CPU of PUBLISH to a game's channel with 0 and with all the channels subscribed, and the
 * cost of PUBSUB NUMSUB. Loopback only; bounded by --games.
 *
 *   node --import tsx scripts/bench/pubsub-channels.ts --games 5000
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { channels } from '../../server/src/adapters/redis/keys.ts';
import { startRedis } from '../../tests/support/redis-server.ts';

const { values } = parseArgs({ options: { games: { type: 'string', default: '2000,5000' }, publishes: { type: 'string', default: '20000' } } });
const sizes = (values.games ?? '').split(',').map(Number);
const publishes = Number(values.publishes);
const NODES = 3;

/** usec per call and calls of one command, from INFO commandstats. */
async function stat(redis: Redis, command: string): Promise<{ calls: number; usec: number }> {
  const m = new RegExp(`^cmdstat_${command.replace('|', '\\|')}:calls=(\\d+),usec=(\\d+)`, 'm').exec(await redis.info('commandstats'));
  return { calls: Number(m?.[1] ?? 0), usec: Number(m?.[2] ?? 0) };
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1] ?? 0);
}

/** Mean µs of one PUBLISH of a 300-byte event message to game 0's channel, server side. */
async function publishCost(redis: Redis): Promise<number> {
  await redis.config('RESETSTAT');
  const message = 'x'.repeat(300);
  for (let i = 0; i < publishes; i += 500) {
    const p = redis.pipeline();
    for (let j = 0; j < 500; j += 1) p.publish(channels.events('game-0'), message);
    await p.exec();
  }
  const s = await stat(redis, 'publish');
  return s.usec / s.calls;
}

async function main(): Promise<void> {
  const server = await startRedis();
  const redis = new Redis(server.url);
  const subs = Array.from({ length: NODES }, () => new Redis(server.url));
  try {
    // The channel that is published to has its three listeners in both runs; only the number of other channels changes.
    await Promise.all(subs.map((s) => s.subscribe(channels.events('game-0'))));
    const baseMemory = await usedMemory(redis);
    const alone = await publishCost(redis);
    console.log(`1 game: PUBLISH ${alone.toFixed(2)} µs/call (server side, 3 listeners)`);
    let subscribed = 1;
    for (const games of sizes) {
      for (const [n, sub] of subs.entries()) {
        const names: string[] = [];
        for (let g = subscribed; g < games; g += 1) {
          names.push(channels.events(`game-${g}`));
          if (g % NODES === n) names.push(channels.commands(`game-${g}`));
        }
        for (let i = 0; i < names.length; i += 1000) await sub.subscribe(...names.slice(i, i + 1000));
      }
      subscribed = games;
      const memory = await usedMemory(redis);
      const numsub = Number(/^pubsub_channels:(\d+)/m.exec(await redis.info('stats'))?.[1] ?? 0);
      const cost = await publishCost(redis);
      await redis.config('RESETSTAT');
      const probes = 2000;
      const p = redis.pipeline();
      for (let i = 0; i < probes; i += 1) p.pubsub('NUMSUB', channels.commands(`game-${i % games}`));
      await p.exec();
      const numsubCost = await stat(redis, 'pubsub|numsub');
      console.log(
        `${games} games: ${numsub} channels, ${((memory - baseMemory) / 1024 / 1024).toFixed(1)} MB more Redis memory ` +
          `(${((memory - baseMemory) / numsub).toFixed(0)} B per channel subscription set); PUBLISH ${cost.toFixed(2)} µs/call; ` +
          `PUBSUB NUMSUB ${(numsubCost.usec / Math.max(1, numsubCost.calls)).toFixed(2)} µs/call`,
      );
    }
  } finally {
    for (const s of subs) s.disconnect();
    redis.disconnect();
    await server.destroy();
  }
}

await main();
