import type { DomainEvent } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { useClusters } from '../support/cluster.ts';
import { connect, createGame, saveQuiz } from '../support/test-client.ts';
import { clusterQuiz, readLog, until } from './cluster-helpers.ts';

/** Sockets this node holds, from its /metrics. */
async function socketsOn(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('quizbus_connected_sockets'));
  return Number(line?.split(' ').at(-1));
}

const disconnectsOf = (log: DomainEvent[], playerId: string) => log.filter((e) => e.type === 'player.disconnected' && e.data.playerId === playerId);

/**
 * "No lost players" across nodes: presence is kept per node, so a node whose socket for a
 * player closes reports the player gone — wrong when the player has taken their seat back on
 * another node meanwhile (their old node froze, or kept a half-open socket). Such a stale
 * disconnect must not mark them away: away players do not hold a question open.
 */
describe('presence across nodes', () => {
  const clusters = useClusters();
  const clients = clusters.clients;

  it('a socket closing on the node a player has left does not mark them away', async () => {
    const cluster = await clusters.start(2);
    const [n1, n2] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const game = await createGame(n1.url, await saveQuiz(n1.url, clusterQuiz));
    const host = await connect(n1.url);
    const annOld = await connect(n1.url);
    const bob = await connect(n1.url);
    const annNew = await connect(n2.url);
    clients.push(host, annOld, bob, annNew);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    const ann = await annOld.send('player.join', { pin: game.pin, nickname: 'Ann' });
    const bobJoin = await bob.send('player.join', { pin: game.pin, nickname: 'Bob' });
    if (!ann.ok || !bobJoin.ok) throw new Error('join failed');

    // Ann's phone takes her seat back on node 2 while node 1 still holds her old socket.
    expect((await annNew.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken })).ok).toBe(true);
    const before = await socketsOn(n1.url);
    annOld.close();
    await until('node 1 to see Ann’s old socket close', 20_000, async () => ((await socketsOn(n1.url)) === before - 1 ? true : undefined));
    // Bob leaves through the same node after it: his disconnect follows Ann's through the owner's queue.
    bob.close();
    const log = await until('Bob’s disconnect in the log', 20_000, async () => {
      const events = await readLog(cluster, game.gameId);
      return disconnectsOf(events, bobJoin.playerId).length > 0 ? events : undefined;
    });

    expect(log.find((e) => e.type === 'player.reconnected' && e.data.playerId === ann.playerId)).toMatchObject({ data: { via: 'node-2' } });
    expect(disconnectsOf(log, ann.playerId)).toEqual([]);
    const list = await host.next('players.updated', (m) => m.players.some((p) => p.playerId === bobJoin.playerId && !p.connected));
    expect(list.players.find((p) => p.playerId === ann.playerId)?.connected).toBe(true);
  });
});
