import { describe, expect, it } from 'vitest';
import { checkNickname } from './nickname.ts';
import { Q, TestGame } from './test-game.ts';

/**
 * The seat limit and the filtered-name replacement live in `decide`, so they hold wherever
 * the command comes from: on a cluster every join for a game is decided by its one owner,
 * in order, whichever node the player's socket is on.
 */
describe('join: seat limit and filtered nicknames', () => {
  const joinAs = (g: TestGame, nickname: string, extra: { maxPlayers?: number; nicknameBlocked?: boolean }) => {
    const playerId = `x${g.state.joinCount + 1}`;
    return g.run({ type: 'join', playerId, nickname, tokenHash: `token-${playerId}`, ...extra });
  };

  it('refuses a join past maxPlayers with GAME_FULL; kicked players free their seat', () => {
    const g = new TestGame([Q.single()]);
    const ann = g.add('Ann');
    g.add('Bob');
    const seq = g.state.seq;
    expect(joinAs(g, 'Cat', { maxPlayers: 2 })).toMatchObject({ ok: false, code: 'GAME_FULL' });
    expect(g.state.seq).toBe(seq);
    g.kick(ann);
    expect(joinAs(g, 'Cat', { maxPlayers: 2 })).toMatchObject({ ok: true });
    expect(g.state.activeCount).toBe(2);
    // Without a limit (unit setups, old commands in flight) nobody is refused.
    expect(joinAs(g, 'Dan', {})).toMatchObject({ ok: true });
  });

  it('checks the phase and the lock before the seat limit', () => {
    const g = new TestGame([Q.single()]);
    g.add('Ann');
    g.run({ type: 'lock', hostTokenHash: g.hostHash, locked: true });
    expect(joinAs(g, 'Bob', { maxPlayers: 1 })).toMatchObject({ ok: false, code: 'GAME_LOCKED' });
  });

  it('gives a filtered nickname "Player N" by join order, skipping numbers in use, and records only that', () => {
    const g = new TestGame([Q.single()]);
    g.add('Ann');
    g.add('Player 3');
    const replaced = joinAs(g, 'rude word', { nicknameBlocked: true });
    expect(replaced.ok).toBe(true);
    const joined = g.events.at(-1);
    expect(joined).toMatchObject({ type: 'player.joined', data: { nickname: 'Player 4' } });
    expect(JSON.stringify(g.events)).not.toContain('rude');
    // Two filtered names in a row never collide.
    joinAs(g, 'rude word', { nicknameBlocked: true });
    expect(g.events.at(-1)).toMatchObject({ data: { nickname: 'Player 5' } });
    // An invalid name is still refused as such, filtered or not.
    expect(joinAs(g, '\u3164', { nicknameBlocked: true })).toMatchObject({ ok: false, code: 'NICKNAME_INVALID' });
  });
});

describe('checkNickname: blank-looking names', () => {
  it.each([
    ['Hangul filler', '\u3164'],
    ['Hangul choseong filler', '\u115f'],
    ['Hangul jungseong filler', '\u1160'],
    ['half-width Hangul filler', '\uffa0'],
    ['Braille blank', '\u2800'],
    ['Mongolian vowel separator', 'a\u180eb'],
    ['line separator', 'a\u2028b'],
    ['paragraph separator', 'a\u2029b'],
    ['byte-order mark', '\ufeffAnn'],
    ['tag character', 'Ann\u{e0041}'],
    ['only a combining mark', '\u0301'],
    ['lone surrogate', 'A\ud800'],
    ['a pile of accents (Zalgo)', 'Ze\u0301\u0300\u0302\u0303\u0304\u0305'],
  ])('refuses %s', (_label, name) => {
    expect(checkNickname(name).ok).toBe(false);
  });

  it.each([
    ['emoji with presentation selector', '❤️ Ann'],
    ['keycap', '1️⃣ Team'],
    ['family emoji', '👨‍👩‍👧'],
    ['flag of Scotland', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    ['accents', 'Zoë Ñúñez'],
    ['tab between words (folded)', 'Mary\tLee'],
  ])('accepts %s', (_label, name) => {
    expect(checkNickname(name).ok).toBe(true);
  });
});
