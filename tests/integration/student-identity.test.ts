import type { GameReport } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { attachDisplay, errorCode, hostGame, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

/**
 * Issue 7, point 3: with askStudentId each player gives a name or student id besides the
 * nickname. It reaches the host's report and nothing else: every frame and ack that the
 * host, the display and the players receive during a whole game is recorded and searched.
 */
describe('student identity', () => {
  const h = useServer();
  const IDS = { Ann: 'STUDENT-ANN-7f3a', Bob: 'STUDENT-BOB-91c2' } as const;

  it('asks for it, keeps it for the host\'s report, and never sends it to a screen or a phone', async () => {
    const { game, host } = await hostGame(h, singleQuiz(2, 'ident', 0, 20), { askStudentId: true, allowLateJoin: true });
    expect(await host.send('view.snapshot', {})).toMatchObject({ ok: true, view: { options: { askStudentId: true } } });
    const display = await attachDisplay(h, game.pin);
    const ann = await h.client();
    const bob = await h.client();
    const acks: unknown[] = [];
    const send = async <T>(p: Promise<T>) => {
      const ack = await p;
      acks.push(ack);
      return ack;
    };
    // Without an id (or with a blank one) the join is refused and asks for it.
    expect(errorCode(await send(ann.send('player.join', { pin: game.pin, nickname: 'Ann' })))).toBe('STUDENT_ID_REQUIRED');
    expect(errorCode(await send(ann.send('player.join', { pin: game.pin, nickname: 'Ann', studentId: '   ' })))).toBe('STUDENT_ID_REQUIRED');
    ok(await send(ann.send('player.join', { pin: game.pin, nickname: 'Ann', studentId: ` ${IDS.Ann} ` })));
    const bobSeat = ok(await send(bob.send('player.join', { pin: game.pin, nickname: 'Bob', studentId: IDS.Bob })));
    await h.server.clock.advance(600);
    ok(await send(host.send('host.start', {})));
    await openQuestion(h, host, 0);
    ok(await send(ann.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })));
    ok(await send(bob.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })));
    await host.next('question.closed');
    ok(await send(host.send('host.next', {})));
    ok(await send(host.send('host.next', {})));
    await openQuestion(h, host, 1);
    // A resume and snapshots carry views too.
    const bobAgain = await h.client();
    ok(await send(bobAgain.send('player.resume', { pin: game.pin, sessionToken: bobSeat.sessionToken })));
    ok(await send(bob.send('view.snapshot', {})));
    ok(await send(display.client.send('view.snapshot', {})));
    ok(await send(host.send('view.snapshot', {})));
    await h.server.clock.advance(20_000);
    ok(await send(host.send('host.next', {})));
    ok(await send(host.send('host.next', {})));
    await ann.next('player.final');
    await h.server.clock.advance(1000);

    const everything = JSON.stringify({ host: host.frames, display: display.client.frames, ann: ann.frames, bob: bob.frames, bobAgain: bobAgain.frames, acks });
    for (const id of Object.values(IDS)) expect(everything).not.toContain(id);
    expect(everything).not.toContain('studentId');
    // Leaderboards and the podium were sent: the search above did cover them.
    expect(display.client.all('game.ended')[0]?.podium.top.map((r) => r.nickname).sort()).toEqual(['Ann', 'Bob']);

    const report = (await (await fetch(`${h.server.url}/api/reports/${game.gameId}`, { headers: { 'x-host-token': game.hostToken } })).json()) as GameReport;
    expect(Object.fromEntries(report.players.map((p) => [p.nickname, p.studentId]))).toEqual(IDS);
    const csv = await (await fetch(`${h.server.url}/api/reports/${game.gameId}/export?format=csv`, { headers: { 'x-host-token': game.hostToken } })).text();
    expect(csv).toContain('student_id');
    expect(csv).toContain(IDS.Ann);
  });

  it('drops an id sent to a game that does not ask, and refuses a bad one', async () => {
    const { game } = await hostGame(h, singleQuiz(1, 'plain', 0, 20));
    const ann = await h.client();
    ok(await ann.send('player.join', { pin: game.pin, nickname: 'Ann', studentId: 'NOT-KEPT-123' }));
    const report = (await (await fetch(`${h.server.url}/api/reports/${game.gameId}`, { headers: { 'x-host-token': game.hostToken } })).json()) as GameReport;
    expect(JSON.stringify(report)).not.toContain('NOT-KEPT-123');

    const asking = await hostGame(h, singleQuiz(1, 'asking', 0, 20), { askStudentId: true });
    const bob = await h.client();
    expect(errorCode(await bob.send('player.join', { pin: asking.game.pin, nickname: 'Bob', studentId: 'x'.repeat(65) }))).toBe('STUDENT_ID_INVALID');
  });
});
