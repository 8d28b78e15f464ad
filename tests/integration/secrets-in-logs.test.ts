import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.ts';
import { connect, type TestClient } from '../support/test-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ok, singleQuiz } from './helpers.ts';

const PASSWORD = 'a teacher password';

/** A logger at trace level whose every line is kept, as a production log would be. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('trace', { node: 'log-test' }, sink), lines };
}

/** Issue 6, point 3: host tokens, session tokens, the password and the session cookie never reach a log line. */
describe('secrets in logs', () => {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    server = undefined;
  });
  const client = async () => {
    const c = await connect((server as TestServer).url);
    clients.push(c);
    return c;
  };

  it('logs a whole game at trace level without any secret in it', async () => {
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ TEACHER_PASSWORD: PASSWORD }, { logger });
    const url = server.url;
    const post = (path: string, body: unknown, cookie = '') =>
      fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });

    expect((await post('/api/login', { password: 'not it' })).status).toBe(401);
    const login = await post('/api/login', { password: PASSWORD });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const quiz = (await (await post('/api/quizzes', singleQuiz(2, 'logs', 0, 20), cookie)).json()) as { id: string };
    const game = (await (await post('/api/games', { quizId: quiz.id }, cookie)).json()) as { pin: string; hostToken: string };

    const host = await client();
    ok(await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken }));
    const ann = await client();
    const joined = ok(await ann.send('player.join', { pin: game.pin, nickname: 'Ann' }));
    // A wrong token, a resume on a second socket, a dropped one, a results download.
    await (await client()).send('host.attach', { pin: game.pin, hostToken: `${game.hostToken.slice(0, -2)}xx` });
    const again = await client();
    ok(await again.send('player.resume', { pin: game.pin, sessionToken: joined.sessionToken }));
    again.close();
    ok(await host.send('host.start', {}));
    ok(await ann.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    await host.next('question.closed');
    await fetch(`${url}/api/games/${game.pin}/results.csv`, { headers: { 'x-host-token': game.hostToken, cookie } });
    ok(await host.send('host.end', {}));
    await server.clock.advance(1_000);
    await post('/api/logout', {}, cookie);

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('game created');
    const cookieValue = cookie.split('=')[1] ?? '';
    for (const [what, secret] of [
      ['host token', game.hostToken],
      ['session token', joined.sessionToken],
      ['password', PASSWORD],
      ['session cookie', cookieValue],
      ['cookie signature', cookieValue.split('.')[2] ?? 'none'],
    ] as const) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(log.includes(secret), `${what} in the log`).toBe(false);
    }
  });

  it('redacts token, password and cookie fields wherever a log call might put them', () => {
    const { logger, lines } = capturingLogger();
    logger.info(
      {
        hostToken: 'SECRET-1',
        payload: { sessionToken: 'SECRET-2', nested: { password: 'SECRET-3' } },
        req: { headers: { cookie: 'SECRET-4', 'x-host-token': 'SECRET-5' } },
        res: { headers: { 'set-cookie': 'SECRET-6' } },
      },
      'careless line',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/SECRET/);
    expect(lines[0]).toContain('[redacted]');
  });

  it('warns at start with TEACHER_ACCESS=open, and not by default; never logs a login link\'s token', async () => {
    const open = capturingLogger();
    server = await startTestServer({ TEACHER_ACCESS: 'open' }, { logger: open.logger });
    const warnings = open.lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
    expect(warnings.map((w) => w.msg)).toEqual([expect.stringMatching(/^TEACHER_ACCESS=open: anyone who can reach this server/)]);
    await server.close();
    const closed = capturingLogger();
    server = await startTestServer({ TRUST_PROXY: 'loopback' }, { logger: closed.logger });
    expect(closed.lines.some((l) => l.includes('TEACHER_ACCESS=open'))).toBe(false);
    // A link used once (by startTestServer), then the same token again: refused, and neither logs it.
    const token = await server.quizbus.teacher.newLoginToken();
    const login = () => fetch(`${server?.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect((await login()).status).toBe(204);
    expect((await login()).status).toBe(401);
    expect(closed.lines.some((l) => l.includes('login link refused'))).toBe(true);
    expect(closed.lines.join('\n')).not.toContain(token);
  });
});
