import { newCommandId } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { hostGame, hostSnapshot, joinPlayer, ok, singleQuiz, useServer } from './helpers.ts';

/**
 * Guarantee: exactly-once commands. Every command may carry a client-made `cid`; a resend with
 * the same id (after a drop, or through another node) gets the original outcome and changes
 * nothing, for joins and host actions as for answers.
 */
describe('command ids over the socket protocol', () => {
  const h = useServer();

  it('a join resent with its cid seats one player and hands out the same token, which resumes', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'cid-join'));
    const cid = newCommandId();
    const first = ok(await (await h.client()).send('player.join', { cid, pin: game.pin, nickname: 'Ann' }));
    // The same join again, from another socket (the phone came back on a new connection).
    const again = ok(await (await h.client()).send('player.join', { cid, pin: game.pin, nickname: 'Ann' }));
    expect(again.playerId).toBe(first.playerId);
    expect(again.sessionToken).toBe(first.sessionToken);
    expect((await hostSnapshot(host)).playerCount).toBe(1);
    const resumed = ok(await (await h.client()).send('player.resume', { pin: game.pin, sessionToken: first.sessionToken }));
    expect(resumed.playerId).toBe(first.playerId);
  });

  it('a host.next resent with its cid advances once; a new cid advances again', async () => {
    const { game, host } = await hostGame(h, singleQuiz(3, 'cid-next'));
    await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('host.start', { cid: newCommandId() }));
    await h.server.clock.advance(20_000);
    await host.next('question.closed');
    const cid = newCommandId();
    const first = ok(await host.send('host.next', { cid }));
    const repeat = ok(await host.send('host.next', { cid }));
    expect(repeat.seq).toBe(first.seq);
    expect((await hostSnapshot(host)).phase).toBe('leaderboard');
    ok(await host.send('host.next', { cid: newCommandId() }));
    expect((await hostSnapshot(host)).phase).toBe('reading');
  });

  it('refuses a malformed cid with BAD_REQUEST', async () => {
    const { host } = await hostGame(h, singleQuiz(1, 'cid-bad'));
    const ack = await host.send('host.lock', { cid: 'short', locked: true });
    expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
