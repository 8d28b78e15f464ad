import type { TelemetryEntry } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { attachDisplay, closeAndWait, errorCode, hostGame, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

/** The "under the hood" event flow (telemetry.watch → telemetry.events): opt-in, aggregated, safe. */
describe('event telemetry', () => {
  const h = useServer();
  const WINDOW_MS = 250;

  async function game() {
    const hosted = await hostGame(h, singleQuiz(2, 'tele', 2, 20));
    const display = await attachDisplay(h, hosted.game.pin);
    const players = [];
    for (const n of ['Ann', 'Bob', 'Cat']) players.push(await joinPlayer(h, hosted.game.pin, n));
    return { ...hosted, display: display.client, players };
  }

  it('goes only to the host and displays that opted in, with the channel and node', async () => {
    const { host, display, players } = await game();
    const ack = ok(await host.send('telemetry.watch', { on: true }));
    expect(ack).toMatchObject({ on: true, channel: 'in-process bus (embedded)', nodeId: h.server.quizbus.nodeId });
    expect(errorCode(await players[0]!.client.send('telemetry.watch', { on: true }))).toBe('FORBIDDEN');
    ok(await host.send('host.start', {}));
    await h.server.clock.advance(WINDOW_MS);
    const first = await host.next('telemetry.events');
    expect(first).toMatchObject({ nodeId: h.server.quizbus.nodeId, owner: true, channel: 'in-process bus (embedded)', reached: { host: 1, display: 1, players: 3 } });
    expect(first.events.map((e) => e.type)).toEqual(['game.started', 'question.shown']);
    // Not watching: the display and the players get none.
    expect(display.all('telemetry.events')).toHaveLength(0);
    for (const p of players) expect(p.client.all('telemetry.events')).toHaveLength(0);
    // Switched off: nothing more.
    ok(await host.send('telemetry.watch', { on: false }));
    const before = host.all('telemetry.events').length;
    await openQuestion(h, host, 0);
    await h.server.clock.advance(WINDOW_MS);
    await host.send('view.snapshot', {});
    expect(host.all('telemetry.events')).toHaveLength(before);
  });

  it('shows answers during an open question only as counts, in seq order, one message per window', async () => {
    const { game: created, host, display, players } = await game();
    ok(await host.send('telemetry.watch', { on: true }));
    ok(await display.send('telemetry.watch', { on: true }));
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    // Ann right (0), Bob wrong (1), and Cat not yet: the question stays open.
    ok(await players[0]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    ok(await players[1]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    await h.server.clock.advance(WINDOW_MS);
    const counted = await host.next('telemetry.events', (m) => m.events.some((e) => e.type === 'answer.accepted'));
    await host.send('view.snapshot', {});
    // One message for the window, however many answers it held.
    expect(host.all('telemetry.events').filter((m) => m.events.some((e) => e.type === 'answer.accepted'))).toHaveLength(1);
    expect(counted.events.map((e) => e.type)).toEqual(['question.opened', 'answer.accepted']);
    const answers = counted.events.filter((e) => e.type === 'answer.accepted');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ count: 2, summary: '2 answers to question 1' });
    expect(answers[0]!.toSeq - answers[0]!.seq).toBe(1);
    expect(counted.eventsInWindow).toBe(3);

    // Every telemetry frame so far, on both screens, recorded while the question was open:
    // no option text, no player id, no grade, no points, no token.
    const open = [...host.all('telemetry.events'), ...display.all('telemetry.events')];
    const text = JSON.stringify(open);
    for (const p of players) expect(text).not.toContain(p.playerId);
    for (const secret of ['tele-right-0', 'tele-wrong-0', 'correct', 'incorrect', 'grade', 'points', 'choice', created.hostToken]) {
      expect(text).not.toContain(secret);
    }
    const entries: TelemetryEntry[] = open.flatMap((m) => m.events);
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['at', 'count', 'seq', 'summary', 'toSeq', 'type']);

    // Entries come in log order, and together they cover every event after the watch began.
    const hostEntries = host.all('telemetry.events').flatMap((m) => m.events);
    for (let i = 1; i < hostEntries.length; i += 1) expect(hostEntries[i]!.seq).toBe(hostEntries[i - 1]!.toSeq + 1);
    const snapshot = ok(await host.send('view.snapshot', {})).view;
    expect(hostEntries.at(-1)!.toSeq).toBe(snapshot.seq);

    // After the close the reveal is public; the flow still names no option or player.
    ok(await players[2]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 2 } }));
    await host.next('question.closed');
    await h.server.clock.advance(WINDOW_MS);
    const closed = await host.next('telemetry.events', (m) => m.events.some((e) => e.type === 'question.closed'));
    expect(closed.events.map((e) => e.summary)).toEqual(['1 answer to question 1', 'question 1 closed (all-answered)']);
  });

  it('stops for a socket that attaches again (leaving its seat) or goes away', async () => {
    const { game: created, host, display } = await game();
    ok(await display.send('telemetry.watch', { on: true }));
    ok(await host.send('telemetry.watch', { on: true }));
    // Re-attaching leaves the old seat and its rooms, the telemetry room too.
    ok(await display.send('display.attach', { pin: created.pin }));
    await closeAndWait(h, host);
    const again = await h.client();
    ok(await again.send('host.attach', { pin: created.pin, hostToken: created.hostToken }));
    ok(await again.send('host.start', {}));
    await h.server.clock.advance(WINDOW_MS);
    await display.send('view.snapshot', {});
    await again.send('view.snapshot', {});
    expect(display.all('telemetry.events')).toHaveLength(0);
    expect(again.all('telemetry.events')).toHaveLength(0);
  });
});
