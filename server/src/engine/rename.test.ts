import { describe, expect, it } from 'vitest';
import { replay } from './evolve.ts';
import { playerView } from './projections.ts';
import { MAX_REROLLS } from './rename.ts';
import { Q, TestGame } from './test-game.ts';

/** Issue 7, point 4: re-rolling a generated nickname; the gateway picks, the engine rules. */
describe('nickname re-rolls (generatedNicknames)', () => {
  const rename = (g: TestGame, playerId: string, nickname: string) => g.run({ type: 'rename', playerId, nickname });

  it('renames a player in the lobby, frees the old name, and counts the re-rolls', () => {
    const g = new TestGame([Q.single(0)], { generatedNicknames: true });
    const ann = g.add('Brave Otter');
    expect(playerView(g.state, ann, g.now).me.rerollsLeft).toBe(MAX_REROLLS);
    expect(TestGame.ok(rename(g, ann, 'Calm Koala')).reply).toEqual({ nickname: 'Calm Koala', rerollsLeft: MAX_REROLLS - 1 });
    expect(g.events.at(-1)).toMatchObject({ type: 'player.renamed', data: { playerId: ann, nickname: 'Calm Koala' } });
    expect(playerView(g.state, ann, g.now).me).toMatchObject({ nickname: 'Calm Koala', rerollsLeft: MAX_REROLLS - 1 });
    // The old name is free again, the new one is taken.
    expect(g.join('brave otter').ok).toBe(true);
    expect(g.join('CALM KOALA')).toMatchObject({ ok: false, code: 'NICKNAME_TAKEN' });
    // A replay gives the same seat.
    expect(replay(g.events)?.players.get(ann)).toMatchObject({ nickname: 'Calm Koala', rerolls: 1 });
  });

  it(`allows ${MAX_REROLLS} re-rolls, then NO_REROLLS_LEFT`, () => {
    const g = new TestGame([Q.single(0)], { generatedNicknames: true });
    const ann = g.add('Brave Otter');
    for (let i = 0; i < MAX_REROLLS; i += 1) expect(rename(g, ann, `Calm Koala ${i}`).ok).toBe(true);
    expect(rename(g, ann, 'Calm Koala X')).toMatchObject({ ok: false, code: 'NO_REROLLS_LEFT' });
    expect(playerView(g.state, ann, g.now).me.rerollsLeft).toBe(0);
  });

  it('refuses a taken or invalid name, outside the lobby, and in games without generated nicknames', () => {
    const g = new TestGame([Q.single(0)], { generatedNicknames: true });
    const ann = g.add('Brave Otter');
    g.add('Calm Koala');
    expect(rename(g, ann, 'calm koala')).toMatchObject({ ok: false, code: 'NICKNAME_TAKEN' });
    expect(rename(g, ann, '')).toMatchObject({ ok: false, code: 'NICKNAME_INVALID' });
    expect(rename(g, 'nobody', 'Tidy Yak')).toMatchObject({ ok: false, code: 'UNKNOWN_PLAYER' });
    g.start();
    expect(rename(g, ann, 'Tidy Yak')).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    g.end();
    expect(rename(g, ann, 'Tidy Yak')).toMatchObject({ ok: false, code: 'GAME_ENDED' });

    const plain = new TestGame([Q.single(0)]);
    const bob = plain.add('Bob');
    expect(rename(plain, bob, 'Tidy Yak')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(playerView(plain.state, bob, plain.now).me).not.toHaveProperty('rerollsLeft');
  });

  it('refuses a kicked player', () => {
    const g = new TestGame([Q.single(0)], { generatedNicknames: true });
    const ann = g.add('Brave Otter');
    g.kick(ann);
    expect(rename(g, ann, 'Tidy Yak')).toMatchObject({ ok: false, code: 'KICKED' });
  });
});
