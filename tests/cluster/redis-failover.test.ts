import { describe, expect, it } from 'vitest';
import { keys } from '../../server/src/adapters/redis/keys.ts';
import { useClusters, type TopologyCluster } from '../support/cluster.ts';
import { ProductClient } from '../support/product-client.ts';
import { until } from './cluster-helpers.ts';
import { gameThrough, type Game } from './failover-game.ts';
import { diagnoseRedis } from './redis-diagnosis.ts';

/**
 * A Redis master killed (kill -9) in the middle of a question, under two Quizbus nodes playing a
 * game with the product's own client: Redis promotes the replica (the cluster itself, or the
 * sentinels), the game plays on to the podium, and every answer acked ok is in the log exactly
 * once (gameThrough checks it: REDIS_WAIT_REPLICAS defaults to 1 here, so no ack outran its copy).
 */
describe('a Redis master killed mid-question, with the product client', () => {
  const clusters = useClusters();
  const open = clusters.clients;
  const screens = () => open.filter((c): c is ProductClient => c instanceof ProductClient);

  /**
   * Kills the master that holds the game's log and returns at once (the other half of the class
   * then answers into the outage); `promoted` resolves once another server serves its slot.
   */
  async function killGameMaster(c: TopologyCluster, g: Game, f: Fault) {
    f.gameId = g.game.gameId;
    const key = keys.events(g.game.gameId);
    const port = await c.topology.masterFor(key);
    const master = c.topology.servers.find((s) => s.port === port);
    if (!master) throw new Error(`no server on ${port}`);
    f.killedAt = Date.now();
    await master.kill();
    f.promoted = until('a promoted replica', 60_000, async () => {
      const now = await c.topology.masterFor(key).catch(() => port);
      return now !== port ? Date.now() - f.killedAt : undefined;
    });
  }

  interface Fault {
    killedAt: number;
    gameId?: string;
    promoted?: Promise<number>;
  }

  for (const kind of ['cluster', 'sentinel'] as const) {
    it(`${kind === 'cluster' ? 'Redis Cluster, 3 masters + 3 replicas' : 'Sentinel, master + replica + 3 sentinels'}: the game's master dies, its replica takes over, the game finishes, every acked answer counted once`, async () => {
      const c = await clusters.startOn(kind, 2);
      const f: Fault = { killedAt: 0 };
      const played = await gameThrough(c, open, (game) => killGameMaster(c, game, f), { answersAfterFault: true }).catch(async (err: unknown) => {
        // A failure after the kill is a stall to explain: say what Redis and the nodes saw.
        console.error(`[diagnosis] ${f.killedAt ? `${Date.now() - f.killedAt} ms after the kill` : 'before the kill'}:\n${await diagnoseRedis(c, f.gameId ?? null)}`);
        throw err;
      });
      const { g, log, lateAckedAt } = played;
      const promotionMs = await f.promoted;
      const counted = log.filter((e) => e.type === 'answer.accepted').length;
      expect(counted).toBe(g.acked.ok);
      expect(g.acked.ok).toBe(g.players.length * 3);
      // The answers went out after the kill: their acks waited for the promotion (the game's pause).
      const pause = (lateAckedAt ?? f.killedAt) - f.killedAt;
      const outages = screens().flatMap((s) => s.outages);
      console.info(
        `[figures] redis ${kind}: replica promoted ${promotionMs} ms after kill -9 of the game's master; ` +
          `answers sent into the outage acked ${pause} ms after the kill; acks ok ${g.acked.ok}, counted ${counted}; ` +
          `${outages.length} screen reconnects`,
      );
    }, 180_000);
  }
});
