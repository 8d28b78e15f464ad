import { describe, expect, it } from 'vitest';
import { errorCode, hostGame, hostSnapshot, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

const answer = (index: number, choice = 0) => ({ index, answer: { kind: 'choice' as const, choice } });

/** Issue 7, point 5: late joining (allowLateJoin) and the host's lock. */
describe('late join and lock', () => {
  const h = useServer();

  it('starts a late joiner at 0 points, ranked last, playing from the next question', async () => {
    const { game, host } = await hostGame(h, singleQuiz(2, 'late', 0, 20), { allowLateJoin: true });
    const ann = await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await ann.client.send('answer.submit', answer(0)));
    await host.next('question.closed');
    // Cat comes in while the reveal is on screen: 0 points, ranked after Ann.
    const cat = await joinPlayer(h, game.pin, 'Cat');
    expect(cat.view.phase).toBe('closed');
    expect(cat.view.me).toMatchObject({ score: 0, streak: 0, rank: 2 });
    expect(cat.view.result).toBeUndefined();
    expect(errorCode(await cat.client.send('answer.submit', answer(0)))).toBe('LATE');
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));
    await openQuestion(h, host, 1);
    ok(await cat.client.send('answer.submit', answer(1)));
    ok(await ann.client.send('answer.submit', answer(1, 1)));
    const result = await cat.client.result();
    expect(result.result).toMatchObject({ index: 1, grade: 'correct', points: 1000, score: 1000 });
  });

  it('lets the host lock and unlock joining, in the lobby and during a game', async () => {
    const { game, host } = await hostGame(h, singleQuiz(2, 'lock', 0, 20), { allowLateJoin: true });
    const ann = await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('host.lock', { locked: true }));
    await h.server.clock.advance(600);
    expect((await hostSnapshot(host)).locked).toBe(true);
    await host.next('players.updated', (m) => m.locked);
    const bob = await h.client();
    expect(errorCode(await bob.send('player.join', { pin: game.pin, nickname: 'Bob' }))).toBe('GAME_LOCKED');
    // A seat already taken is not locked out.
    const annAgain = await h.client();
    ok(await annAgain.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken }));
    ok(await host.send('host.lock', { locked: false }));
    expect((await hostSnapshot(host)).locked).toBe(false);
    ok(await bob.send('player.join', { pin: game.pin, nickname: 'Bob' }));

    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await host.send('host.lock', { locked: true }));
    const cat = await h.client();
    expect(errorCode(await cat.send('player.join', { pin: game.pin, nickname: 'Cat' }))).toBe('GAME_LOCKED');
    ok(await host.send('host.lock', { locked: false }));
    ok(await cat.send('player.join', { pin: game.pin, nickname: 'Cat' }));
    expect((await hostSnapshot(host)).playerCount).toBe(3);
  });
});
