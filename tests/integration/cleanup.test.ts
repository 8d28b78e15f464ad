import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-client.ts';
import { attachDisplay, disconnected, errorCode, hostGame, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

/** Idle and ended games are removed with their timers, and their sockets are let go. */
describe('idle and ended games are removed with their timers', () => {
  const h = useServer({ IDLE_GAME_MINUTES: '1', ENDED_GAME_MINUTES: '1' });

  async function game(timeLimitSec = 240) {
    const hosted = await hostGame(h, singleQuiz(2, 'sweep', 2, timeLimitSec));
    const display = await attachDisplay(h, hosted.game.pin);
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    const bob = await joinPlayer(h, hosted.game.pin, 'Bob');
    return { ...hosted, display, ann, bob, sockets: [hosted.host, display.client, ann.client, bob.client] };
  }

  async function expectGone(pin: string, sockets: TestClient[], baseline: number) {
    for (const c of sockets) await disconnected(c);
    expect(h.server.quizbus.node.ownedCount).toBe(0);
    expect(h.server.clock.timerCount).toBe(baseline);
    expect(h.server.quizbus.fanout.pendingTimers).toBe(0);
    const late = await h.client();
    expect(errorCode(await late.send('player.join', { pin, nickname: 'Zed' }))).toBe('GAME_NOT_FOUND');
    expect(errorCode(await late.send('display.attach', { pin }))).toBe('GAME_NOT_FOUND');
    expect(h.server.quizbus.node.ownedCount).toBe(0);
  }

  it('ends and removes a game nobody touched for IDLE_GAME_MINUTES, mid-question, with its timers and sockets', async () => {
    const t0 = h.server.clock.now();
    // Only the sweep waits on the clock before any game exists.
    const baseline = h.server.clock.timerCount;
    expect(baseline).toBe(1);
    const { game: g, host, ann, sockets } = await game(240);
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    // The last command from a person, at t0 + 2 s.
    ok(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    // The question's close timer (240 s away) and the answered-count throttle are pending.
    expect(h.server.clock.timerCount).toBeGreaterThan(baseline);

    // The sweep at t0 + 60 s finds the game idle for 58 s only: it stays.
    await h.server.clock.advanceTo(t0 + 60_000);
    expect(h.server.quizbus.node.ownedCount).toBe(1);
    for (const c of sockets) expect(c.socket.connected).toBe(true);

    // The sweep at t0 + 120 s ends it (idle) and removes it.
    await h.server.clock.advanceTo(t0 + 120_000);
    for (const c of sockets) {
      const ended = await c.next('game.ended');
      expect(ended.reason).toBe('idle');
      // Ended before any close, the podium still ranks both players.
      expect(ended.podium.playerCount).toBe(2);
    }
    await expectGone(g.pin, sockets, baseline);
    // Its question deadline passes without anything left to run.
    await h.server.clock.advanceTo(t0 + 300_000);
    expect(host.all('question.closed')).toHaveLength(0);
    expect(h.server.clock.timerCount).toBe(baseline);
  });

  it('removes an ended game after ENDED_GAME_MINUTES and keeps it readable until then', async () => {
    const baseline = h.server.clock.timerCount;
    const { game: g, host, ann, bob, sockets } = await game(20);
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    await host.next('question.closed');
    ok(await host.send('host.next', {}));
    ok(await host.send('host.end', {}));
    for (const c of sockets) expect((await c.next('game.ended')).reason).toBe('host');
    const endedAt = h.server.clock.now();
    await h.server.clock.advance(500);
    // Ended: nothing of the game waits on the clock any more.
    expect(h.server.clock.timerCount).toBe(baseline);

    // Still there for the podium for a while: a display can open it, a player can resume.
    await h.server.clock.advanceTo(endedAt + 59_000);
    expect(h.server.quizbus.node.ownedCount).toBe(1);
    const latecomer = await attachDisplay(h, g.pin);
    expect(latecomer.view.phase).toBe('ended');
    expect(latecomer.view.podium?.playerCount).toBe(2);
    const phone = await h.client();
    expect(ok(await phone.send('player.resume', { pin: g.pin, sessionToken: bob.sessionToken })).view.phase).toBe('ended');

    await h.server.clock.advanceTo(endedAt + 60_000 + 60_000);
    await expectGone(g.pin, [...sockets, latecomer.client, phone], baseline);
  });

  it('removes each game on its own schedule', async () => {
    const baseline = h.server.clock.timerCount;
    const t0 = h.server.clock.now();
    const first = await game(20);
    ok(await first.host.send('host.end', {}));
    await h.server.clock.advanceTo(t0 + 30_000);
    const second = await game(20);
    expect(h.server.quizbus.node.ownedCount).toBe(2);
    // t0 + 60 s: the first ended 60 s ago and goes; the second is idle for 30 s only.
    await h.server.clock.advanceTo(t0 + 60_000);
    for (const c of first.sockets) await disconnected(c);
    expect(h.server.quizbus.node.ownedCount).toBe(1);
    for (const c of second.sockets) expect(c.socket.connected).toBe(true);
    // t0 + 120 s: the second has been idle for 90 s.
    await h.server.clock.advanceTo(t0 + 120_000);
    for (const c of second.sockets) expect((await c.next('game.ended')).reason).toBe('idle');
    await expectGone(second.game.pin, second.sockets, baseline);
  });
});
