import type { PlayerView } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { startCluster, useClusters } from '../support/cluster.ts';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';
import { clusterQuiz, readLog, scoresFromLog, until } from './cluster-helpers.ts';
import { embeddedScores } from './engine-replay.ts';

/** What each player answers per question (some right, some wrong, some partial). */
const plays = [
  [{ kind: 'choice', choice: 0 }, { kind: 'choices', choices: [0, 2] }, { kind: 'text', text: 'Event' }],
  [{ kind: 'choice', choice: 1 }, { kind: 'choices', choices: [0] }, { kind: 'text', text: 'events' }],
  [{ kind: 'choice', choice: 0 }, { kind: 'choices', choices: [0, 1] }, { kind: 'text', text: ' event ' }],
  [{ kind: 'choice', choice: 0 }, { kind: 'choices', choices: [2, 0] }, { kind: 'text', text: 'command' }],
  [{ kind: 'choice', choice: 3 }, { kind: 'choices', choices: [3] }, { kind: 'text', text: 'EVENT' }],
  [{ kind: 'choice', choice: 0 }, { kind: 'choices', choices: [0, 2] }, { kind: 'text', text: 'évent' }],
] as const;

describe('three nodes on one Redis', () => {
  const clusters = useClusters();
  const clients = clusters.clients;

  it('players spread over three nodes play a whole game, scored as the embedded default scores it', async () => {
    const cluster = await clusters.start(3);
    const [n1, n2, n3] = cluster.nodes as [typeof cluster.nodes[0], typeof cluster.nodes[0], typeof cluster.nodes[0]];
    const quizId = await saveQuiz(n2.url, clusterQuiz);
    const game = await createGame(n1.url, quizId);
    const host = await connect(n3.url);
    const display = await connect(n2.url);
    clients.push(host, display);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    expect((await display.send('display.attach', { pin: game.pin })).ok).toBe(true);

    const nodes = [n1, n2, n3];
    const players: Array<{ client: TestClient; id: string; view: PlayerView }> = [];
    for (let i = 0; i < plays.length; i += 1) {
      const client = await connect((nodes[i % 3] as (typeof nodes)[0]).url);
      clients.push(client);
      const ack = await client.send('player.join', { pin: game.pin, nickname: `Player ${i + 1}` });
      if (!ack.ok) throw new Error(ack.error.message);
      players.push({ client, id: ack.playerId, view: ack.view });
    }
    expect((await host.send('host.start', {})).ok).toBe(true);

    for (let q = 0; q < clusterQuiz.questions.length; q += 1) {
      await Promise.all(players.map((p) => p.client.next('question.opened', (m) => m.index === q)));
      const acks = await Promise.all(players.map((p, i) => p.client.send('answer.submit', { index: q, answer: plays[i]![q]! })));
      expect(acks.every((a) => a.ok)).toBe(true);
      // The last answer closes the question on its owner; every node hears it.
      await Promise.all(players.map((p) => p.client.result(q)));
      const reveal = await display.next('question.closed', (m) => m.reveal.index === q);
      expect(reveal.reveal.distribution.answered).toBe(players.length);
      expect((await host.send('host.next', {})).ok).toBe(true);
      expect((await host.send('host.next', {})).ok).toBe(true);
    }
    const finals = await Promise.all(players.map((p) => p.client.next('player.final')));
    const podium = await display.next('game.ended');

    const log = await readLog(cluster, game.gameId);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    const expected = embeddedScores(log);
    players.forEach((p, i) => expect(finals[i]?.score).toBe(expected.get(p.id)));
    expect(scoresFromLog(log)).toEqual(expected);
    expect(podium.podium.top[0]?.score).toBe(Math.max(...expected.values()));
    // Somebody scored and somebody did not: the comparison is not between zeros.
    expect(new Set(expected.values()).size).toBeGreaterThan(2);
  });
});

describe('watching a game from redis-cli', () => {
  it('psubscribe quizbus:* shows a running game\'s events as readable JSON', async () => {
    const { Redis } = await import('ioredis');
    const cluster = await startCluster(1);
    const watcher = new Redis(cluster.redis.url);
    try {
      const seen: Array<{ channel: string; message: unknown }> = [];
      watcher.on('pmessage', (_pattern: string, channel: string, message: string) => seen.push({ channel, message: JSON.parse(message) }));
      await watcher.psubscribe('quizbus:*');
      const game = await createGame(cluster.nodes[0]!.url, 'general-knowledge');
      const player = await connect(cluster.nodes[0]!.url);
      try {
        expect((await player.send('player.join', { pin: game.pin, nickname: 'Watcher' })).ok).toBe(true);
        await until('the join on the channel', 10_000, async () => (seen.some((s) => JSON.stringify(s.message).includes('player.joined')) ? true : undefined));
      } finally {
        player.close();
      }
      const joined = seen.find((s) => JSON.stringify(s.message).includes('player.joined'));
      expect(joined?.channel).toBe(`quizbus:game:{${game.gameId}}:events`);
      expect(joined?.message).toMatchObject({ origin: 'node-1', events: [{ type: 'player.joined', gameId: game.gameId, data: { nickname: 'Watcher' } }] });
      // Tokens appear only as hashes.
      expect(JSON.stringify(seen)).not.toContain(game.hostToken);
    } finally {
      watcher.disconnect();
      await cluster.stop();
    }
  });
});
