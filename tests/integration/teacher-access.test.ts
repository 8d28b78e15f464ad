import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createGame, saveQuiz } from '../support/test-client.ts';
import { errorCode, ok, singleQuiz, useServer } from './helpers.ts';

const PASSWORD = 'correct horse battery';

/** Issue 6, point 3: with TEACHER_PASSWORD the library and game creation need a login. */
describe('teacher access', () => {
  describe('with TEACHER_PASSWORD', () => {
    const h = useServer({ TEACHER_PASSWORD: PASSWORD, TRUST_PROXY: 'loopback' });

    const api = (path: string, init: RequestInit & { cookie?: string } = {}) => {
      const { cookie, ...rest } = init;
      const headers = { 'content-type': 'application/json', ...(cookie && { cookie }), ...(rest.headers as Record<string, string> | undefined) };
      return fetch(`${h.server.url}${path}`, { ...rest, headers });
    };
    const login = (password: string, headers: Record<string, string> = {}) => api('/api/login', { method: 'POST', body: JSON.stringify({ password }), headers });
    /** The session cookie from a login response, as a Cookie header value. */
    const cookieOf = (res: Response) => (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';

    it('answers the library and game creation with 401 LOGIN_REQUIRED without a session, and nothing else', async () => {
      const loginRequired = { error: { code: 'LOGIN_REQUIRED', message: expect.any(String) } };
      const quiz = JSON.stringify(singleQuiz(1, 'locked'));
      const calls: Array<[string, RequestInit]> = [
        ['/api/quizzes', {}],
        // The bundled quiz with its answers: a player could read them before the game.
        ['/api/quizzes/general-knowledge', {}],
        ['/api/quizzes', { method: 'POST', body: quiz }],
        ['/api/quizzes/general-knowledge', { method: 'PUT', body: quiz }],
        ['/api/quizzes/general-knowledge', { method: 'DELETE' }],
        ['/api/games', { method: 'POST', body: JSON.stringify({ quizId: 'general-knowledge' }) }],
      ];
      for (const [path, init] of calls) {
        const res = await api(path, init);
        expect(res.status, `${init.method ?? 'GET'} ${path}`).toBe(401);
        expect(await res.json()).toEqual(loginRequired);
      }
      // What players and screens need stays open.
      for (const path of ['/api/server-info', '/healthz', '/']) expect((await api(path)).status, path).toBe(200);
      expect(await (await api('/api/session')).json()).toEqual({ access: 'login', passwordRequired: true, loggedIn: false, thisMachine: false, anyReport: false });
    });

    it('logs in with the password: an httpOnly SameSite=Strict cookie, Secure behind https; the cookie opens the API', async () => {
      const wrong = await login('wrong password');
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
      expect(wrong.headers.getSetCookie()).toEqual([]);

      const res = await login(PASSWORD);
      expect(res.status).toBe(204);
      const setCookie = res.headers.getSetCookie()[0] ?? '';
      expect(setCookie).toMatch(/^quizbus_teacher=[\w.-]+; Max-Age=43200; Path=\/; Expires=.*; HttpOnly; SameSite=Strict$/);
      expect(setCookie).not.toContain('Secure');
      const viaHttps = await login(PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(viaHttps.headers.getSetCookie()[0]).toMatch(/; Secure/);

      const cookie = cookieOf(res);
      expect(await (await api('/api/session', { cookie })).json()).toEqual({ access: 'login', passwordRequired: true, loggedIn: true, thisMachine: false, anyReport: true });
      expect((await api('/api/quizzes', { cookie })).status).toBe(200);
      const created = await api('/api/quizzes', { method: 'POST', body: JSON.stringify(singleQuiz(1, 'mine')), cookie });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const game = await api('/api/games', { method: 'POST', body: JSON.stringify({ quizId: id }), cookie });
      expect(game.status).toBe(201);
      const { pin, hostToken } = (await game.json()) as { pin: string; hostToken: string };

      // The host console needs no cookie: its socket attaches with the host token.
      const host = await h.client();
      ok(await host.send('host.attach', { pin, hostToken }));
      const csv = await fetch(`${h.server.url}/api/games/${pin}/results.csv`, { headers: { 'x-host-token': hostToken } });
      expect(csv.status).toBe(200);

      // A forged or altered cookie opens nothing.
      const [name, value = ''] = cookie.split('=');
      const [expiry, nonce, mac] = value.split('.');
      const forged = [`${name}=${Number(expiry) + 1e9}.${nonce}.${mac}`, `${name}=${expiry}.${nonce}.${'A'.repeat(mac?.length ?? 43)}`, `${name}=x`, 'quizbus_teacher='];
      for (const c of forged) expect((await api('/api/quizzes', { cookie: c })).status, c).toBe(401);
    });

    it('ends a session at logout and after twelve hours', async () => {
      const cookie = cookieOf(await login(PASSWORD));
      const out = await api('/api/logout', { method: 'POST', cookie });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie()[0]).toMatch(/^quizbus_teacher=; Path=\/; Expires=Thu, 01 Jan 1970/);
      expect((await api('/api/quizzes', { cookie })).status).toBe(401);

      const later = cookieOf(await login(PASSWORD));
      expect((await api('/api/quizzes', { cookie: later })).status).toBe(200);
      await h.server.clock.advance(12 * 60 * 60_000);
      expect((await api('/api/quizzes', { cookie: later })).status).toBe(401);
    });

    it('limits login attempts per address: 10, then 429 with Retry-After, even with the right password', async () => {
      const client = { 'x-forwarded-for': '203.0.113.20' };
      for (let i = 0; i < 10; i += 1) expect((await login(`guess ${i}`, client)).status).toBe(401);
      const refused = await login(PASSWORD, client);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      // Another address is not affected; the first one gets a try back after 90 s.
      expect((await login(PASSWORD, { 'x-forwarded-for': '203.0.113.21' })).status).toBe(204);
      await h.server.clock.advance(90_000);
      expect((await login(PASSWORD, client)).status).toBe(204);
    });

    it('refuses a malformed login body without a hint', async () => {
      for (const body of ['{}', '{"password": 5}', '{"password": "x", "admin": true}', '[]']) {
        const res = await api('/api/login', { method: 'POST', body });
        expect(res.status, body).toBe(401);
      }
    });
  });

  describe('with TEACHER_ACCESS=open (single-user setup)', () => {
    const h = useServer({ TEACHER_ACCESS: 'open' });

    it('leaves the library and game creation open, and says so', async () => {
      const quizId = await saveQuiz(h.server.url, singleQuiz(1, 'open'));
      const game = await createGame(h.server.url, quizId);
      const host = await h.client();
      ok(await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken }));
      // Everyone is the teacher, so a report still needs its host token.
      expect(await (await fetch(`${h.server.url}/api/session`)).json()).toEqual({ access: 'open', passwordRequired: false, loggedIn: true, thisMachine: false, anyReport: false });
      const report = await fetch(`${h.server.url}/api/reports/${game.gameId}`);
      expect(report.status).toBe(401);
      // No login would open it here: the answer says so rather than asking for one.
      expect(((await report.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      expect((await fetch(`${h.server.url}/api/reports/${game.gameId}`, { headers: { 'x-host-token': game.hostToken } })).status).toBe(200);
      // Logging in is a no-op; nothing to refuse.
      expect((await fetch(`${h.server.url}/api/login`, { method: 'POST' })).status).toBe(204);
      // A host token is still needed to host.
      expect(errorCode(await (await h.client()).send('host.attach', { pin: game.pin, hostToken: 'z'.repeat(43) }))).toBe('UNAUTHORIZED');
    });
  });

  describe('by default (no TEACHER_PASSWORD, no TEACHER_ACCESS)', () => {
    const h = useServer();

    it('counts a request from the machine itself as the teacher, by address and by Host', async () => {
      const quizId = await saveQuiz(h.server.url, singleQuiz(1, 'local'));
      const game = await createGame(h.server.url, quizId);
      expect(await (await fetch(`${h.server.url}/api/session`)).json()).toEqual({ access: 'login', passwordRequired: false, loggedIn: true, thisMachine: true, anyReport: true });
      expect((await fetch(`${h.server.url}/api/reports/${game.gameId}`)).status).toBe(200);
      // A page that rebinds its own name to 127.0.0.1 sends its own Host: not the teacher.
      expect(await rawStatus(h.server.url, '/api/quizzes', 'evil.example')).toBe(401);
      expect(await rawStatus(h.server.url, '/api/quizzes', 'localhost')).toBe(200);
    });
  });

  describe('by default behind a proxy (TRUST_PROXY)', () => {
    const h = useServer({ TRUST_PROXY: 'loopback' });

    it('does not count loopback as the teacher: everyone arrives from the proxy', async () => {
      for (const headers of [{}, { 'x-forwarded-for': '127.0.0.1' }, { 'x-forwarded-for': '192.0.2.10' }] as Array<Record<string, string>>) {
        expect((await fetch(`${h.server.url}/api/quizzes`, { headers })).status, JSON.stringify(headers)).toBe(401);
      }
      expect(await (await fetch(`${h.server.url}/api/session`)).json()).toEqual({ access: 'login', passwordRequired: false, loggedIn: false, thisMachine: false, anyReport: false });
    });
  });
});

/** A GET with a chosen Host header (fetch always sends the URL's own). */
function rawStatus(base: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
