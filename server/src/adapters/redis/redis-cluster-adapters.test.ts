import type { Cluster } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import calculateSlot from 'cluster-key-slot';
import { startRedisCluster, type TestTopology } from '../../../../tests/support/redis-topology.ts';
import { sampleEvents } from '../../ports/contracts/event-log.contract.ts';
import { channels, keys } from './keys.ts';
import { connectTopology, openLink } from './redis-connection.ts';
import { redisContractSuites } from './redis-contract-suites.ts';
import { RedisEventLog } from './redis-event-log.ts';
import { RedisGameBus } from './redis-game-bus.ts';

/** Every port's contract suite again, on a real Redis Cluster: three masters, three replicas. */
let cluster: TestTopology;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 120_000);
afterAll(async () => {
  await cluster?.destroy();
});

const logger = pino({ level: 'silent' });

async function client(): Promise<Cluster> {
  const c = connectTopology(cluster.topology, logger, 'command') as Cluster;
  await c.connect();
  return c;
}

redisContractSuites('redis cluster', {
  fresh: async () => {
    const redis = await client();
    // A cluster has no numbered databases: empty every master instead.
    await Promise.all(redis.nodes('master').map((n) => n.flushall()));
    return { redis, done: async () => void redis.disconnect() };
  },
  sibling: () => client(),
  link: () => openLink(cluster.topology, logger),
});

describe('redis cluster layout', () => {
  it("puts every key and channel of a game on the slot the cluster itself computes, and ioredis agrees", async () => {
    const redis = await client();
    try {
      for (const gameId of ['g_abc', 'g_Zx9-_q']) {
        const names = [keys.events(gameId), keys.version(gameId), keys.owner(gameId), keys.report(gameId), channels.events(gameId), channels.commands(gameId), channels.telemetryNotes(gameId)];
        const slots = await Promise.all(names.map((n) => redis.cluster('KEYSLOT', n)));
        expect(new Set(slots), gameId).toEqual(new Set([calculateSlot(`{${gameId}}`)]));
      }
    } finally {
      redis.disconnect();
    }
  });

  it('keeps a game\'s events on its shard: SPUBLISH counts the subscribers of the game\'s channel on that shard', async () => {
    const [a, b] = await Promise.all([openLink(cluster.topology, logger), openLink(cluster.topology, logger)]);
    try {
      const heard: unknown[] = [];
      const off = await new RedisGameBus(b).subscribe('g_shard', (m) => heard.push(m));
      expect(await a.publish(channels.events('g_shard'), JSON.stringify({ origin: 'x', events: [] }))).toBe(1);
      expect(await a.publish(channels.events('g_other'), '{}')).toBe(0);
      await off();
      expect(await a.publish(channels.events('g_shard'), '{}')).toBe(0);
    } finally {
      for (const l of [a, b]) {
        l.client.disconnect();
        l.sub.disconnect();
      }
    }
  });

  it('subscribes again, once the subscriber has settled, a channel that a lost sharded subscriber took with it and ioredis forgot', async () => {
    const [a, b] = await Promise.all([openLink(cluster.topology, logger), openLink(cluster.topology, logger)]);
    const channel = channels.commands('g_heal');
    try {
      await b.subscribe(channel);
      expect(await a.publish(channel, 'x')).toBe(1);
      // What a failover can do: the subscription gone from the server and from ioredis's own list
      // (so its resubscribe cannot bring it back), then the shard's subscriber connection lost.
      await b.sub.sunsubscribe(channel);
      const c = a.client as unknown as Cluster;
      const master = c.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === c.slots[calculateSlot(channel)]?.[0]);
      const clients = String(await master?.call('CLIENT', 'LIST')).split('\n');
      const subscribers = clients.filter((l) => l.includes('(ssubscriber)')).map((l) => /id=(\d+)/.exec(l)?.[1] ?? '');
      expect(subscribers.length).toBeGreaterThan(0);
      for (const id of subscribers) await master?.call('CLIENT', 'KILL', 'ID', id);
      expect(await a.publish(channel, 'x')).toBe(0);
      // The link still wants it: it is subscribed again without anyone asking.
      const deadline = Date.now() + 10_000;
      let receivers = 0;
      while (receivers === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        receivers = await a.publish(channel, 'x');
      }
      expect(receivers).toBe(1);
    } finally {
      for (const l of [a, b]) {
        l.client.disconnect();
        l.sub.disconnect();
      }
    }
  });

  it("holds an append until the game's slot's replica has it (REDIS_WAIT_REPLICAS=1); with that replica frozen, WAIT times out and says so", async () => {
    const warnings: unknown[] = [];
    const spy = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line)) });
    const link = await openLink(cluster.topology, spy, { replicas: 1, timeoutMs: 300 });
    const c = link.client as unknown as Cluster;
    const masterPort = Number(c.slots[calculateSlot(keys.events('g_wait'))]?.[0]?.split(':')[1]);
    const replicaInfo = await Promise.all(c.nodes('slave').map(async (n) => ({ port: Number(n.options.port), info: await n.info('replication') })));
    const replica = cluster.servers.find((s) => s.port === replicaInfo.find((r) => r.info.includes(`master_port:${masterPort}`))?.port);
    try {
      const log = new RedisEventLog(link.client, undefined, (key) => link.waitForReplicas(key));
      await log.append('g_wait', 0, sampleEvents('g_wait', 1, 2));
      expect(warnings).toEqual([]);
      expect(replica?.child.pid).toBeDefined();
      process.kill(replica!.child.pid!, 'SIGSTOP');
      try {
        await log.append('g_wait', 2, sampleEvents('g_wait', 3, 3));
      } finally {
        process.kill(replica!.child.pid!, 'SIGCONT');
      }
      // The append went through (the ack is not refused), and the missing copy was reported.
      expect(await log.version('g_wait')).toBe(5);
      expect(warnings).toMatchObject([{ msg: expect.stringContaining('replicas behind'), acked: 0, wanted: 1, master: `127.0.0.1:${masterPort}` }]);
    } finally {
      link.client.disconnect();
      link.sub.disconnect();
    }
  });
});
