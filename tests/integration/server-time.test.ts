import { describe, expect, it, vi } from 'vitest';
import { errorCode, hostGame, hostSnapshot, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

/** Guarantee: server-authoritative time. The server stamps open and close, measures response time, refuses late answers. */
describe('server-authoritative time', () => {
  const h = useServer();

  async function twoPlayerGame(readTimeSec = 2) {
    const { game, host } = await hostGame(h, singleQuiz(2, 'time', readTimeSec, 20));
    const ann = await joinPlayer(h, game.pin, 'Ann');
    const bob = await joinPlayer(h, game.pin, 'Bob');
    return { game, host, ann, bob };
  }

  it('stamps question.shown and question.opened with opensAt, closesAt and serverNow from the server clock', async () => {
    const { host, ann } = await twoPlayerGame(2);
    const startedAt = h.server.clock.now();
    // The fake clock stands on 2026-01-01: far from this machine's clock, so equality proves whose time it is.
    expect(Math.abs(startedAt - Date.now())).toBeGreaterThan(60_000);
    ok(await host.send('host.start', {}));
    const shown = await ann.client.next('question.shown', (m) => m.index === 0);
    expect(shown.serverNow).toBe(startedAt);
    expect(shown.opensAt).toBe(startedAt + 2_000);
    expect(shown.closesAt).toBe(startedAt + 2_000 + 20_000);
    expect(shown.question.readMs).toBe(2_000);
    expect(shown.question.timeLimitMs).toBe(20_000);
    const hostShown = await host.next('question.shown', (m) => m.index === 0);
    expect(hostShown).toEqual(shown);

    await h.server.clock.advance(2_000);
    const opened = await ann.client.next('question.opened', (m) => m.index === 0);
    expect(opened).toMatchObject({ index: 0, opensAt: startedAt + 2_000, closesAt: startedAt + 22_000, serverNow: startedAt + 2_000 });

    // A snapshot in the middle of the question carries the server's now, so a client can count down.
    await h.server.clock.advance(5_000);
    const view = ok(await ann.client.send('view.snapshot', {})).view;
    expect(view.question).toMatchObject({ index: 0, opensAt: startedAt + 2_000, closesAt: startedAt + 22_000, serverNow: startedAt + 7_000 });
  });

  it('measures response time on the server: 4000 ms after the opening gives responseMs 4000', async () => {
    const { host, ann, bob } = await twoPlayerGame(2);
    ok(await host.send('host.start', {}));
    await openQuestion(h, ann.client, 0);
    await h.server.clock.advance(4_000);
    const ack = await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } });
    expect(ack).toEqual({ ok: true, index: 0, responseMs: 4_000 });
    await h.server.clock.advance(1_500);
    const bobAck = await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } });
    expect(bobAck).toEqual({ ok: true, index: 0, responseMs: 5_500 });

    // The points follow the server's measure: round(1000 * (1 - (4000 / 20000) / 2)) = 900.
    const annResult = await ann.client.result(0);
    expect(annResult.result).toMatchObject({ grade: 'correct', points: 900, score: 900, rank: 1 });
    const bobResult = await bob.client.result(0);
    expect(bobResult.result).toMatchObject({ grade: 'correct', points: 863, score: 863, rank: 2 });
  });

  it('refuses answers during the read time and for questions not yet shown with NOT_OPEN', async () => {
    const { host, ann, bob } = await twoPlayerGame(3);
    // In the lobby nothing is open.
    expect(errorCode(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }))).toBe('NOT_OPEN');
    ok(await host.send('host.start', {}));
    await ann.client.next('question.shown', (m) => m.index === 0);
    const before = await hostSnapshot(host);
    expect(before.phase).toBe('reading');

    expect(errorCode(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }))).toBe('NOT_OPEN');
    await h.server.clock.advance(2_999);
    expect(errorCode(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }))).toBe('NOT_OPEN');
    expect(errorCode(await ann.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }))).toBe('NOT_OPEN');
    const during = await hostSnapshot(host);
    expect(during.seq).toBe(before.seq);
    expect(during.answered).toBe(0);

    // The refused attempts recorded nothing: the answer once open is the first and counts.
    await h.server.clock.advance(1);
    await ann.client.next('question.opened', (m) => m.index === 0);
    expect(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).toEqual({ ok: true, index: 0, responseMs: 0 });
    expect(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })).toEqual({ ok: true, index: 0, responseMs: 0 });
  });

  it('refuses an answer after the deadline with LATE', async () => {
    const { host, ann, bob } = await twoPlayerGame(2);
    ok(await host.send('host.start', {}));
    const shown = await openQuestion(h, ann.client, 0);
    // One millisecond before the close is still in time.
    await h.server.clock.advanceTo(shown.closesAt - 1);
    expect(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).toEqual({
      ok: true,
      index: 0,
      responseMs: 19_999,
    });
    await h.server.clock.advanceTo(shown.closesAt);
    const closed = await ann.client.next('question.closed', (m) => m.reveal.index === 0);
    expect(closed.reveal.distribution.answered).toBe(1);
    expect(errorCode(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }))).toBe('LATE');
    const result = await ann.client.result(0);
    expect(result.result).toMatchObject({ grade: 'missed', points: 0, score: 0 });
    // Still LATE later, after the leaderboard.
    ok(await host.send('host.next', {}));
    expect(errorCode(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }))).toBe('LATE');
  });

  it('refuses LATE an answer that arrives after the deadline before any timer ran (tick catch-up)', async () => {
    const { host, ann } = await twoPlayerGame(2);
    ok(await host.send('host.start', {}));
    const shown = await openQuestion(h, ann.client, 0);
    const timersBefore = h.server.clock.timerCount;
    // The server's time passes the deadline but the close timer has not run (a busy event loop):
    // only `now` moves, no timer fires.
    const now = vi.spyOn(h.server.clock, 'now').mockReturnValue(shown.closesAt + 50);
    try {
      expect(ann.client.all('question.closed')).toHaveLength(0);
      const ack = await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } });
      expect(errorCode(ack)).toBe('LATE');
      // The catch-up closed the question before deciding on the answer, and everyone heard it.
      const closed = await host.next('question.closed', (m) => m.reveal.index === 0);
      expect(closed.reveal.distribution.answered).toBe(0);
      const result = await ann.client.result(0);
      expect(result.result.grade).toBe('missed');
      const view = ok(await host.send('view.snapshot', {})).view;
      expect(view.phase).toBe('closed');
      // The close timer is cancelled rather than left to fire a second close.
      expect(h.server.clock.timerCount).toBeLessThan(timersBefore);
    } finally {
      now.mockRestore();
    }
    await h.server.clock.advanceTo(shown.closesAt + 60_000);
    expect(host.all('question.closed')).toHaveLength(1);
  });
});
