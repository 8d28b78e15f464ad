import { describe, expect, it } from 'vitest';
import { NICKNAME_ADJECTIVES, NICKNAME_ANIMALS } from '../../server/src/games/nickname-words.ts';
import { errorCode, hostGame, hostSnapshot, joinPlayer, ok, singleQuiz, useServer } from './helpers.ts';

/** A nickname made of one adjective and one animal from the word lists. */
function isGenerated(nickname: string): boolean {
  const [adjective, animal, rest] = nickname.split(' ');
  return rest === undefined && NICKNAME_ADJECTIVES.includes(adjective ?? '') && NICKNAME_ANIMALS.includes(animal ?? '');
}

/** Issue 7, point 4: the server hands out two-word nicknames; players may re-roll three times. */
describe('generated nicknames', () => {
  const h = useServer();

  it('ignores a typed nickname and hands out a unique two-word one', async () => {
    const { game } = await hostGame(h, singleQuiz(1, 'gen', 0, 20), { generatedNicknames: true });
    const names = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const p = await joinPlayer(h, game.pin, i === 0 ? 'Typed Name' : '');
      expect(isGenerated(p.view.me.nickname)).toBe(true);
      expect(p.view.me.rerollsLeft).toBe(3);
      names.add(p.view.me.nickname.toLowerCase());
    }
    expect(names.size).toBe(12);
  });

  it('re-rolls three times in the lobby, then NO_REROLLS_LEFT; the host sees the new name', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'reroll', 0, 20), { generatedNicknames: true });
    const ann = await joinPlayer(h, game.pin, '');
    const seen = [ann.view.me.nickname];
    for (let left = 2; left >= 0; left -= 1) {
      const ack = ok(await ann.client.send('player.reroll', {}));
      expect(ack.rerollsLeft).toBe(left);
      expect(isGenerated(ack.nickname)).toBe(true);
      expect(seen).not.toContain(ack.nickname);
      seen.push(ack.nickname);
    }
    expect(errorCode(await ann.client.send('player.reroll', {}))).toBe('NO_REROLLS_LEFT');
    const last = seen.at(-1) as string;
    expect(ok(await ann.client.send('view.snapshot', {})).view).toMatchObject({ me: { nickname: last, rerollsLeft: 0 } });
    await h.server.clock.advance(600);
    expect((await hostSnapshot(host)).players.map((p) => p.nickname)).toEqual([last]);
    expect((await host.next('players.updated', (m) => m.players[0]?.nickname === last)).players).toHaveLength(1);
  });

  it('keeps nicknames once the game has started, and refuses re-rolls where they do not apply', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'started', 0, 20), { generatedNicknames: true });
    const ann = await joinPlayer(h, game.pin, '');
    ok(await host.send('host.start', {}));
    expect(errorCode(await ann.client.send('player.reroll', {}))).toBe('WRONG_PHASE');
    // Hosts, displays and sockets that have not joined cannot re-roll.
    expect(errorCode(await host.send('player.reroll', {}))).toBe('FORBIDDEN');
    const stranger = await h.client();
    expect(errorCode(await stranger.send('player.reroll', {}))).toBe('NOT_ATTACHED');
    // A game with free nicknames has no re-rolls.
    const plain = await hostGame(h, singleQuiz(1, 'plain', 0, 20));
    const bob = await joinPlayer(h, plain.game.pin, 'Bob');
    expect(bob.view.me.nickname).toBe('Bob');
    expect(bob.view.me).not.toHaveProperty('rerollsLeft');
    expect(errorCode(await bob.client.send('player.reroll', {}))).toBe('FORBIDDEN');
  });
});
