import type { GameReport, ReportSummary } from '@quizbus/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv.ts';
import { teacherHeaders } from '../support/test-server.ts';
import { disconnected, hostGame, joinPlayer, ok, openQuestion, singleQuiz, useServer, type Harness } from './helpers.ts';

const right = (index: number) => ({ index, answer: { kind: 'choice' as const, choice: 0 } });
const wrong = (index: number) => ({ index, answer: { kind: 'choice' as const, choice: 1 } });

/**
 * Plays a 2-question game to the podium: Ann right twice (after 2 s, then 1 s), Bob wrong (4 s)
 * then right (4 s), Cat never answers. Returns the hosted game, the players and their finals.
 */
async function playGame(h: Harness) {
  const hosted = await hostGame(h, singleQuiz(2, 'report', 0, 20));
  const { game, host } = hosted;
  const ann = await joinPlayer(h, game.pin, 'Ann');
  const bob = await joinPlayer(h, game.pin, 'Bob');
  const cat = await joinPlayer(h, game.pin, 'Cat');
  ok(await host.send('host.start', {}));
  await openQuestion(h, host, 0);
  await h.server.clock.advance(2000);
  ok(await ann.client.send('answer.submit', right(0)));
  await h.server.clock.advance(2000);
  ok(await bob.client.send('answer.submit', wrong(0)));
  await h.server.clock.advance(20_000);
  await host.next('question.closed', (m) => m.reveal.index === 0);
  ok(await host.send('host.next', {}));
  ok(await host.send('host.next', {}));
  await openQuestion(h, host, 1);
  await h.server.clock.advance(1000);
  ok(await ann.client.send('answer.submit', right(1)));
  await h.server.clock.advance(3000);
  ok(await bob.client.send('answer.submit', right(1)));
  await h.server.clock.advance(20_000);
  await host.next('question.closed', (m) => m.reveal.index === 1);
  ok(await host.send('host.next', {}));
  ok(await host.send('host.next', {}));
  const finals = await Promise.all([ann.client.next('player.final'), bob.client.next('player.final'), cat.client.next('player.final')]);
  return { ...hosted, players: { ann, bob, cat }, finals };
}

describe('game reports', () => {
  // Behind a (trusted) proxy a request from loopback is nobody in particular, not the teacher.
  const h = useServer({ ENDED_GAME_MINUTES: '1', REPORT_RETENTION_DAYS: '2', TRUST_PROXY: 'loopback' });
  const api = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${h.server.url}${path}`, { headers: { ...(token ? { 'x-host-token': token } : {}), ...headers } });

  it('reports a finished game to its host only, with the figures the players saw', async () => {
    const { game, finals } = await playGame(h);
    const noToken = await api(`/api/reports/${game.gameId}`);
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('LOGIN_REQUIRED');
    expect((await api(`/api/reports/${game.gameId}`, 'x'.repeat(43))).status).toBe(401);
    expect((await api('/api/reports/g_nosuchgame00', game.hostToken)).status).toBe(404);
    const res = await api(`/api/reports/${game.gameId}`, game.hostToken);
    expect(res.status).toBe(200);
    const report = (await res.json()) as GameReport;
    expect(report.players.map((p) => [p.nickname, p.rank, p.score])).toEqual(
      [
        ['Ann', finals[0].rank, finals[0].score],
        ['Bob', finals[1].rank, finals[1].score],
        ['Cat', finals[2].rank, finals[2].score],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    const ann = report.players.find((p) => p.nickname === 'Ann');
    expect(ann).toMatchObject({ correct: 2, answered: 2, accuracy: 1, averageResponseMs: 1500 });
    expect(report.players.find((p) => p.nickname === 'Bob')).toMatchObject({ correct: 1, accuracy: 0.5, averageResponseMs: 4000 });
    expect(report.players.find((p) => p.nickname === 'Cat')).toMatchObject({ correct: 0, answered: 0, accuracy: 0, averageResponseMs: null });
    expect(report.questions.map((q) => q.percentCorrect)).toEqual([33.3, 66.7]);
    expect(report.hardestFirst).toEqual([0, 1]);
    expect(report).toMatchObject({ playerCount: 3, questionCount: 2, endReason: 'finished', pin: game.pin });
  });

  it('keeps the report after the game is removed, lists it under its quiz, and forgets it after the retention', async () => {
    const { game, host, finals } = await playGame(h);
    const quizId = ((await (await api(`/api/reports/${game.gameId}`, game.hostToken)).json()) as GameReport).quizId;
    // ENDED_GAME_MINUTES later the sweep removes the game (its sockets go last).
    await h.server.clock.advance(2 * 60_000);
    await disconnected(host);
    expect(h.server.quizbus.node.ownedCount).toBe(0);
    const res = await api(`/api/reports/${game.gameId}`, game.hostToken);
    expect(res.status).toBe(200);
    const report = (await res.json()) as GameReport;
    expect(report.players.map((p) => p.score).sort()).toEqual(finals.map((f) => f.score).sort());
    expect((await api(`/api/quizzes/${quizId}/reports`)).status).toBe(401);
    const list = (await (await api(`/api/quizzes/${quizId}/reports`, undefined, h.server.teacher)).json()) as ReportSummary[];
    expect(list).toEqual([
      expect.objectContaining({ gameId: game.gameId, playerCount: 3, questionCount: 2, averageScore: report.averageScore, endedAt: report.endedAt }),
    ]);
    expect(report.averageScore).toBe(Math.round((finals.reduce((s, f) => s + f.score, 0) / 3) * 10) / 10);
    // REPORT_RETENTION_DAYS (2) after the end, it is gone.
    await h.server.clock.advance(2 * 24 * 3600 * 1000);
    expect((await api(`/api/reports/${game.gameId}`, game.hostToken)).status).toBe(404);
    // The first session has run out by now (12 hours): a new login.
    expect(await (await api(`/api/quizzes/${quizId}/reports`, undefined, await teacherHeaders(h.server.url, h.server.quizbus))).json()).toEqual([]);
  });

  it('opens any report, without its host token, for a logged-in teacher in another browser (issue 12, point 7)', async () => {
    const { game, host } = await playGame(h);
    await h.server.clock.advance(2 * 60_000);
    await disconnected(host);
    // Another browser: no host token, only a teacher session from a login link.
    const elsewhere = await teacherHeaders(h.server.url, h.server.quizbus);
    const res = await api(`/api/reports/${game.gameId}`, undefined, elsewhere);
    expect(res.status).toBe(200);
    expect(((await res.json()) as GameReport).gameId).toBe(game.gameId);
    const csv = await api(`/api/reports/${game.gameId}/export?format=csv`, undefined, elsewhere);
    expect(csv.status).toBe(200);
    expect(parseCsv(await csv.text())).toHaveLength(4);
    // Logged out, the same browser opens nothing.
    expect((await fetch(`${h.server.url}/api/logout`, { method: 'POST', headers: elsewhere })).status).toBe(204);
    expect((await api(`/api/reports/${game.gameId}`, undefined, elsewhere)).status).toBe(401);
  });

  it('exports the report as CSV tables and as an xlsx workbook', async () => {
    const { game, finals } = await playGame(h);
    const csv = await api(`/api/reports/${game.gameId}/export?format=csv`, game.hostToken);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="quizbus-report-${game.pin}-students.csv"`);
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toEqual(['rank', 'nickname', 'score', 'correct_answers', 'questions_answered', 'accuracy_percent', 'average_response_seconds', 'q1', 'q2']);
    expect(rows.find((r) => r[1] === 'Ann')?.slice(2)).toEqual([String(finals[0].score), '2', '2', '100', '1.5', 'correct', 'correct']);
    expect(rows.find((r) => r[1] === 'Cat')?.slice(2)).toEqual(['0', '0', '0', '0', '', 'missed', 'missed']);
    const questions = parseCsv(await (await api(`/api/reports/${game.gameId}/export?format=csv&table=questions`, game.hostToken)).text());
    expect(questions.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['1', '1', '33.3'],
      ['2', '2', '66.7'],
    ]);
    const xlsx = await api(`/api/reports/${game.gameId}/export?format=xlsx`, game.hostToken);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Students', 'Questions', 'Answers', 'Points']);
    const students = wb.getWorksheet('Students') as ExcelJS.Worksheet;
    const annRow = [2, 3, 4].map((r) => students.getRow(r)).find((r) => r.getCell(2).value === 'Ann');
    expect([annRow?.getCell(3).value, annRow?.getCell(4).value]).toEqual([finals[0].score, 2]);
    expect((await api(`/api/reports/${game.gameId}/export?format=pdf`, game.hostToken)).status).toBe(400);
    expect((await api(`/api/reports/${game.gameId}/export?format=csv`)).status).toBe(401);
  });

  it("names the columns and sheets in the teacher's language: Accept-Language, or ?lang= first", async () => {
    const { game } = await playGame(h);
    const get = (path: string, acceptLanguage: string) =>
      fetch(`${h.server.url}${path}`, { headers: { 'x-host-token': game.hostToken, 'accept-language': acceptLanguage } });
    const german = parseCsv(await (await get(`/api/reports/${game.gameId}/export?format=csv`, 'de-DE,de;q=0.9,en;q=0.5')).text());
    expect(german[0]).toEqual(['Platz', 'Spitzname', 'Punkte', 'Richtige Antworten', 'Beantwortete Fragen', 'Trefferquote (%)', 'Durchschnittliche Antwortzeit (s)', 'F1', 'F2']);
    // The rows stay data: numbers and the grade keys, whatever the language.
    expect(german.find((r) => r[1] === 'Ann')?.slice(3)).toEqual(['2', '2', '100', '1.5', 'correct', 'correct']);
    const results = parseCsv(await (await get(`/api/games/${game.pin}/results.csv?lang=ar`, 'de')).text());
    expect(results[0]?.slice(0, 3)).toEqual(['المركز', 'الاسم المستعار', 'النقاط']);
    const xlsx = await get(`/api/reports/${game.gameId}/export?format=xlsx`, 'zh-CN,zh;q=0.9');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '学生', '题目', '作答', '得分']);
    expect(wb.getWorksheet('概览')?.getRow(1).values).toEqual([undefined, '测验', 'Quiz report']);
    // A language Quizbus does not ship falls back to English keys.
    const swahili = parseCsv(await (await get(`/api/reports/${game.gameId}/export?format=csv`, 'sw')).text());
    expect(swahili[0]?.slice(0, 2)).toEqual(['rank', 'nickname']);
  });

  it('reports a game that is still running, from its log', async () => {
    const { game, host } = await hostGame(h, singleQuiz(2, 'live', 0, 20));
    const ann = await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    ok(await ann.client.send('answer.submit', right(0)));
    await host.next('question.closed');
    const report = (await (await api(`/api/reports/${game.gameId}`, game.hostToken)).json()) as GameReport;
    expect(report).toMatchObject({ endedAt: null, questionCount: 1, players: [{ nickname: 'Ann', correct: 1 }] });
  });
});
