import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerMessage } from '@quizbus/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { kahootWorkbook } from '../support/kahoot-workbook.ts';
import { connect, type TestClient } from '../support/test-client.ts';

/**
 * Issue 7, point 6: the teacher imports a Kahoot!-layout spreadsheet in the library (a broken
 * one first: every bad row listed), plays it with three bots that give their student ids,
 * opens the report and downloads it as xlsx; the workbook's figures are the game's.
 */
describe('teacher files in Chromium: spreadsheet import, game report', () => {
  const suite = useBrowserSuite();
  const { problems, clients: bots } = suite;

  it('imports an xlsx quiz, plays it with bots and downloads a report that matches the game', { timeout: 240_000 }, async () => {
    const { server } = suite;
    const host = await suite.page('teacher', { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await host.goto(`${server.url}/host`);
    await host.getByRole('heading', { name: 'Your quizzes' }).waitFor();

    // A broken sheet first: nothing is imported, and every bad row is listed by its number.
    const broken = join(tmpdir(), `quizbus-broken-${process.pid}.xlsx`);
    await writeFile(broken, await kahootWorkbook([
      ['Fine question', 'a', 'b', null, null, 20, 1],
      ['', 'a', 'b', null, null, 20, 1],
      ['Too slow', 'a', 'b', null, null, 999, 1],
    ]));
    await host.getByLabel('Import spreadsheet…').setInputFiles(broken);
    const alert = host.locator('.import-problems');
    await alert.waitFor();
    expect(await alert.locator('li').allTextContents()).toEqual([
      'Row 10, question: must not be empty',
      'Row 11, time_limit: must be a whole number of seconds from 5 to 240',
    ]);
    // The list takes the focus, so a screen reader reads it out.
    expect(await alert.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    await screenshot(host, 'host-library-spreadsheet-errors');
    await expectAccessible(host, 'the library with import problems');
    expect(await host.locator('.quiz-card').filter({ hasText: 'Fine question' }).count()).toBe(0);

    // The good sheet: a two-question quiz in Kahoot's layout.
    const good = join(tmpdir(), `Solar system ${process.pid}.xlsx`);
    await writeFile(good, await kahootWorkbook([
      ['Which planet is the largest?', 'Mars', 'Jupiter', 'Venus', 'Earth', 20, 2],
      ['Which of these are gas giants?', 'Saturn', 'Mercury', 'Neptune', null, 30, '1,3'],
    ]));
    const title = `Solar system ${process.pid}`;
    await host.getByLabel('Import spreadsheet…').setInputFiles(good);
    await host.getByText(`Imported “${title}” (2 questions).`).waitFor();
    const card = host.locator('.quiz-card').filter({ has: host.getByRole('heading', { name: title, exact: true }) });
    await card.waitFor();

    // Play it, asking for student ids.
    await card.getByRole('button', { name: `Play ${title}` }).click();
    await host.getByLabel('Ask for name or student id').check();
    await host.getByRole('button', { name: 'Open the lobby' }).click();
    await host.waitForURL(/\/host\/\d{6}$/);
    const pin = new URL(host.url()).pathname.split('/').pop() as string;

    // Three bots join over Socket.IO, each with a student id.
    const names = ['Ann', 'Bob', 'Cat'] as const;
    const ids = { Ann: 'S-1001', Bob: 'S-1002', Cat: 'S-1003' } as const;
    for (const name of names) {
      const bot = await connect(server.url);
      bots.push(bot);
      const ack = await bot.send('player.join', { pin, nickname: name, studentId: ids[name] });
      expect(ack.ok).toBe(true);
    }
    const [ann, bob, cat] = bots as [TestClient, TestClient, TestClient];
    await server.clock.advance(600);
    await host.getByRole('button', { name: 'Start with 3 players' }).click();

    // Question 1 (right: Jupiter): Ann right after 1 s, Bob wrong after 2 s, Cat right after 4 s.
    await ann.next('question.shown', (m) => m.index === 0);
    await server.clock.advance(3000);
    await ann.next('question.opened', (m) => m.index === 0);
    await server.clock.advance(1000);
    expect((await ann.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })).ok).toBe(true);
    await server.clock.advance(1000);
    expect((await bob.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).ok).toBe(true);
    await server.clock.advance(2000);
    expect((await cat.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })).ok).toBe(true);
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByRole('button', { name: 'Next question' }).click();

    // Question 2 (right: Saturn + Neptune): Ann half right, Bob right, Cat never answers.
    await ann.next('question.shown', (m) => m.index === 1);
    await server.clock.advance(3000);
    await ann.next('question.opened', (m) => m.index === 1);
    await server.clock.advance(3000);
    expect((await ann.send('answer.submit', { index: 1, answer: { kind: 'choices', choices: [0] } })).ok).toBe(true);
    expect((await bob.send('answer.submit', { index: 1, answer: { kind: 'choices', choices: [0, 2] } })).ok).toBe(true);
    await server.clock.advance(30_000);
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByRole('button', { name: 'Show podium' }).click();
    const finals = {} as Record<(typeof names)[number], ServerMessage<'player.final'>>;
    for (const [i, n] of names.entries()) finals[n] = await (bots[i] as TestClient).next('player.final');

    // The report page, from the host console.
    await host.getByRole('button', { name: 'Open the game report' }).click();
    await host.waitForURL(/\/reports\/g_/);
    await host.getByRole('heading', { name: 'Students' }).waitFor();
    expect(await host.getByTestId('report-players').textContent()).toBe('3');
    const studentRows = await host.locator('section[aria-labelledby="report-students"] tbody tr').allInnerTexts();
    expect(studentRows.map((r) => r.split('\t').slice(0, 4))).toEqual(
      [...names]
        .sort((a, b) => finals[a].rank - finals[b].rank)
        .map((n) => [String(finals[n].rank), n, ids[n], finals[n].score.toLocaleString('en')]),
    );
    await screenshot(host, 'host-game-report');
    await expectAccessible(host, 'the game report');

    // The xlsx report: its Students and Points sheets hold the game's figures.
    const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download report (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe(`quizbus-report-${pin}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
    const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
    const rowsOf = (name: string) => (sheet(name).getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const [head, ...students] = rowsOf('Students');
    expect(head).toEqual(['rank', 'nickname', 'student_id', 'score', 'correct_answers', 'questions_answered', 'accuracy_percent', 'average_response_seconds', 'q1', 'q2']);
    const byName = Object.fromEntries(students.map((r) => [r[1] as string, r]));
    for (const n of names) {
      expect(byName[n]?.slice(0, 4)).toEqual([finals[n].rank, n, ids[n], finals[n].score]);
    }
    expect(byName.Ann?.slice(4)).toEqual([1, 2, 50, 2, 'correct', 'partial']);
    expect(byName.Bob?.slice(4)).toEqual([1, 2, 50, 2.5, 'wrong', 'correct']);
    expect(byName.Cat?.slice(4)).toEqual([1, 1, 50, 4, 'correct', 'missed']);
    const points = Object.fromEntries(rowsOf('Points').slice(1).map((r) => [r[1] as string, r]));
    for (const n of names) {
      const perQuestion = (points[n]?.slice(4) ?? []) as number[];
      expect(perQuestion.reduce((a, b) => a + b, 0)).toBe(finals[n].score);
    }
    const [, ...questions] = rowsOf('Questions');
    // Hardest first: question 2 (1 of 3 right), then question 1 (2 of 3).
    expect(questions.map((q) => [q[1], q[5]])).toEqual([
      [2, 33.3],
      [1, 66.7],
    ]);
    expect(problems).toEqual([]);
  });
});
