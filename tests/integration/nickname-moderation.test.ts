import { describe, expect, it } from 'vitest';
import { disconnected, errorCode, hostGame, hostSnapshot, joinPlayer, ok, singleQuiz, useServer } from './helpers.ts';

/**
 * Issue 6: names a class should not see. A filtered nickname becomes a neutral "Player N"
 * (not an error a student could use to probe the list); blank-looking names are refused; a
 * kicked player stays out with their token.
 */
describe('nickname moderation', () => {
  const h = useServer({ NICKNAME_BLOCKLIST: 'rhubarb,*custard*' });

  async function join(pin: string, nickname: string) {
    const c = await h.client();
    return c.send('player.join', { pin, nickname });
  }

  it('replaces a filtered nickname with "Player N", however it is dressed up', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'mod', 0, 20));
    ok(await join(game.pin, 'Ann'));
    const dressed = ['f.u.c.k', 'SH1T', 'a$$', 'ＦＵＣＫ', 'ѕhit', 'Fuuuuck you', 'Rhubarb', 'xxCUSTARDxx', 'c u s t a r d'];
    const names: string[] = [];
    for (const n of dressed) names.push(ok(await join(game.pin, n)).view.me.nickname);
    expect(names).toEqual(['Player 2', 'Player 3', 'Player 4', 'Player 5', 'Player 6', 'Player 7', 'Player 8', 'Player 9', 'Player 10']);
    // Innocent names that contain a listed word's letters are left alone.
    for (const n of ['Cassandra', 'Scunthorpe', 'Mississippi', 'Rhubarbara']) expect(ok(await join(game.pin, n)).view.me.nickname).toBe(n);
    // A student may call themselves "Player 16"; the filtered name that would get it takes the next number.
    expect(ok(await join(game.pin, 'Player 16')).view.me.nickname).toBe('Player 16');
    expect(ok(await join(game.pin, 'bitch')).view.me.nickname).toBe('Player 17');
    expect(ok(await join(game.pin, 'Bitch!')).view.me.nickname).toBe('Player 18');
    await h.server.clock.advance(500);
    const list = await host.next('players.updated', (m) => m.playerCount === 17);
    const text = JSON.stringify(list).toLowerCase();
    for (const word of ['fuck', 'shit', 'ass"', 'rhubarb"', 'custard', 'bitch']) expect(text).not.toContain(word);
  });

  it('refuses blank-looking nicknames and line or paragraph separators with NICKNAME_INVALID', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'blank', 0, 20));
    const blank = [
      '\u3164', // Hangul filler
      '\u3164\u3164\u3164',
      '\u115f', // Hangul choseong filler
      '\u1160', // Hangul jungseong filler
      '\uffa0', // half-width Hangul filler
      '\u2800', // Braille blank
      '\u2800\u2800',
      'A\u3164B',
      '\u180e', // Mongolian vowel separator
      'Ann\u180e',
      'Ann\u2028', // line separator
      '\u2029Ann', // paragraph separator
      'An\u2028n',
      '\ufeffAnn', // byte-order mark, leading
      'Ann\ufeff',
      '\u034f', // combining grapheme joiner
      'A\ufe0f', // variation selector on a letter is fine…
    ];
    const codes: string[] = [];
    for (const n of blank) {
      const ack = await join(game.pin, n);
      codes.push(ack.ok ? `ok ${ack.view.me.nickname}` : errorCode(ack));
    }
    expect(codes.slice(0, -1)).toEqual(Array(blank.length - 1).fill('NICKNAME_INVALID'));
    // …only because it follows a visible character; emoji still work.
    expect(codes.at(-1)).toBe('ok A\ufe0f');
    expect(ok(await join(game.pin, '❤️ Ann')).view.me.nickname).toBe('❤️ Ann');
    expect((await hostSnapshot(host)).playerCount).toBe(2);
  });

  it('keeps a kicked player out: their token gets KICKED, on any socket, and the seat is not theirs again', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'kick', 0, 20));
    const ann = await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('host.kick', { playerId: ann.playerId }));
    await ann.client.next('player.kicked');
    await disconnected(ann.client);
    for (let i = 0; i < 2; i += 1) {
      const back = await h.client();
      expect(errorCode(await back.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken }))).toBe('KICKED');
      expect(errorCode(await back.send('view.snapshot', {}))).toBe('NOT_ATTACHED');
    }
    expect((await hostSnapshot(host)).players).toEqual([]);
    // Joining afresh is a new player (the host locks the game to stop that).
    ok(await host.send('host.lock', { locked: true }));
    expect(errorCode(await join(game.pin, 'Ann again'))).toBe('GAME_LOCKED');
  });
});
