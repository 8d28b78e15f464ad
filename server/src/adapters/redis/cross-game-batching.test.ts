import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../../tests/support/redis-server.ts';
import { sampleEvents } from '../../ports/contracts/event-log.contract.ts';
import type { BusMessage } from '../../ports/game-bus.ts';
import { channels } from './keys.ts';
import { RedisCommandRelay } from './redis-command-relay.ts';
import { connectRedis } from './redis-connection.ts';
import { RedisEventLog } from './redis-event-log.ts';
import { RedisGameBus } from './redis-game-bus.ts';
import { RedisLink } from './redis-link.ts';

let server: TestRedis;
const logger = pino({ level: 'silent' });
const opened: Redis[] = [];

beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  for (const c of opened) c.disconnect();
  await server.destroy();
});

async function connect(role: string): Promise<Redis> {
  const redis = connectRedis(server.url, logger, role);
  opened.push(redis);
  await redis.connect();
  return redis;
}

/** A node's two connections, as adapter-set.ts opens them. */
async function node(nodeId: string) {
  const pub = await connect('command');
  const sub = await connect('subscriber');
  const link = new RedisLink(pub, sub);
  return { log: new RedisEventLog(pub), bus: new RedisGameBus(link), relay: new RedisCommandRelay<string, string>(link, nodeId) };
}

/** What clients sent Redis (not what scripts ran), as MONITOR shows it, until `marker` is echoed. */
async function clientCommands(run: () => Promise<void>): Promise<string[][]> {
  const echo = await connect('test'); // connected first: its handshake is not counted
  const monitor = await (await connect('test')).monitor();
  const marker = `end-${Date.now()}`;
  const seen: string[][] = [];
  const done = new Promise<void>((resolve) =>
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (args[0]?.toLowerCase() === 'echo' && args[1] === marker) resolve();
      else if (source !== 'lua') seen.push(args);
    }),
  );
  await run();
  await echo.echo(marker);
  await done;
  monitor.disconnect();
  return seen;
}

describe('small games on Redis: batched across games', () => {
  it('costs one call per game on the owner and one reply message per read, for answers to many games at once', async () => {
    const games = Array.from({ length: 40 }, (_, i) => `school-${i}`);
    const a = await node('node-a');
    const b = await node('node-b');
    // Node b owns the games: a forwarded command appends one event, as GameRuntime commits an answer.
    const versions = new Map<string, number>();
    for (const gameId of games) {
      await b.relay.serve(gameId, async (command) => {
        const version = versions.get(gameId) ?? 0;
        await b.log.append(gameId, version, sampleEvents(gameId, version + 1, 1), 'node-b');
        versions.set(gameId, version + 1);
        return `${command} done`;
      });
    }
    // Node a keeps read copies: it hears every game's events.
    const heard = new Map<string, BusMessage[]>();
    let allHeard = () => undefined as void;
    const everyGameHeard = new Promise<void>((resolve) => (allHeard = resolve));
    for (const gameId of games) {
      await a.bus.subscribe(gameId, (m) => {
        heard.set(gameId, [...(heard.get(gameId) ?? []), m]);
        if (heard.size === games.length) allHeard();
      });
    }
    // The script is loaded before counting (ioredis's first EVALSHA meets NOSCRIPT, then EVALs).
    await b.log.append('warm-up', 0, sampleEvents('warm-up', 1, 1), 'node-b');

    let replies: unknown[] = [];
    const sent = await clientCommands(async () => {
      // One answer per game, all in one turn of a's event loop: a bell across the school.
      replies = await Promise.all(games.map((gameId) => a.relay.send(gameId, `answer ${gameId}`, 5000)));
      await everyGameHeard;
    });

    expect(replies).toEqual(games.map((gameId) => ({ kind: 'reply', reply: `answer ${gameId} done` })));
    expect([...heard.values()].map((ms) => ms.map((m) => m.events.map((e) => e.seq)))).toEqual(games.map(() => [[1]]));
    const publishes = sent.filter(([cmd]) => cmd?.toLowerCase() === 'publish');
    const onChannel = (channel: string) => publishes.filter(([, ch]) => ch === channel).length;
    // Per game: a's request and b's append script (which publishes the events itself).
    expect(games.map((gameId) => onChannel(channels.commands(gameId)))).toEqual(games.map(() => 1));
    expect(sent.filter(([cmd]) => cmd?.toLowerCase() === 'evalsha')).toHaveLength(games.length);
    expect(games.map((gameId) => onChannel(channels.events(gameId)))).toEqual(games.map(() => 0));
    // b's replies to a: the outcomes that resolve together go as one message. b sent its 40
    // appends in one write and Redis answers them in one or a few reads: a handful of replies,
    // not 40 (one per answer was the cost before).
    const replyMessages = onChannel(channels.replies('node-a'));
    expect(replyMessages).toBeGreaterThanOrEqual(1);
    expect(replyMessages).toBeLessThanOrEqual(4);
    // Everything the two nodes sent: 40 requests, 40 appends, the few reply messages.
    expect(sent.length).toBe(2 * games.length + replyMessages);
  });
});
