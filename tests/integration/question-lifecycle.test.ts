import { describe, expect, it } from 'vitest';
import { closeAndWait, disconnected, errorCode, hostGame, hostSnapshot, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

const A0 = { index: 0, answer: { kind: 'choice', choice: 0 } } as const;
const A1 = { index: 1, answer: { kind: 'choice', choice: 0 } } as const;

/** Game flow: how a question closes, late joining, kicking. */
describe('question closing, late join and kick', () => {
  const h = useServer();

  async function game(names: string[], options = {}, questions = 2) {
    const hosted = await hostGame(h, singleQuiz(questions, 'flow', 2, 20), options);
    const players = [];
    for (const n of names) players.push(await joinPlayer(h, hosted.game.pin, n));
    return { ...hosted, players };
  }

  it('closes the question as soon as every connected player has answered, without the clock moving', async () => {
    const { host, players } = await game(['Ann', 'Bob', 'Cat']);
    ok(await host.send('host.start', {}));
    const shown = await openQuestion(h, host, 0);
    const frozen = h.server.clock.now();
    ok(await players[0]!.client.send('answer.submit', A0));
    ok(await players[1]!.client.send('answer.submit', A0));
    expect((await hostSnapshot(host)).phase).toBe('open');
    ok(await players[2]!.client.send('answer.submit', A0));
    const closed = await host.next('question.closed');
    expect(h.server.clock.now()).toBe(frozen);
    expect(frozen).toBeLessThan(shown.closesAt);
    expect(closed.reveal.distribution).toMatchObject({ answered: 3, total: 3 });
    // The close timer went with the question: nothing closes a second time at the old deadline.
    await h.server.clock.advanceTo(shown.closesAt + 1);
    expect(host.all('question.closed')).toHaveLength(1);
  });

  it('does not wait for a player who left; the last missing player leaving closes it', async () => {
    const { host, players } = await game(['Ann', 'Bob', 'Cat']);
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    await closeAndWait(h, players[2]!.client);
    ok(await players[0]!.client.send('answer.submit', A0));
    expect((await hostSnapshot(host)).phase).toBe('open');
    // Bob, the only connected player without an answer, leaves: nobody is left to wait for.
    await closeAndWait(h, players[1]!.client);
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 1, total: 3 });
  });

  it('closes at the deadline, not a millisecond before', async () => {
    const { host, players } = await game(['Ann', 'Bob']);
    ok(await host.send('host.start', {}));
    const shown = await openQuestion(h, host, 0);
    ok(await players[0]!.client.send('answer.submit', A0));
    await h.server.clock.advanceTo(shown.closesAt - 1);
    expect(host.all('question.closed')).toHaveLength(0);
    expect((await hostSnapshot(host)).phase).toBe('open');
    await h.server.clock.advance(1);
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 1, total: 2 });
    const bob = await players[1]!.client.result();
    expect(bob.result.grade).toBe('missed');
  });

  it('closes when the host skips, while open and during the read time', async () => {
    const { host, players } = await game(['Ann', 'Bob']);
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await players[0]!.client.send('answer.submit', A0));
    ok(await host.send('host.skip', {}));
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution.answered).toBe(1);
    expect(errorCode(await players[1]!.client.send('answer.submit', A0))).toBe('LATE');
    expect(errorCode(await host.send('host.skip', {}))).toBe('WRONG_PHASE');
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    // Skipping during the read time closes it before it ever opens.
    await host.next('question.shown', (m) => m.index === 1);
    ok(await host.send('host.skip', {}));
    const skipped = await host.next('question.closed', (m) => m.reveal.index === 1);
    expect(skipped.reveal.distribution.answered).toBe(0);
    await h.server.clock.advance(5_000);
    expect(host.all('question.opened').map((m) => m.index)).toEqual([0]);
    expect(errorCode(await players[0]!.client.send('answer.submit', A1))).toBe('LATE');
  });

  it('lets a late joiner in with allowLateJoin: NOT_ELIGIBLE for the running question, plays the next', async () => {
    const { game: g, host, players } = await game(['Ann', 'Bob'], { allowLateJoin: true });
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    const cat = await joinPlayer(h, g.pin, 'Cat');
    expect(cat.view).toMatchObject({ phase: 'open', question: { index: 0 } });
    expect(errorCode(await cat.client.send('answer.submit', A0))).toBe('NOT_ELIGIBLE');
    // Cat sits this one out: Ann and Bob answering closes it.
    ok(await players[0]!.client.send('answer.submit', A0));
    ok(await players[1]!.client.send('answer.submit', A0));
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 2, total: 2 });
    expect(cat.client.results()).toHaveLength(0);
    await cat.client.next('question.closed');
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    await openQuestion(h, host, 1);
    expect(await cat.client.send('answer.submit', A1)).toEqual({ ok: true, index: 1, responseMs: 0 });
    ok(await players[0]!.client.send('answer.submit', A1));
    // Bob has not answered question 2: it stays open until he does.
    expect((await hostSnapshot(host)).phase).toBe('open');
    ok(await players[1]!.client.send('answer.submit', { index: 1, answer: { kind: 'choice', choice: 1 } }));
    const r = await cat.client.result();
    expect(r.result).toMatchObject({ index: 1, grade: 'correct', points: 1_000, score: 1_000 });
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    const final = await cat.client.next('player.final');
    expect(final).toMatchObject({ score: 1_000, playerCount: 3 });
  });

  it('lets a player who joins late between questions play the next one', async () => {
    const { game: g, host, players } = await game(['Ann'], { allowLateJoin: true });
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await players[0]!.client.send('answer.submit', A0));
    await host.next('question.closed');
    ok(await host.send('host.next', {}));
    const dan = await joinPlayer(h, g.pin, 'Dan');
    expect(dan.view.phase).toBe('leaderboard');
    ok(await host.send('host.next', {}));
    await openQuestion(h, host, 1);
    expect(await dan.client.send('answer.submit', A1)).toEqual({ ok: true, index: 1, responseMs: 0 });
  });

  it('refuses a join after the start without allowLateJoin: GAME_STARTED in every phase', async () => {
    const { game: g, host, players } = await game(['Ann']);
    const tryJoin = async (nickname: string) => errorCode(await (await h.client()).send('player.join', { pin: g.pin, nickname }));
    ok(await host.send('host.start', {}));
    await host.next('question.shown');
    expect(await tryJoin('Late1')).toBe('GAME_STARTED');
    await h.server.clock.advance(2_000);
    await host.next('question.opened');
    expect(await tryJoin('Late2')).toBe('GAME_STARTED');
    ok(await players[0]!.client.send('answer.submit', A0));
    await host.next('question.closed');
    expect(await tryJoin('Late3')).toBe('GAME_STARTED');
    ok(await host.send('host.next', {}));
    expect(await tryJoin('Late4')).toBe('GAME_STARTED');
    ok(await host.send('host.end', {}));
    expect(await tryJoin('Late5')).toBe('GAME_ENDED');
    expect((await hostSnapshot(host)).playerCount).toBe(1);
  });

  it('kicks a player: player.kicked, disconnected, resume refused with KICKED, nickname free again', async () => {
    const { game: g, host, players } = await game(['Ann', 'Bob']);
    const [ann, bob] = [players[0]!, players[1]!];
    const gone = disconnected(bob.client);
    ok(await host.send('host.kick', { playerId: bob.playerId }));
    const kicked = await bob.client.next('player.kicked');
    expect(kicked.seq).toBeGreaterThan(0);
    await gone;
    expect(bob.client.socket.connected).toBe(false);
    const phone = await h.client();
    expect(errorCode(await phone.send('player.resume', { pin: g.pin, sessionToken: bob.sessionToken }))).toBe('KICKED');
    expect(errorCode(await host.send('host.kick', { playerId: bob.playerId }))).toBe('UNKNOWN_PLAYER');
    await h.server.clock.advance(500);
    const list = await host.next('players.updated', (m) => m.playerCount === 1);
    expect(list.players.map((p) => p.nickname)).toEqual(['Ann']);
    expect(ann.client.all('player.kicked')).toHaveLength(0);
    // The name can be taken by someone else now.
    expect(ok(await phone.send('player.join', { pin: g.pin, nickname: 'Bob' })).view.me.nickname).toBe('Bob');
  });

  it('kicking the last player who has not answered closes the question', async () => {
    const { host, players } = await game(['Ann', 'Bob']);
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await players[0]!.client.send('answer.submit', A0));
    ok(await host.send('host.kick', { playerId: players[1]!.playerId }));
    await players[1]!.client.next('player.kicked');
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 1, total: 1 });
    expect(closed.reveal.top.map((r) => r.nickname)).toEqual(['Ann']);
  });
});
