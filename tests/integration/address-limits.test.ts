import { describe, expect, it } from 'vitest';
import { createGame, saveQuiz } from '../support/test-client.ts';
import { errorCode, hostGame, hostSnapshot, joinPlayer, ok, singleQuiz, useServer } from './helpers.ts';

/** A client address as a trusted proxy would forward it. */
const from = (address: string) => ({ 'x-forwarded-for': address });

/** `n` well-formed PINs that are not `pin`. */
const wrongPins = (n: number, pin: string) => Array.from({ length: n + 1 }, (_, i) => String(i).padStart(6, '0')).filter((p) => p !== pin).slice(0, n);

/** Issue 6, limits per client address: PIN guessing, joins, game creation. */
describe('limits per address', () => {
  describe('with the defaults and no trusted proxy', () => {
    const h = useServer();

    it('refuses PIN commands with RATE_LIMITED after 30 wrong PINs from one address, even with the right PIN', async () => {
      const { game, host } = await hostGame(h, singleQuiz(1, 'pin', 0, 20));
      const guesser = await h.client();
      for (const pin of wrongPins(30, game.pin)) expect(errorCode(await guesser.send('player.join', { pin, nickname: 'Eve' }))).toBe('GAME_NOT_FOUND');
      // Now even the right PIN is refused, before the lookup, on every PIN command and every socket of that address.
      expect(errorCode(await guesser.send('player.join', { pin: game.pin, nickname: 'Eve' }))).toBe('RATE_LIMITED');
      const other = await h.client();
      expect(errorCode(await other.send('display.attach', { pin: game.pin }))).toBe('RATE_LIMITED');
      expect(errorCode(await other.send('player.resume', { pin: game.pin, sessionToken: 'x'.repeat(43) }))).toBe('RATE_LIMITED');
      // A forwarded address is not believed without TRUST_PROXY: spoofing the header does not help.
      const spoofer = await h.client(from('198.51.100.9'));
      expect(errorCode(await spoofer.send('player.join', { pin: game.pin, nickname: 'Eve' }))).toBe('RATE_LIMITED');
      expect((await hostSnapshot(host)).playerCount).toBe(0);
      // Thirty a minute: two seconds later one more try is allowed.
      await h.server.clock.advance(2_000);
      expect(ok(await guesser.send('player.join', { pin: game.pin, nickname: 'Eve' })).view.me.nickname).toBe('Eve');
    });

    it('counts wrong host and session tokens as guesses too', async () => {
      const { game } = await hostGame(h, singleQuiz(1, 'tok', 0, 20));
      const c = await h.client();
      for (let n = 0; n < 15; n += 1) {
        expect(errorCode(await c.send('host.attach', { pin: game.pin, hostToken: `${'h'.repeat(40)}${n}` }))).toBe('UNAUTHORIZED');
        expect(errorCode(await c.send('player.resume', { pin: game.pin, sessionToken: `${'s'.repeat(40)}${n}` }))).toBe('UNAUTHORIZED');
      }
      expect(errorCode(await c.send('host.attach', { pin: game.pin, hostToken: game.hostToken }))).toBe('RATE_LIMITED');
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=loopback), with small limits', () => {
    const h = useServer({ TRUST_PROXY: 'loopback', JOINS_PER_MINUTE: '5', GAMES_PER_HOUR: '3', PIN_MISSES_PER_MINUTE: '3' });

    it('limits joins per forwarded address, not per proxy', async () => {
      const { game, host } = await hostGame(h, singleQuiz(1, 'join', 0, 20));
      const codes: string[] = [];
      for (let n = 0; n < 6; n += 1) {
        const c = await h.client(from('203.0.113.7'));
        const ack = await c.send('player.join', { pin: game.pin, nickname: `Kid ${n}` });
        codes.push(ack.ok ? 'ok' : errorCode(ack));
      }
      expect(codes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
      // Another address behind the same proxy is not affected.
      const neighbour = await h.client(from('203.0.113.8'));
      ok(await neighbour.send('player.join', { pin: game.pin, nickname: 'Neighbour' }));
      // IPv6 counts by /64: a phone cannot dodge the limit by changing its interface id.
      const phones = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:aaaa::3'];
      for (const [i, a] of phones.entries()) ok(await (await h.client(from(a))).send('player.join', { pin: game.pin, nickname: `Six ${i}` }));
      ok(await (await h.client(from('2001:db8:1:2:ffff::1'))).send('player.join', { pin: game.pin, nickname: 'Six 3' }));
      ok(await (await h.client(from('2001:db8:1:2::9'))).send('player.join', { pin: game.pin, nickname: 'Six 4' }));
      expect(errorCode(await (await h.client(from('2001:db8:1:2::10'))).send('player.join', { pin: game.pin, nickname: 'Six 5' }))).toBe('RATE_LIMITED');
      expect((await hostSnapshot(host)).playerCount).toBe(11);
    });

    it('limits wrong PINs per forwarded address', async () => {
      const { game } = await hostGame(h, singleQuiz(1, 'miss', 0, 20));
      const guesser = await h.client(from('192.0.2.50'));
      for (const pin of wrongPins(3, game.pin)) expect(errorCode(await guesser.send('display.attach', { pin }))).toBe('GAME_NOT_FOUND');
      expect(errorCode(await guesser.send('display.attach', { pin: game.pin }))).toBe('RATE_LIMITED');
      ok(await (await h.client(from('192.0.2.51'))).send('display.attach', { pin: game.pin }));
    });

    it('limits game creation per forwarded address over HTTP with 429 and Retry-After', async () => {
      const quizId = await saveQuiz(h.server.url, singleQuiz(1, 'games'), h.server.teacher);
      // Teachers (logged in) behind the proxy, each from an address of their own.
      const post = (address: string) =>
        fetch(`${h.server.url}/api/games`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...from(address), ...h.server.teacher },
          body: JSON.stringify({ quizId }),
        });
      for (let n = 0; n < 3; n += 1) expect((await post('198.51.100.1')).status).toBe(201);
      const refused = await post('198.51.100.1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('Too many games') } });
      expect((await post('198.51.100.2')).status).toBe(201);
      // Twenty minutes give back one game (three an hour).
      await h.server.clock.advance(20 * 60_000);
      expect((await post('198.51.100.1')).status).toBe(201);
    });
  });

  describe('seats and games (MAX_PLAYERS_PER_GAME=3, MAX_GAMES_PER_NODE=2)', () => {
    const h = useServer({ MAX_PLAYERS_PER_GAME: '3', MAX_GAMES_PER_NODE: '2' });

    it('refuses a fourth player with GAME_FULL, and seats one again after a kick', async () => {
      const { game, host } = await hostGame(h, singleQuiz(1, 'full', 0, 20), { allowLateJoin: true });
      const ann = await joinPlayer(h, game.pin, 'Ann');
      await joinPlayer(h, game.pin, 'Bob');
      await joinPlayer(h, game.pin, 'Cat');
      const dan = await h.client();
      const refused = await dan.send('player.join', { pin: game.pin, nickname: 'Dan' });
      expect(errorCode(refused)).toBe('GAME_FULL');
      // Seats already taken are kept: a resume is not a join.
      const again = await h.client();
      ok(await again.send('player.resume', { pin: game.pin, sessionToken: ann.sessionToken }));
      ok(await host.send('host.kick', { playerId: ann.playerId }));
      ok(await dan.send('player.join', { pin: game.pin, nickname: 'Dan' }));
      expect((await hostSnapshot(host)).playerCount).toBe(3);
    });

    it('refuses a third game on the node with 503 TOO_MANY_GAMES', async () => {
      const quizId = await saveQuiz(h.server.url, singleQuiz(1, 'cap'));
      await createGame(h.server.url, quizId);
      await createGame(h.server.url, quizId);
      const res = await fetch(`${h.server.url}/api/games`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ quizId }) });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'TOO_MANY_GAMES', message: expect.any(String) } });
    });
  });
});
