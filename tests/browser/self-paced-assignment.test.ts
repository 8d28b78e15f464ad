import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { singleQuiz } from '../integration/helpers.ts';
import { screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';

/**
 * Issue 16, point 2: a self-paced assignment. The teacher assigns a quiz from the library;
 * Ann plays it on a phone and reloads in the middle (her attempt resumes where it was); an
 * hour later Bob plays it on another phone in German and lets one question time out (the
 * server's clock decides, not the phone's). Ann cannot start a second attempt; after the
 * deadline nobody can start. The teacher's progress and report show both, and the CSV too.
 */
describe('a self-paced assignment in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems } = suite;
  const HOUR = 3600_000;

  /** Picks an option of the question on screen by its text. */
  const pick = (page: Page, text: string) => page.getByRole('button', { name: text, exact: false }).click();

  it('is played by two students at different times, one resuming after a reload, and reported', { timeout: 240_000 }, async () => {
    const { server } = suite;
    const quiz = singleQuiz(3, 'hw');
    const made = await fetch(`${server.url}/api/quizzes`, { method: 'POST', headers: { 'content-type': 'application/json', ...server.teacher }, body: JSON.stringify(quiz) });
    expect(made.status).toBe(201);

    // The teacher assigns it from the library: a deadline two days after the server's now.
    const teacher = await suite.page('teacher', { viewport: { width: 1366, height: 768 }, acceptDownloads: true, timezoneId: 'UTC' });
    await teacher.goto(`${server.url}/host`);
    await teacher.getByRole('button', { name: 'Assign Quiz hw as homework' }).click();
    const deadline = new Date(server.clock.now() + 48 * HOUR).toISOString().slice(0, 16);
    await teacher.getByLabel('Deadline').fill(deadline);
    await teacher.getByRole('button', { name: 'Create assignment' }).click();
    const link = (await teacher.getByTestId('assignment-link').textContent()) ?? '';
    const pin = /\/a\/(\d{7})$/.exec(link)?.[1] ?? '';
    expect(pin).toMatch(/^\d{7}$/);
    await teacher.getByText(`Students start with PIN ${pin}`).waitFor();
    await screenshot(teacher, 'assignment-created');
    await expectAccessible(teacher, 'the assignment created');
    const path = `/a/${pin}`;

    // Ann, on a phone: two answers, a reload on the second result, then the rest.
    const ann = await suite.phone('ann');
    await ann.goto(`${server.url}${path}`);
    await ann.getByLabel('Name or student id').fill('Ann Lee');
    await ann.getByRole('button', { name: 'Start' }).click();
    await ann.getByRole('heading', { name: 'hw question 1' }).waitFor();
    await screenshot(ann, 'assignment-phone-question');
    // The smallest phone too: nothing wider than the screen.
    await ann.setViewportSize({ width: 320, height: 568 });
    expect(await ann.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await screenshot(ann, 'assignment-phone-question-320');
    await ann.setViewportSize({ width: 360, height: 640 });
    await expectAccessible(ann, 'the assignment question');
    await pick(ann, 'hw-right-0');
    await ann.getByRole('heading', { name: 'Correct!' }).waitFor();
    await ann.getByRole('button', { name: 'Next question' }).click();
    await pick(ann, 'hw-right-1');
    await ann.getByRole('heading', { name: 'Correct!' }).waitFor();
    await ann.reload();
    // Resumed from this browser's stored attempt: the same result, the same score.
    await ann.getByRole('heading', { name: 'Correct!' }).waitFor();
    expect(await ann.getByTestId('score').textContent()).toBe('2,100');
    await screenshot(ann, 'assignment-phone-resumed');
    await ann.getByRole('button', { name: 'Next question' }).click();
    await pick(ann, 'hw-right-2');
    await ann.getByRole('button', { name: 'See my score' }).click();
    await ann.getByRole('heading', { name: 'All done!' }).waitFor();
    expect(await ann.getByTestId('final-score').textContent()).toBe('Your score: 3,300');

    // An hour later, Bob in German: one wrong, one left to time out, one right.
    await server.clock.advance(HOUR);
    const bob = await suite.page('bob', { viewport: { width: 360, height: 640 }, locale: 'de-DE', isMobile: true, hasTouch: true });
    await bob.goto(`${server.url}${path}`);
    await bob.getByLabel('Name oder Schülernummer').fill('Bob');
    await bob.getByRole('button', { name: 'Starten' }).click();
    await pick(bob, 'hw-wrong-0');
    await bob.getByRole('heading', { name: 'Knapp daneben' }).waitFor();
    await bob.getByRole('button', { name: 'Nächste Frage' }).click();
    await bob.getByRole('heading', { name: 'hw question 2' }).waitFor();
    // The server's clock passes the question's 20 s; on reload the server says time is up.
    await server.clock.advance(21_000);
    await bob.reload();
    await bob.getByRole('heading', { name: 'Zeit ist um' }).waitFor();
    await screenshot(bob, 'assignment-phone-timeout-de');
    await bob.getByRole('button', { name: 'Nächste Frage' }).click();
    await pick(bob, 'hw-right-2');
    await bob.getByRole('heading', { name: 'Richtig!' }).waitFor();
    await bob.getByRole('button', { name: 'Meine Punkte ansehen' }).click();
    await bob.getByTestId('final-score').waitFor();
    expect(await bob.getByTestId('final-score').textContent()).toBe('Deine Punkte: 1.000');

    // Ann's second try (a fresh browser, the same name) is refused: one attempt each.
    const again = await suite.phone('ann-again');
    await again.goto(`${server.url}${path}`);
    await again.getByLabel('Name or student id').fill('ann lee');
    await again.getByRole('button', { name: 'Start' }).click();
    await again.getByRole('alert').filter({ hasText: 'You have used every attempt' }).waitFor();

    // The teacher finds the assignment again under its quiz in the library: progress and report.
    await teacher.goto(`${server.url}/host`);
    await teacher.getByRole('button', { name: 'Assignments of Quiz hw' }).click();
    await teacher.getByRole('link', { name: `PIN ${pin}` }).click();
    const rows = teacher.getByTestId('progress-table').locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.allInnerTexts()).toEqual(['Ann Lee\t1\tFinished\t3,300', 'Bob\t1\tFinished\t1,000']);
    const students = teacher.getByRole('region', { name: 'Students' }).locator('tbody tr');
    expect((await students.allInnerTexts()).map((r) => r.split('\t').slice(0, 4))).toEqual([
      ['1', 'Ann Lee', 'Ann Lee', '3,300'],
      ['2', 'Bob', 'Bob', '1,000'],
    ]);
    await screenshot(teacher, 'assignment-progress-report');
    await expectAccessible(teacher, 'the assignment progress');
    const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: 'Download students (CSV)' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/Ann Lee.*3300/);
    expect(lines[2]).toMatch(/Bob.*1000/);
    expect(lines[2]).toMatch(/wrong.*missed.*correct/);

    // Past the deadline a new student is told plainly that it is closed.
    await server.clock.advance(48 * HOUR);
    const late = await suite.phone('late');
    await late.goto(`${server.url}${path}`);
    await late.getByText('This assignment is closed').waitFor();
    await screenshot(late, 'assignment-phone-closed');
    expect(problems).toEqual([]);
  });
});
