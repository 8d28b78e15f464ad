import { describe, expect, it } from 'vitest';
import { errorCode, hostGame, hostSnapshot, ok, singleQuiz, useServer } from './helpers.ts';

/** Nicknames: trimmed, 1–24 characters, no control or invisible characters, unique ignoring case and width. */
describe('nicknames', () => {
  const h = useServer();

  async function lobby() {
    return hostGame(h, singleQuiz(1, 'nick', 0, 20));
  }

  async function join(pin: string, nickname: string) {
    const c = await h.client();
    return c.send('player.join', { pin, nickname });
  }

  it('trims the nickname and folds inner runs of spaces', async () => {
    const { game, host } = await lobby();
    const ann = ok(await join(game.pin, '   Ann  '));
    expect(ann.view.me.nickname).toBe('Ann');
    const lee = ok(await join(game.pin, ' Mary   Lee\t'));
    expect(lee.view.me.nickname).toBe('Mary Lee');
    await h.server.clock.advance(500);
    const list = await host.next('players.updated', (m) => m.playerCount === 2);
    expect(list.players.map((p) => p.nickname)).toEqual(['Mary Lee', 'Ann']);
  });

  it('accepts 1 to 24 characters, counted as characters, and refuses empty or longer names', async () => {
    const { game, host } = await lobby();
    expect(ok(await join(game.pin, 'A')).view.me.nickname).toBe('A');
    expect(ok(await join(game.pin, 'x'.repeat(24))).view.me.nickname).toBe('x'.repeat(24));
    // 24 emoji are 48 UTF-16 units but 24 characters.
    expect(ok(await join(game.pin, '🦊'.repeat(24))).view.me.nickname).toBe('🦊'.repeat(24));
    // A zero-width joiner that glues emoji into one is part of the emoji, not an invisible character.
    expect(ok(await join(game.pin, 'Team 👨\u200d👩\u200d👧')).view.me.nickname).toBe('Team 👨\u200d👩\u200d👧');
    const before = await hostSnapshot(host);
    expect(errorCode(await join(game.pin, ''))).toBe('NICKNAME_INVALID');
    expect(errorCode(await join(game.pin, '     '))).toBe('NICKNAME_INVALID');
    expect(errorCode(await join(game.pin, 'y'.repeat(25)))).toBe('NICKNAME_INVALID');
    expect(errorCode(await join(game.pin, '🦊'.repeat(25)))).toBe('NICKNAME_INVALID');
    // Beyond the wire limit (200) the payload itself is refused.
    expect(errorCode(await join(game.pin, 'z'.repeat(201)))).toBe('BAD_REQUEST');
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after.playerCount).toBe(4);
  });

  it('counts graphemes: 24 family emoji are 24 characters, 30 emoji are too many', async () => {
    const { game, host } = await lobby();
    // 👨‍👩‍👧 is five code points joined by zero-width joiners: one character to a reader.
    const families = '👨\u200d👩\u200d👧'.repeat(24);
    expect(ok(await join(game.pin, families)).view.me.nickname).toBe(families);
    expect(ok(await join(game.pin, 'Zoe\u0308'.repeat(6))).view.me.nickname).toBe('Zoë'.repeat(6));
    const before = await hostSnapshot(host);
    expect(errorCode(await join(game.pin, '🦊'.repeat(30)))).toBe('NICKNAME_INVALID');
    expect(errorCode(await join(game.pin, '👍🏽'.repeat(25)))).toBe('NICKNAME_INVALID');
    expect((await hostSnapshot(host)).playerCount).toBe(before.playerCount);
  });

  it('refuses control and zero-width or invisible format characters with NICKNAME_INVALID', async () => {
    const { game, host } = await lobby();
    const before = await hostSnapshot(host);
    const bad = [
      'Ann\u0000', // NUL
      'A\u0007nn', // bell
      '\u001b[31mAnn', // escape sequence
      'Ann\u007f', // DEL
      'An\u0085n', // next line (C1 control)
      'An\u200bn', // zero-width space
      'Ann\u200b', // trailing zero-width space survives trim: still refused
      '\u200cAnn', // zero-width non-joiner
      'A\u200dnn', // zero-width joiner
      'An\u2060n', // word joiner
      '\u202eAnn', // right-to-left override
      'An\u00adn', // soft hyphen
      '\u200b', // nothing visible at all
    ];
    for (const nickname of bad) expect(errorCode(await join(game.pin, nickname)), JSON.stringify(nickname)).toBe('NICKNAME_INVALID');
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after.playerCount).toBe(0);
  });

  it('refuses a nickname taken up to case, width and Unicode normalisation with NICKNAME_TAKEN', async () => {
    const { game, host } = await lobby();
    ok(await join(game.pin, 'Ann'));
    ok(await join(game.pin, 'Zoé'));
    const before = await hostSnapshot(host);
    expect(errorCode(await join(game.pin, 'ann'))).toBe('NICKNAME_TAKEN');
    expect(errorCode(await join(game.pin, 'ANN'))).toBe('NICKNAME_TAKEN');
    expect(errorCode(await join(game.pin, 'ＡＮＮ'))).toBe('NICKNAME_TAKEN'); // full-width
    expect(errorCode(await join(game.pin, 'ａｎｎ'))).toBe('NICKNAME_TAKEN');
    expect(errorCode(await join(game.pin, '  ann  '))).toBe('NICKNAME_TAKEN');
    expect(errorCode(await join(game.pin, 'Zoe\u0301'))).toBe('NICKNAME_TAKEN'); // decomposed é
    expect(errorCode(await join(game.pin, 'ZOÉ'))).toBe('NICKNAME_TAKEN');
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after.players.map((p) => p.nickname)).toEqual(['Zoé', 'Ann']);
    // Similar but different names are fine.
    expect(ok(await join(game.pin, 'Anna')).view.me.nickname).toBe('Anna');
    expect(ok(await join(game.pin, 'Zoe')).view.me.nickname).toBe('Zoe');
  });

  it('takes HTML as plain text: stored and sent back exactly as typed', async () => {
    const { game, host } = await lobby();
    const b = ok(await join(game.pin, '<b>x</b>'));
    expect(b.view.me.nickname).toBe('<b>x</b>');
    const img = ok(await join(game.pin, '<img src=x onerror=a()>'));
    expect(img.view.me.nickname).toBe('<img src=x onerror=a()>');
    const amp = ok(await join(game.pin, 'Tom & "Jerry"'));
    expect(amp.view.me.nickname).toBe('Tom & "Jerry"');
    await h.server.clock.advance(500);
    const list = await host.next('players.updated', (m) => m.playerCount === 3);
    expect(list.players.map((p) => p.nickname)).toEqual(['Tom & "Jerry"', '<img src=x onerror=a()>', '<b>x</b>']);
    // Taken-ness applies to the text as such.
    expect(errorCode(await join(game.pin, '<B>X</B>'))).toBe('NICKNAME_TAKEN');
  });
});
