import { describe, expect, it } from 'vitest';
import { disconnected, hostGame, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

/** Guarantee: exactly-once answers. One answer per player per question; resends get the original ack and never score twice. */
describe('exactly-once answers', () => {
  const h = useServer();

  async function game(questions = 2) {
    const hosted = await hostGame(h, singleQuiz(questions, 'once', 0, 20));
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    const bob = await joinPlayer(h, hosted.game.pin, 'Bob');
    ok(await hosted.host.send('host.start', {}));
    return { ...hosted, ann, bob };
  }

  it('acks the same answer sent twice identically and scores it once', async () => {
    const { host, ann, bob } = await game(1);
    await openQuestion(h, host, 0);
    await h.server.clock.advance(2_000);
    const answer = { index: 0, answer: { kind: 'choice' as const, choice: 0 } };
    const first = await ann.client.send('answer.submit', answer);
    await h.server.clock.advance(3_000);
    const second = await ann.client.send('answer.submit', answer);
    expect(first).toEqual({ ok: true, index: 0, responseMs: 2_000 });
    expect(second).toEqual(first);
    // Two copies in flight at once are one answer too.
    const [x, y] = await Promise.all([ann.client.send('answer.submit', answer), ann.client.send('answer.submit', answer)]);
    expect(x).toEqual(first);
    expect(y).toEqual(first);
    const counted = ok(await host.send('view.snapshot', {})).view;
    expect(counted.role !== 'player' && counted.answered).toBe(1);

    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 2, correct: 1, options: [1, 1, 0] });
    // round(1000 * (1 - (2000 / 20000) / 2)) = 950, once.
    const result = await ann.client.result();
    expect(result.result).toMatchObject({ grade: 'correct', points: 950, score: 950 });
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    const final = await ann.client.next('player.final');
    expect(final).toMatchObject({ rank: 1, score: 950 });
    const ended = await host.next('game.ended');
    expect(ended.podium.top.find((r) => r.nickname === 'Ann')?.score).toBe(950);
  });

  it('answers a different resent answer with the original ack and keeps the first answer', async () => {
    const { host, ann, bob } = await game(1);
    await openQuestion(h, host, 0);
    await h.server.clock.advance(1_000);
    const first = await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } });
    expect(first).toEqual({ ok: true, index: 0, responseMs: 1_000 });
    await h.server.clock.advance(1_000);
    // A change of mind (now the right option) is not an answer: the original stands.
    const changed = await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } });
    expect(changed).toEqual(first);
    // Even an answer of the wrong kind gets the original ack: the resend is recognised first.
    const odd = await ann.client.send('answer.submit', { index: 0, answer: { kind: 'text', text: 'whatever' } });
    expect(odd).toEqual(first);
    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 2, correct: 1, options: [1, 1, 0] });
    const result = await ann.client.result();
    expect(result.result).toMatchObject({ grade: 'wrong', points: 0, score: 0 });
    // The original ack holds after the close as well (not LATE).
    expect(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })).toEqual(first);
  });

  it('gives the original ack to a resend after a disconnect and player.resume, and scores once', async () => {
    const { game: g, host, ann, bob } = await game(2);
    await openQuestion(h, host, 0);
    await h.server.clock.advance(4_000);
    const first = await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } });
    expect(first).toEqual({ ok: true, index: 0, responseMs: 4_000 });

    // The phone sleeps: the socket closes before the answer's fate is known to the app.
    ann.client.close();
    await disconnected(ann.client);
    const back = await h.client();
    const resumed = ok(await back.send('player.resume', { pin: g.pin, sessionToken: ann.sessionToken }));
    expect(resumed.playerId).toBe(ann.playerId);
    expect(resumed.view.myAnswer).toEqual({ index: 0, responseMs: 4_000 });
    await h.server.clock.advance(2_000);
    const resent = await back.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } });
    expect(resent).toEqual(first);

    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 2 } }));
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution.answered).toBe(2);
    // round(1000 * (1 - (4000 / 20000) / 2)) = 900, counted once.
    const result = await back.result();
    expect(result.result).toMatchObject({ grade: 'correct', points: 900, score: 900 });

    // Next question: resume again mid-question and resend — still one answer.
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    await openQuestion(h, host, 1);
    const q2 = await back.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } });
    expect(q2).toEqual({ ok: true, index: 1, responseMs: 0 });
    back.close();
    await disconnected(back);
    const again = await h.client();
    ok(await again.send('player.resume', { pin: g.pin, sessionToken: ann.sessionToken }));
    expect(await again.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } })).toEqual(q2);
    expect(await again.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).toEqual(first);
    ok(await bob.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 2 } }));
    const r2 = await again.result();
    expect(r2.result).toMatchObject({ index: 1, grade: 'correct', points: 1_000 + 100, score: 900 + 1_100, streak: 2 });
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    expect(await again.next('player.final')).toMatchObject({ rank: 1, score: 2_000 });
  });
});
