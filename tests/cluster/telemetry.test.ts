import type { TelemetryEvents } from '@quizbus/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../support/cluster.ts';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';
import { clusterQuiz, ownerOf, readLog } from './cluster-helpers.ts';

/** Issue 8 on three nodes: each screen sees the flow as relayed by the node it is connected to. */
describe('event telemetry on three nodes', () => {
  let cluster: Cluster | null = null;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await cluster?.stop();
    cluster = null;
  });

  it('names the Redis channel and the relaying node, and counts every answer once', async () => {
    cluster = await startCluster(3);
    const [n1, n2, n3] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const quizId = await saveQuiz(n1.url, clusterQuiz);
    const game = await createGame(n1.url, quizId);
    const host = await connect(n3.url);
    const display = await connect(n2.url);
    clients.push(host, display);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    expect((await display.send('display.attach', { pin: game.pin })).ok).toBe(true);
    const watch = await host.send('telemetry.watch', { on: true });
    if (!watch.ok) throw new Error(watch.error.message);
    expect((await display.send('telemetry.watch', { on: true })).ok).toBe(true);

    const players: TestClient[] = [];
    for (const [i, n] of [n1, n2, n3, n3].entries()) {
      const c = await connect(n.url);
      clients.push(c);
      players.push(c);
      expect((await c.send('player.join', { pin: game.pin, nickname: `P${i}` })).ok).toBe(true);
    }
    expect((await host.send('host.start', {})).ok).toBe(true);
    await Promise.all(players.map((p) => p.next('question.opened', (m) => m.index === 0)));
    const gameId = game.gameId;
    expect(watch.channel).toBe(`quizbus:game:{${gameId}}:events`);
    for (const p of players) expect((await p.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).ok).toBe(true);
    await host.next('question.closed');
    // The close comes after every answer in the log: once a screen's flow shows it, it has shown them all.
    const closedOn = (c: TestClient) => c.next('telemetry.events', (m) => m.events.some((e) => e.type === 'question.closed'));
    await Promise.all([closedOn(host), closedOn(display)]);

    const owner = await ownerOf(cluster, gameId);
    const answered = (frames: TelemetryEvents[]) =>
      frames.flatMap((m) => m.events).filter((e) => e.type === 'answer.accepted').reduce((n, e) => n + e.count, 0);
    for (const [screen, node, phones] of [[host, n3, 2], [display, n2, 1]] as const) {
      const frames = screen.all('telemetry.events');
      expect(answered(frames)).toBe(players.length);
      const last = frames.at(-1)!;
      expect(last).toMatchObject({ nodeId: node.id, owner: node.id === owner, channel: watch.channel });
      expect(last.reached.players).toBe(phones);
    }
    // The flow's last entry is the log's latest event as this node relayed it.
    const log = await readLog(cluster, gameId);
    expect(host.all('telemetry.events').flatMap((m) => m.events).at(-1)!.toSeq).toBe(log.at(-1)!.seq);
  });
});
