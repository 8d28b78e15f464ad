import type { PlayerSummary } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { closeAndWait, errorCode, hostGame, hostSnapshot, joinPlayer, ok, openQuestion, singleQuiz, unusedPin, useServer } from './helpers.ts';

/** Guarantee: reconnect keeps the seat — same nickname, points, streak, the current question and time left. */
describe('reconnect keeps the seat', () => {
  const h = useServer();
  const connectedOf = (players: PlayerSummary[], id: string) => players.find((p) => p.playerId === id)?.connected;

  /** Ann and Bob; Ann gets question 1 right (score 1000, streak 1), Bob wrong; question 2 is open. */
  async function midGame(options = {}) {
    const hosted = await hostGame(h, singleQuiz(3, 'seat', 0, 20), options);
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    const bob = await joinPlayer(h, hosted.game.pin, 'Bob');
    const { host } = hosted;
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    const r1 = await ann.client.result(0);
    expect(r1.result).toMatchObject({ score: 1_000, streak: 1, rank: 1 });
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    const shown = await openQuestion(h, host, 1);
    return { ...hosted, ann, bob, shown };
  }

  it('resumes a player who answered, mid-question, with nickname, score, streak, question, time left and myAnswer', async () => {
    const { game, host, ann, bob, shown } = await midGame();
    await h.server.clock.advance(3_000);
    expect(await ann.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } })).toEqual({ ok: true, index: 1, responseMs: 3_000 });

    await closeAndWait(h, ann.client);
    await h.server.clock.advance(500);
    const away = await host.next('players.updated', (m) => connectedOf(m.players, ann.playerId) === false);
    expect(away.playerCount).toBe(2);
    // Bob has not answered and Ann left: the question stays open for Bob.
    expect(host.all('question.closed')).toHaveLength(1);

    await h.server.clock.advance(2_000);
    const phone = await h.client();
    const resumed = ok(await phone.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken }));
    const now = h.server.clock.now();
    expect(resumed.playerId).toBe(ann.playerId);
    const v = resumed.view;
    expect(v.role).toBe('player');
    expect(v.phase).toBe('open');
    expect(v.me).toEqual({ playerId: ann.playerId, nickname: 'Ann', score: 1_000, streak: 1, rank: 1 });
    expect(v.question).toMatchObject({ index: 1, total: 3, opensAt: shown.opensAt, closesAt: shown.closesAt, serverNow: now });
    expect(v.question!.question.text).toBe('seat question 2');
    expect(v.question!.closesAt - v.question!.serverNow).toBe(20_000 - 3_000 - 2_000 - 500);
    expect(v.myAnswer).toEqual({ index: 1, responseMs: 3_000 });
    expect(v.publicSeq).toBe(shown.seq + 1);

    // The host's list shows Ann back after the throttle interval.
    await h.server.clock.advance(500);
    const back = await host.next('players.updated', (m) => m.seq > away.seq && connectedOf(m.players, ann.playerId) === true);
    expect(back.players.find((p) => p.playerId === ann.playerId)).toEqual({ playerId: ann.playerId, nickname: 'Ann', connected: true, score: 1_000 });

    // The new socket plays on: it hears the close and Ann's result, with the streak continued.
    ok(await bob.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 1 } }));
    const r2 = await phone.result(1);
    // round(1000 * (1 - (3000 / 20000) / 2)) = 925, plus the streak bonus for a second in a row (100).
    expect(r2.result).toMatchObject({ grade: 'correct', points: 1_025, score: 2_025, streak: 2, rank: 1 });
    await phone.next('question.closed', (m) => m.reveal.index === 1);
  });

  it('resumes a player who had not answered yet; they can still answer in time', async () => {
    const { game, host, ann, bob, shown } = await midGame();
    await closeAndWait(h, ann.client);
    await h.server.clock.advance(6_000);
    const phone = await h.client();
    const v = ok(await phone.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken })).view;
    expect(v.myAnswer).toBeUndefined();
    expect(v.me).toMatchObject({ nickname: 'Ann', score: 1_000, streak: 1 });
    expect(v.question!.closesAt - v.question!.serverNow).toBe(14_000);
    expect(await phone.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } })).toEqual({ ok: true, index: 1, responseMs: 6_000 });
    ok(await bob.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }));
    const closed = await host.next('question.closed', (m) => m.reveal.index === 1);
    expect(closed.reveal.distribution.answered).toBe(2);
    expect(closed.reveal.distribution.total).toBe(2);
    expect(shown.index).toBe(1);
  });

  it('resumes into the reveal and the leaderboard with the player\'s own result and rank', async () => {
    const { game, host, ann, bob } = await midGame();
    ok(await ann.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }));
    ok(await bob.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }));
    await host.next('question.closed', (m) => m.reveal.index === 1);
    await closeAndWait(h, bob.client);
    const phone = await h.client();
    const closedView = ok(await phone.send('player.resume', { pin: game.pin, sessionToken: bob.sessionToken })).view;
    expect(closedView.phase).toBe('closed');
    expect(closedView.me).toMatchObject({ nickname: 'Bob', score: 1_000, streak: 1, rank: 2 });
    expect(closedView.reveal?.correct).toEqual({ type: 'single', choice: 0 });
    expect(closedView.result).toMatchObject({ index: 1, grade: 'correct', points: 1_000, score: 1_000, rank: 2, ahead: { nickname: 'Ann', score: 2_100 } });
    ok(await host.send('host.next', {}));
    await phone.next('leaderboard.shown');
    const lb = ok(await phone.send('view.snapshot', {})).view;
    expect(lb.phase).toBe('leaderboard');
    expect(lb.leaderboard?.map((r) => [r.nickname, r.score])).toEqual([
      ['Ann', 2_100],
      ['Bob', 1_000],
    ]);
  });

  it('keeps the player connected when the same socket resumes again', async () => {
    const { game, host, ann, bob } = await midGame();
    // A client that resends player.resume on a socket that is still up (e.g. after a UI reload
    // of state) must not end up marked as away.
    const again = ok(await ann.client.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken }));
    expect(again.playerId).toBe(ann.playerId);
    await h.server.clock.advance(500);
    const snap = ok(await host.send('view.snapshot', {})).view;
    expect(snap.role !== 'player' && connectedOf(snap.players, ann.playerId)).toBe(true);
    // And the question still waits for Ann: Bob's answer alone does not close it.
    ok(await bob.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }));
    await h.server.clock.advance(250);
    await host.next('answers.counted', (m) => m.index === 1 && m.answered === 1);
    expect(host.all('question.closed')).toHaveLength(1);
    ok(await ann.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }));
    const closed = await host.next('question.closed', (m) => m.reveal.index === 1);
    expect(closed.reveal.distribution.answered).toBe(2);
  });

  it('lets a second socket share the seat: both hear the player\'s messages, closing one keeps the player connected', async () => {
    const { game, host, ann, bob } = await midGame();
    const laptop = await h.client();
    ok(await laptop.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken }));
    ok(await bob.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }));
    // Either socket answers for Ann; the other gets the original ack.
    const first = await laptop.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } });
    expect(await ann.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 1 } })).toEqual(first);
    const onPhone = await ann.client.result(1);
    const onLaptop = await laptop.result(1);
    expect(onLaptop).toEqual(onPhone);
    expect(onLaptop.result).toMatchObject({ grade: 'correct', score: 2_100, streak: 2 });
    // The phone goes away; the laptop still holds the seat.
    await closeAndWait(h, ann.client);
    await h.server.clock.advance(500);
    const snap = ok(await host.send('view.snapshot', {})).view;
    expect(snap.role !== 'player' && connectedOf(snap.players, ann.playerId)).toBe(true);
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    await openQuestion(h, host, 2);
    // Ann still counts as here: Bob's answer alone does not close the question.
    ok(await bob.client.send('answer.submit', { index: 2, answer: { kind: 'choice', choice: 0 } }));
    expect((await hostSnapshot(host)).phase).toBe('open');
    ok(await laptop.send('answer.submit', { index: 2, answer: { kind: 'choice', choice: 0 } }));
    await host.next('question.closed', (m) => m.reveal.index === 2);
  });

  it('lets a player resume into a locked game, where new joins are refused', async () => {
    const { game, host, ann } = await midGame();
    ok(await host.send('host.lock', { locked: true }));
    const stranger = await h.client();
    expect(errorCode(await stranger.send('player.join', { pin: game.pin, nickname: 'Eve' }))).toBe('GAME_LOCKED');
    await closeAndWait(h, ann.client);
    const phone = await h.client();
    const v = ok(await phone.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken })).view;
    expect(v.me).toMatchObject({ nickname: 'Ann', score: 1_000 });
  });

  it('does not leave a ghost seat when the socket goes away while its join or resume waits in the game\'s queue', async () => {
    const { game, host, ann, bob } = await midGame({ allowLateJoin: true });
    const rt = h.server.quizbus.node.runtime(game.gameId)!;
    const execute = rt.execute.bind(rt);
    const phone = await h.client();
    const serverSocket = h.server.quizbus.io.of('/').sockets.get(phone.socket.id!)!;
    const gone = new Promise<void>((resolve) => serverSocket.once('disconnect', () => resolve()));
    // The game is busy (e.g. a slow log append): the commands run only after the socket has gone.
    let queued = 0;
    let bothQueued: () => void = () => undefined;
    const received = new Promise<void>((resolve) => (bothQueued = resolve));
    rt.execute = ((command, then) => {
      if (command.type !== 'join' && command.type !== 'resume') return execute(command, then);
      queued += 1;
      if (queued === 2) bothQueued();
      return gone.then(() => execute(command, then));
    });
    const raw = phone.socket as unknown as { emit: (name: string, ...args: unknown[]) => void };
    await closeAndWait(h, ann.client);
    raw.emit('player.join', { pin: game.pin, nickname: 'Ghost' }, () => undefined);
    raw.emit('player.resume', { pin: game.pin, sessionToken: ann.sessionToken }, () => undefined);
    await received;
    phone.close();
    await gone;
    await h.server.clock.advance(0);
    rt.execute = execute;
    await h.server.clock.advance(500);
    const snap = await hostSnapshot(host);
    // Ghost joined and Ann resumed, but neither has a socket: both are away, and no room keeps the dead socket.
    expect(snap.players.map((p) => [p.nickname, p.connected])).toEqual([
      ['Ghost', false],
      ['Bob', true],
      ['Ann', false],
    ]);
    for (const members of h.server.quizbus.io.of('/').adapter.rooms.values()) expect(members.has(serverSocket.id)).toBe(false);
    // So the question does not wait for them: Bob's answer closes it.
    ok(await bob.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }));
    const closed = await host.next('question.closed', (m) => m.reveal.index === 1);
    expect(closed.reveal.distribution.answered).toBe(1);
  });

  it('refuses a resume with an unknown token or a token of another game', async () => {
    const { game, host } = await midGame();
    const other = await hostGame(h, singleQuiz(1, 'other', 0, 20));
    const carl = await joinPlayer(h, other.game.pin, 'Carl');
    const before = ok(await host.send('view.snapshot', {})).view.seq;
    const phone = await h.client();
    expect(errorCode(await phone.send('player.resume', { pin: game.pin, sessionToken: 'x'.repeat(43) }))).toBe('UNAUTHORIZED');
    expect(errorCode(await phone.send('player.resume', { pin: game.pin, sessionToken: carl.sessionToken }))).toBe('UNAUTHORIZED');
    expect(errorCode(await phone.send('player.resume', { pin: unusedPin(game.pin, other.game.pin), sessionToken: carl.sessionToken }))).toBe('GAME_NOT_FOUND');
    // The refused socket has no identity.
    expect(errorCode(await phone.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 0 } }))).toBe('NOT_ATTACHED');
    expect(ok(await host.send('view.snapshot', {})).view.seq).toBe(before);
  });
});
