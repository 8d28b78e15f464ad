import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinBaseUrl, reachableBaseUrls } from '../../server/src/network-urls.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const quiz = {
  title: 'HTTP <b>quiz</b>',
  questions: [{ type: 'single', text: 'Which?', options: ['a', 'b'], correct: 1 }],
};

async function json(res: Response): Promise<unknown> {
  return JSON.parse(await res.text()) as unknown;
}

describe('HTTP API', () => {
  let server: TestServer;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  beforeEach(async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://quiz.school.example/' });
  });
  afterEach(async () => {
    await server.close();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await call('/healthz')).status).toBe(200);
    expect(await json(await call('/readyz'))).toEqual({ ok: true });
  });

  it('lists the bundled quizzes read-only, with the starter quiz', async () => {
    const list = (await json(await call('/api/quizzes'))) as Array<{ id: string; questionCount: number; readOnly: boolean }>;
    expect(list.find((q) => q.id === 'event-driven-architecture')).toMatchObject({ readOnly: true });
    expect(list.every((q) => q.questionCount > 0)).toBe(true);
    const res = await call('/api/quizzes/event-driven-architecture', { method: 'PUT', body: JSON.stringify(quiz) });
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ error: { code: 'READ_ONLY' } });
  });

  it('creates, reads, replaces and deletes a teacher\'s quiz, kept as a file under DATA_DIR', async () => {
    const created = await call('/api/quizzes', { method: 'POST', body: JSON.stringify(quiz) });
    expect(created.status).toBe(201);
    const { id } = (await json(created)) as { id: string };
    expect(id).toMatch(/^http-b-quiz-b-[a-z0-9x]{6}$/);
    const file = JSON.parse(await readFile(join(server.dataDir, 'quizzes', `${id}.json`), 'utf8')) as { quiz: { title: string } };
    expect(file.quiz.title).toBe('HTTP <b>quiz</b>');
    expect(await json(await call(`/api/quizzes/${id}`))).toMatchObject({ id, title: 'HTTP <b>quiz</b>', questions: [{ id: 'q1', correct: 1 }] });
    const replaced = await call(`/api/quizzes/${id}`, { method: 'PUT', body: JSON.stringify({ ...quiz, title: 'Renamed' }) });
    expect(await json(replaced)).toMatchObject({ id, title: 'Renamed' });
    expect((await call(`/api/quizzes/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/quizzes/${id}`)).status).toBe(404);
  });

  it('refuses an invalid quiz with 400 and the issues listed, and stores nothing', async () => {
    const bad = { title: '', questions: [{ type: 'single', text: 'x', options: ['only one'], correct: 3 }] };
    const res = await call('/api/quizzes', { method: 'POST', body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const body = (await json(res)) as { error: { code: string; issues: Array<{ path: Array<string | number> }> } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['title', 'questions.0.options']));
    const list = (await json(await call('/api/quizzes'))) as Array<{ readOnly: boolean }>;
    expect(list.filter((q) => !q.readOnly)).toEqual([]);
  });

  it('answers malformed JSON and unknown routes with JSON errors, never a stack', async () => {
    const broken = await call('/api/quizzes', { method: 'POST', body: '{"title":' });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(await json(await call('/api/nothing'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await call('/api/quizzes/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('creates games with unique 6-digit PINs and join links on PUBLIC_URL', async () => {
    const games = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await call('/api/games', { method: 'POST', body: JSON.stringify({ quizId: 'general-knowledge', options: { accuracyMode: true } }) });
        expect(res.status).toBe(201);
        return (await json(res)) as { pin: string; hostToken: string; joinUrl: string };
      }),
    );
    expect(new Set(games.map((g) => g.pin)).size).toBe(20);
    for (const g of games) {
      expect(g.pin).toMatch(/^\d{6}$/);
      expect(g.hostToken.length).toBeGreaterThanOrEqual(40);
      expect(g.joinUrl).toBe(`https://quiz.school.example/?pin=${g.pin}`);
    }
    expect((await call('/api/games', { method: 'POST', body: JSON.stringify({ quizId: 'no-such-quiz' }) })).status).toBe(404);
    expect((await call('/api/games', { method: 'POST', body: JSON.stringify({ quizId: 'general-knowledge', options: { accuracyMode: 'yes' } }) })).status).toBe(400);
  });
});

describe('addresses printed at start', () => {
  it('uses PUBLIC_URL for joining when set, else a network address, never localhost when bound to all', () => {
    expect(joinBaseUrl('https://quiz.example/', '0.0.0.0', 3000)).toBe('https://quiz.example');
    expect(reachableBaseUrls('192.168.1.20', 3000)).toEqual(['http://192.168.1.20:3000']);
    const all = reachableBaseUrls('0.0.0.0', 3000);
    expect(all.length).toBeGreaterThan(0);
    for (const u of all) expect(u).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:3000$/);
    expect(joinBaseUrl(undefined, '0.0.0.0', 3000)).toBe(all[0]);
  });
});

describe('GET /metrics', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('counts commands by type and outcome, sockets and live games, in Prometheus format', async () => {
    const { connect, createGame } = await import('../support/test-client.ts');
    const game = await createGame(server.url, 'general-knowledge');
    const phone = await connect(server.url);
    try {
      expect((await phone.send('player.join', { pin: game.pin, nickname: 'Ann' })).ok).toBe(true);
      expect((await phone.send('player.join', { pin: '000000', nickname: 'Ann' })).ok).toBe(false);
      const res = await fetch(`${server.url}/metrics`);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toMatch(/quizbus_commands_total\{command="player\.join",outcome="ok",node="[^"]+"\} 1/);
      expect(text).toMatch(/quizbus_commands_total\{command="player\.join",outcome="GAME_NOT_FOUND",node="[^"]+"\} 1/);
      expect(text).toMatch(/quizbus_connected_sockets\{node="[^"]+"\} 1/);
      expect(text).toMatch(/quizbus_live_games\{node="[^"]+"\} 1/);
      expect(text).toMatch(/quizbus_events_published_total\{node="[^"]+"\} 2/);
      expect(text).toContain('quizbus_command_seconds_bucket');
    } finally {
      phone.close();
    }
  });
});
