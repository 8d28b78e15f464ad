import type { TelemetryEvents } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { useClusters } from '../support/cluster.ts';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';
import { clusterQuiz, listenToTelemetry, ownerOf, readLog } from './cluster-helpers.ts';

/** Issue 8 on three nodes: each screen sees the flow as relayed by the node it is connected to. */
describe('event telemetry on three nodes', () => {
  const clusters = useClusters();
  const clients = clusters.clients;

  it('names the Redis channel and the relaying node, and counts every answer once', async () => {
    const cluster = await clusters.start(3);
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
    const lastSeq = log.at(-1)!.seq;
    expect(host.all('telemetry.events').flatMap((m) => m.events).at(-1)!.toSeq).toBe(lastSeq);

    // Each screen lists every node by name, with the sockets it holds, once all have relayed the close.
    const expected = [
      { nodeId: n1.id, owner: n1.id === owner, seq: lastSeq, reached: { host: 0, display: 0, players: 1 } },
      { nodeId: n2.id, owner: n2.id === owner, seq: lastSeq, reached: { host: 0, display: 1, players: 1 } },
      { nodeId: n3.id, owner: n3.id === owner, seq: lastSeq, reached: { host: 1, display: 0, players: 2 } },
    ];
    const allCaughtUp = (m: TelemetryEvents) => m.nodes.length === 3 && m.nodes.every((n) => n.seq === lastSeq);
    for (const screen of [host, display]) {
      const merged = await screen.next('telemetry.events', allCaughtUp);
      expect(merged.nodes).toMatchObject(expected);
      expect(merged.ownerNode).toBe(owner);
      // The owner decided every event of the game: its note says so with its rate and lag.
      for (const n of merged.nodes) expect(n.maxLagMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('sends no delivery notes while nobody watches, and stops when the panels close', async () => {
    const cluster = await clusters.start(3);
    const [n1, n2, n3] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const quizId = await saveQuiz(n1.url, clusterQuiz);
    const game = await createGame(n1.url, quizId);
    const heard = await listenToTelemetry(cluster, game.gameId);
    try {
      const host = await connect(n2.url);
      clients.push(host);
      expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
      const players: TestClient[] = [];
      for (const [i, n] of [n1, n3].entries()) {
        const c = await connect(n.url);
        clients.push(c);
        players.push(c);
        expect((await c.send('player.join', { pin: game.pin, nickname: `Q${i}` })).ok).toBe(true);
      }
      // Players joined with no panel open: nothing was announced or sent on any node.
      await host.next('players.updated', (m) => m.playerCount === 2);
      await heard.mark();
      expect(heard.received).toEqual([]);

      expect((await host.send('telemetry.watch', { on: true })).ok).toBe(true);
      const merged = await host.next('telemetry.events', (m) => m.nodes.length === 3);
      expect(merged.nodes.map((n) => n.nodeId)).toEqual([n1.id, n2.id, n3.id]);
      expect(heard.notes().map((n) => n.nodeId)).toEqual(expect.arrayContaining([n1.id, n3.id]));

      expect((await host.send('telemetry.watch', { on: false })).ok).toBe(true);
      await heard.next((h) => h !== 'marker' && h.kind === 'watch' && !h.notice.watching);
      expect((await host.send('host.start', {})).ok).toBe(true);
      const started = await host.next('game.started');
      await Promise.all(players.map((p) => p.next('question.opened', (m) => m.index === 0)));
      for (const p of players) expect((await p.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).ok).toBe(true);
      await host.next('question.closed');
      // Marked after the close: a note about the game's start or answers would have come before it.
      await heard.mark();
      expect(heard.notes().filter((n) => n.seq >= started.seq)).toEqual([]);
    } finally {
      await heard.close();
    }
  });
});
