import type { Ack, Answer } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { FailoverClient, useClusters, type Cluster } from '../support/cluster.ts';
import { createGame, saveQuiz } from '../support/test-client.ts';
import { clusterQuiz, ownerOf, readLog, scoresFromLog, until } from './cluster-helpers.ts';

const right: Answer[] = [{ kind: 'choice', choice: 0 }, { kind: 'choices', choices: [0, 2] }, { kind: 'text', text: 'event' }];
const wrong: Answer[] = [{ kind: 'choice', choice: 1 }, { kind: 'choices', choices: [1] }, { kind: 'text', text: 'nope' }];

interface Seat {
  client: FailoverClient;
  id: string;
  home: number;
}

/**
 * A game on a 3-node cluster: created on node 1 (its owner), where the host and a display sit
 * too, so that the faults hit them as well; six players over all three nodes.
 */
async function gameOnCluster(cluster: Cluster) {
  const urls = () => cluster.nodes.map((n) => n.url);
  const quizId = await saveQuiz(cluster.nodes[1]!.url, clusterQuiz);
  const game = await createGame(cluster.nodes[0]!.url, quizId);
  const host = new FailoverClient(urls, 0);
  await host.connect();
  expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
  host.watchDrops();
  const display = new FailoverClient(urls, 0);
  await display.connect();
  expect((await display.send('display.attach', { pin: game.pin })).ok).toBe(true);
  display.watchDrops();
  const seats: Seat[] = [];
  for (let i = 0; i < 6; i += 1) {
    const client = new FailoverClient(urls, i % 3);
    await client.connect();
    const ack = await client.send('player.join', { pin: game.pin, nickname: `P${i + 1}` });
    if (!ack.ok) throw new Error(ack.error.message);
    client.watchDrops();
    seats.push({ client, id: ack.playerId, home: i % 3 });
  }
  expect(await ownerOf(cluster, game.gameId)).toBe(cluster.nodes[0]!.id);
  return { game, host, display, seats };
}

/** Answers for every seat, in parallel; returns the acks. */
function answerAll(seats: Seat[], index: number, pick: (i: number) => Answer) {
  return Promise.all(seats.map((s, i) => s.client.answer(index, pick(i))));
}

/** Every acked answer is in the log, once, and the final scores are the log's. */
async function expectNothingLost(cluster: Cluster, gameId: string, seats: Seat[], acked: Array<{ id: string; index: number }>) {
  const log = await readLog(cluster, gameId);
  for (const a of acked) {
    const found = log.filter((e) => e.type === 'answer.accepted' && e.data.playerId === a.id && e.data.index === a.index);
    expect(found, `answer of ${a.id} to ${a.index}`).toHaveLength(1);
  }
  const scores = scoresFromLog(log);
  const finals = await Promise.all(seats.map((s) => s.client.next('player.final') as Promise<{ score: number }>));
  seats.forEach((s, i) => expect(finals[i]?.score).toBe(scores.get(s.id)));
}

/** Plays question q to its close: every seat answers (odd seats wrong); the host moves on. */
async function playQuestion(host: FailoverClient, seats: Seat[], q: number, acked: Array<{ id: string; index: number }>) {
  await Promise.all(seats.map((s) => s.client.next('question.opened', (m: { index: number }) => m.index === q)));
  const acks = await answerAll(seats, q, (i) => (i % 2 ? wrong[q]! : right[q]!));
  acks.forEach((a, i) => {
    expect(a.ok).toBe(true);
    acked.push({ id: seats[i]!.id, index: q });
  });
  await Promise.all(seats.map((s) => s.client.result(q)));
  expect((await host.send('host.next', {})).ok).toBe(true);
  expect((await host.send('host.next', {})).ok).toBe(true);
}

/**
 * Plays question 1, then question 2 with half the answers in before `fault` and half after,
 * then question 3; checks that nothing acknowledged was lost and the scores carried over.
 */
async function gameThrough(cluster: Cluster, fault: (ctx: { gameId: string; seats: Seat[] }) => Promise<void>) {
  const { game, host, display, seats } = await gameOnCluster(cluster);
  const acked: Array<{ id: string; index: number }> = [];
  expect((await host.send('host.start', {})).ok).toBe(true);
  await playQuestion(host, seats, 0, acked);
  const before = await Promise.all(seats.map((s) => s.client.result(0)));

  await Promise.all(seats.map((s) => s.client.next('question.opened', (m: { index: number }) => m.index === 1)));
  const firstHalf = seats.slice(0, 3);
  const early: Array<Ack<'answer.submit'>> = await answerAll(firstHalf, 1, () => right[1]!);
  early.forEach((a, i) => {
    expect(a.ok, JSON.stringify(a)).toBe(true);
    acked.push({ id: firstHalf[i]!.id, index: 1 });
  });
  await fault({ gameId: game.gameId, seats });
  const secondHalf = seats.slice(3);
  const late = await answerAll(secondHalf, 1, () => wrong[1]!);
  late.forEach((a, i) => {
    expect(a.ok, JSON.stringify(a)).toBe(true);
    acked.push({ id: secondHalf[i]!.id, index: 1 });
  });
  const after = await Promise.all(seats.map((s) => s.client.result(1)));
  // Everyone kept their score: the new total is the old one plus this question's points.
  seats.forEach((_, i) => expect(after[i]!.result.score).toBe(before[i]!.result.score + after[i]!.result.points));
  expect((await host.send('host.next', {})).ok).toBe(true);
  expect((await host.send('host.next', {})).ok).toBe(true);
  await playQuestion(host, seats, 2, acked);
  await expectNothingLost(cluster, game.gameId, seats, acked);
  // The display kept its seat through the fault as well: it shows the podium.
  const ended = (await display.next('game.ended')) as { podium: { playerCount: number } };
  expect(ended.podium.playerCount).toBe(seats.length);
  display.close();
  return { game, host, seats };
}

describe('failures on a three-node cluster', () => {
  const clusters = useClusters();
  const open = clusters.clients;

  it('kill -9 of the owner mid-question: another node takes over, no acknowledged answer is lost', async () => {
    const c = await clusters.start(3);
    let takeoverMs = 0;
    const { host, seats } = await gameThrough(c, async ({ gameId }) => {
      const killedAt = Date.now();
      await c.nodes[0]!.kill('SIGKILL');
      const owner = await until('a new owner', 30_000, async () => {
        const o = await ownerOf(c, gameId);
        return o && o !== c.nodes[0]!.id ? o : undefined;
      });
      takeoverMs = Date.now() - killedAt;
      expect(owner).not.toBe(c.nodes[0]!.id);
    });
    open.push(host, ...seats.map((s) => s.client));
    const moved = seats.filter((s) => s.home === 0).flatMap((s) => s.client.reconnects);
    expect(moved.length).toBeGreaterThan(0);
    // Figures for the closing note (the lease is 2 s in these tests).
    expect(host.reconnects.length).toBeGreaterThan(0);
    console.info(`[figures] kill -9 owner: takeover ${takeoverMs} ms; reconnect of its players ${moved.join(', ')} ms; of the host ${host.reconnects.join(', ')} ms`);
  }, 180_000);

  it('SIGTERM of the owner: it hands its games over, its players move to the other nodes, nothing is lost', async () => {
    const c = await clusters.start(3);
    let handoverMs = 0;
    const { host, seats } = await gameThrough(c, async ({ gameId }) => {
      const at = Date.now();
      await c.nodes[0]!.kill('SIGTERM');
      await until('a new owner', 30_000, async () => {
        const o = await ownerOf(c, gameId);
        return o && o !== c.nodes[0]!.id ? o : undefined;
      });
      handoverMs = Date.now() - at;
    });
    open.push(host, ...seats.map((s) => s.client));
    expect(await c.nodes[0]!.exited).toBe(0);
    console.info(`[figures] SIGTERM owner: new owner after ${handoverMs} ms`);
  }, 180_000);

  it('a graceful Redis restart mid-game (AOF on): the game resumes and no acknowledged answer is lost', async () => {
    const c = await clusters.start(3);
    const { host, seats } = await gameThrough(c, async () => {
      await c.redis.stop();
      await c.redis.start();
    });
    open.push(host, ...seats.map((s) => s.client));
  }, 180_000);

  it('Redis unreachable for 10 s: not ready, sockets refused (reconnecting), then recovered by itself', async () => {
    const c = await clusters.start(3);
    const { host, seats } = await gameThrough(c, async ({ seats }) => {
      const pid = c.redis.pid();
      if (!pid) throw new Error('no redis pid');
      process.kill(pid, 'SIGSTOP');
      const frozenAt = Date.now();
      try {
        // Every node reports not ready while Redis does not answer.
        for (const n of c.nodes) {
          await until(`${n.id} not ready`, 15_000, async () => ((await fetch(`${n.url}/readyz`)).status === 503 ? true : undefined));
        }
        // Players see the connection drop and attempts refused: the "reconnecting" state.
        await until('a refused reconnect', 15_000, async () => (seats.some((s) => s.client.refused > 0) ? true : undefined));
        // The outage itself lasts 10 s: that is the scenario, not a wait for something to happen.
        await new Promise((r) => setTimeout(r, 10_000 - (Date.now() - frozenAt)));
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      for (const n of c.nodes) {
        await until(`${n.id} ready again`, 30_000, async () => ((await fetch(`${n.url}/readyz`)).ok ? true : undefined));
      }
    });
    open.push(host, ...seats.map((s) => s.client));
  }, 240_000);
});
