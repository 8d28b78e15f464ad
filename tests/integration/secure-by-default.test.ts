import ExcelJS from 'exceljs';
import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import type { Frame } from '../support/test-client.ts';
import { allTypesQuiz, ANSWER_KEYS, attachDisplay, hasNumber, hostGame, joinPlayer, keysIn, ok, openQuestion, SECRETS, TYPES, useServer } from './helpers.ts';

/**
 * Issue 21: in the default configuration (no TEACHER_PASSWORD, no TEACHER_ACCESS) a student on
 * the network reaches nothing of the teacher's. The students come from 192.0.2.x (TEST-NET)
 * through the trusted-proxy path (TRUST_PROXY=loopback, X-Forwarded-For), which also switches
 * "this machine is the teacher" off; the teacher uses a session from a one-time login link.
 */

/** Every HTTP route, by who may use it. A route missing here fails the test until it is placed. */
const ROUTES: Record<string, 'teacher' | 'host token' | 'anyone'> = {
  'GET /metrics': 'anyone',
  'GET /api/session': 'anyone',
  'POST /api/login': 'anyone',
  'POST /api/logout': 'anyone',
  'GET /api/quizzes/template.csv': 'anyone',
  'GET /api/quizzes/template.xlsx': 'anyone',
  'POST /api/quizzes/import': 'teacher',
  'GET /api/quizzes/:id/export': 'teacher',
  'GET /api/reports/:gameId': 'teacher',
  'GET /api/reports/:gameId/export': 'teacher',
  'GET /api/quizzes/:id/reports': 'teacher',
  'GET /healthz': 'anyone',
  'GET /readyz': 'anyone',
  'POST /api/games': 'teacher',
  'GET /api/quizzes': 'teacher',
  'GET /api/quizzes/:id': 'teacher',
  'POST /api/quizzes': 'teacher',
  'PUT /api/quizzes/:id': 'teacher',
  'DELETE /api/quizzes/:id': 'teacher',
  'GET /api/server-info': 'anyone',
  'GET /api/games/:pin/results.csv': 'host token',
  'GET /api/games/:pin/replay': 'anyone',
  // Uploaded question images: the teacher uploads, phones and displays load them.
  'POST /api/media': 'teacher',
  'GET /media/:name': 'anyone',
  'POST /api/assignments': 'teacher',
  'GET /api/assignments': 'teacher',
  'GET /api/assignments/:id': 'teacher',
  'GET /api/assignments/:id/report': 'teacher',
  'GET /api/assignments/:id/report/export': 'teacher',
  // A student's: an attempt opens only with its own token.
  'GET /api/assignment-pins/:pin': 'anyone',
  'POST /api/assignments/:id/attempts': 'anyone',
  'GET /api/assignments/:id/attempts/:attemptId': 'anyone',
  'POST /api/assignments/:id/attempts/:attemptId/answer': 'anyone',
  'POST /api/assignments/:id/attempts/:attemptId/next': 'anyone',
  // The single-page app: the pages of every route, and their scripts.
  'GET /^\\/(?!api\\/|socket\\.io\\/).*/': 'anyone',
  // Source maps: none are built, and any *.map asked for is a 404 (issue 12's light phone page).
  'GET /\\.map$/': 'anyone',
};

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `METHOD path` of every route the Express app serves, nested routers included. */
function routesOf(app: Express): string[] {
  const found = new Set<string>();
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) found.add(`${m.toUpperCase()} ${String(layer.route.path)}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...found].sort();
}

const STUDENT = { 'x-forwarded-for': '192.0.2.10' };

describe('secure by default: a student on the network reaches nothing of the teacher\'s', () => {
  const h = useServer({ TRUST_PROXY: 'loopback' });

  it('answers every teacher route 401 and carries no correct answer in any route or socket before its question closes', async () => {
    expect(routesOf(h.server.quizbus.app)).toEqual(Object.keys(ROUTES).sort());

    const { game, host } = await hostGame(h, allTypesQuiz(2, 20));
    const quizId = ((await (await fetch(`${h.server.url}/api/reports/${game.gameId}`, { headers: h.server.teacher })).json()) as { quizId: string }).quizId;
    const params: Record<string, string> = { ':id': quizId, ':gameId': game.gameId, ':pin': game.pin };
    /** The requests a student makes of one route: its path with this game's ids filled in. */
    const requestsFor = (route: string): Array<{ method: string; path: string }> => {
      const [method = 'GET', path = ''] = route.split(' ');
      if (path === '/\\.map$/') return [{ method, path: '/assets/index.js.map' }];
      if (path.startsWith('/^')) return ['/', '/play', '/host', `/host/${game.pin}`, `/display/${game.pin}`, `/reports/${game.gameId}`].map((p) => ({ method, path: p }));
      return [{ method, path: path.replace(/:[a-zA-Z]+/g, (p) => params[p] ?? p) }];
    };
    const send = (method: string, path: string, headers: Record<string, string>) =>
      fetch(`${h.server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(method === 'GET' ? {} : { body: JSON.stringify(method === 'POST' && path === '/api/games' ? { quizId } : allTypesQuiz()) }),
      });

    // The teacher's own session does open the quiz with its answers: the 401s below are not vacuous.
    const teacherView = await send('GET', `/api/quizzes/${quizId}`, h.server.teacher);
    expect(teacherView.status).toBe(200);
    expect(await teacherView.text()).toContain(SECRETS.explanations[0]);

    /** Sends every route as a student and checks it: 401 for the teacher's, no answer in the rest. */
    const sweep = async (label: string) => {
      for (const [route, who] of Object.entries(ROUTES)) {
        for (const { method, path } of requestsFor(route)) {
          const res = await send(method, path, STUDENT);
          const at = `${label}: ${method} ${path}`;
          if (who !== 'anyone') {
            expect(res.status, at).toBe(401);
            const code = ((await res.json()) as { error: { code: string } }).error.code;
            expect(code, at).toBe(who === 'teacher' ? 'LOGIN_REQUIRED' : 'UNAUTHORIZED');
            continue;
          }
          expect(res.status, at).toBeLessThan(500);
          const text = await bodyText(res);
          for (const secret of [...SECRETS.explanations, ...SECRETS.typeAccepted, String(SECRETS.sliderCorrect)]) expect(text, at).not.toContain(secret);
          if (res.headers.get('content-type')?.includes('json')) {
            const keys = keysIn(JSON.parse(text));
            for (const k of ANSWER_KEYS) expect(keys.has(k), `${at}: key "${k}"`).toBe(false);
          }
        }
      }
    };

    const display = await attachDisplay(h, game.pin, STUDENT);
    const ann = await joinPlayer(h, game.pin, 'Ann', { 'x-forwarded-for': '192.0.2.11' });
    const bob = await joinPlayer(h, game.pin, 'Bob', { 'x-forwarded-for': '192.0.2.12' });
    await sweep('lobby');
    ok(await host.send('host.start', {}));
    for (let i = 0; i < TYPES.length; i += 1) {
      await openQuestion(h, host, i);
      await sweep(`question ${i} (${TYPES[i]}) open`);
      for (const c of [display.client, ann.client, bob.client]) {
        const view = ok(await c.send('view.snapshot', {})).view;
        for (const k of ANSWER_KEYS) expect(keysIn(view).has(k), `snapshot during question ${i}: key "${k}"`).toBe(false);
      }
      await h.server.clock.advance(20_000);
      await host.next('question.closed', (m) => m.reveal.index === i);
      ok(await host.send('host.next', {}));
      ok(await host.send('host.next', {}));
    }
    // Sockets: nothing before each close carries an answer key, an explanation or the slider's value.
    for (const [who, c] of Object.entries({ display: display.client, ann: ann.client, bob: bob.client })) {
      await c.next('game.ended');
      for (let i = 0; i < TYPES.length; i += 1) {
        const before = framesBeforeClose(c.frames, i);
        const label = `${who}, question ${i} (${TYPES[i]})`;
        const opened = before.slice(before.findIndex((f) => f.name === 'question.shown' && (f.payload as { index: number }).index === i));
        for (const k of ANSWER_KEYS) expect(keysIn(opened).has(k), `${label}: key "${k}"`).toBe(false);
        expect(JSON.stringify(before), label).not.toContain(SECRETS.explanations[i]);
        if (TYPES[i] === 'slider') expect(hasNumber(before, SECRETS.sliderCorrect), label).toBe(false);
      }
    }
  });
});

/** Frames before question `index` closed. */
function framesBeforeClose(frames: Frame[], index: number): Frame[] {
  const closed = frames.findIndex((f) => f.name === 'question.closed' && (f.payload as { reveal: { index: number } }).reveal.index === index);
  expect(closed).toBeGreaterThan(0);
  return frames.slice(0, closed);
}

/** A response's text; a workbook's cells as text (its bytes are compressed). */
async function bodyText(res: Response): Promise<string> {
  if (!res.headers.get('content-type')?.includes('spreadsheetml')) return res.text();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text))));
  return cells.join('\n');
}
