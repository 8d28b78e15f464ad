import type { Ack } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { useClusters } from '../support/cluster.ts';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';
import { singleQuiz } from '../integration/helpers.ts';

const ROUNDS = 4;
const PLAYERS = 12;

interface Sent {
  ok: boolean;
  /** Whether the player had already been sent `player.final` when the ack arrived. */
  afterFinal: boolean;
}

/**
 * Sends an answer and notes, in the ack callback itself (synchronously, before any later frame
 * of the same read can be handled), whether `player.final` had already arrived.
 */
function answerNoting(c: TestClient): Promise<Sent> {
  return new Promise((resolve) => {
    const emit = c.socket.emit as unknown as (n: string, p: unknown, cb: (a: Ack<'answer.submit'>) => void) => void;
    emit.call(c.socket, 'answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }, (ack) =>
      resolve({ ok: ack.ok, afterFinal: c.frames.some((f) => f.name === 'player.final') }),
    );
  });
}

/**
 * Issue 18, ordering: an answer's ack reaches the player before that game's `player.final`.
 * Three nodes: the game is owned by node 1, the players sit on node 2 (their answers are
 * forwarded to node 1 and the acks relayed back), the host on node 3 ends the game at the
 * very moment the players answer. Node 2 hears the relayed acks and the final events on the
 * same Redis connection, often in one read.
 */
describe('ack before player.final on three nodes', () => {
  const clusters = useClusters();

  it('every accepted answer is acked before that player is sent player.final', async () => {
    const cluster = await clusters.start(3);
    const [owner, players, hosting] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const quizId = await saveQuiz(owner.url, singleQuiz(1, 'order', 0, 60));
    const results: Sent[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const game = await createGame(owner.url, quizId);
      const host = await connect(hosting.url);
      clusters.clients.push(host);
      expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
      const kids = await Promise.all(
        Array.from({ length: PLAYERS }, async (_, i) => {
          const c = await connect(players.url);
          clusters.clients.push(c);
          const ack = await c.send('player.join', { pin: game.pin, nickname: `Kid ${round}-${i}` });
          if (!ack.ok) throw new Error(ack.error.message);
          return c;
        }),
      );
      expect((await host.send('host.start', {})).ok).toBe(true);
      await Promise.all(kids.map((k) => k.next('question.opened')));
      // Half answer first; once one of them is in, the rest answer together with the host's end.
      const early = kids.slice(0, PLAYERS / 2).map(answerNoting);
      await Promise.race(early);
      const late = kids.slice(PLAYERS / 2).map(answerNoting);
      const ended = host.send('host.end', {});
      results.push(...(await Promise.all([...early, ...late])));
      expect((await ended).ok).toBe(true);
      await Promise.all(kids.map((k) => k.next('player.final')));
    }
    const accepted = results.filter((r) => r.ok);
    // The race was run: some answers made it in before the end.
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.filter((r) => r.afterFinal)).toEqual([]);
  }, 120_000);
});
