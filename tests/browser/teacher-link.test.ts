import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, launchBrowser, phoneContext, screenshot, watchPage } from '../support/browser.ts';
import { printedLinks, startNode, type NodeProcess } from '../support/node-process.ts';


/**
 * Issue 21 and issue 12 point 7, with the real `server/src/main.ts` in its default access mode:
 * the login link it prints logs a browser in (the token leaves the address bar at once) and
 * works once; the server then prints a new one. A teacher logged in on another browser opens
 * the report of a game she did not host; a browser without a login gets the login page.
 * TEACHER_LOOPBACK=0 because the browser runs on the server's machine, which would otherwise
 * count as the teacher without any link (the default for a teacher's own laptop).
 */
describe('the printed teacher login link in Chromium', () => {
  let node: NodeProcess;
  let browser: Browser;
  const problems: string[] = [];
  const page = async (name: string): Promise<Page> => watchPage(await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage(), problems, name);

  beforeAll(async () => {
    [node, browser] = await Promise.all([startNode('teacher-link', { TEACHER_LOOPBACK: '0', LOG_LEVEL: 'warn' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await node?.kill('SIGTERM');
  });

  it('logs a browser in once per printed link; a logged-in teacher opens any report from another browser', { timeout: 180_000 }, async () => {
    const [first] = printedLinks(node);
    expect(first, node.output.join('\n')).toMatch(new RegExp(`^${node.url.replace(/[.]/g, '\\.')}/host\\?login=[\\w-]{43}$`));

    // Without the link: the login page, which says where the link is; no password field.
    const laptop = await page('laptop');
    await laptop.goto(`${node.url}/host`);
    await laptop.getByRole('heading', { name: 'Teacher login' }).waitFor();
    await laptop.getByText('printed in the terminal').waitFor();
    expect(await laptop.getByLabel('Teacher password').count()).toBe(0);
    expect(await axeProblems(laptop), 'axe on the link login').toEqual([]);
    await screenshot(laptop, 'host-login-link');

    // With it: the library, the token gone from the address bar, an httpOnly cookie.
    await laptop.goto(first as string);
    await laptop.getByRole('heading', { name: 'Your quizzes' }).waitFor();
    expect(laptop.url()).toBe(`${node.url}/host`);
    expect(await laptop.evaluate('document.cookie')).toBe('');
    expect((await laptop.context().cookies()).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['quizbus_teacher', true, 'Strict']]);

    // The same link a second time, in another browser: refused, and the login page says why.
    const tablet = await page('tablet');
    await tablet.goto(first as string);
    await tablet.getByRole('heading', { name: 'Teacher login' }).waitFor();
    await tablet.getByRole('alert').getByText('That login link has been used or has expired').waitFor();
    expect(tablet.url()).toBe(`${node.url}/host`);
    expect(await tablet.context().cookies()).toEqual([]);
    await screenshot(tablet, 'host-login-link-used');

    // The server printed a fresh link after the first was used: it logs the tablet in.
    await expect.poll(() => printedLinks(node).length, { timeout: 10_000 }).toBe(2);
    const second = printedLinks(node)[1] as string;
    expect(second).not.toBe(first);
    await tablet.goto(second);
    await tablet.getByRole('heading', { name: 'Your quizzes' }).waitFor();

    // The laptop hosts a game with one student (a game that never started has no report) and ends it.
    await laptop.getByRole('button', { name: 'Play General knowledge demo' }).click();
    await laptop.getByRole('button', { name: 'Open the lobby' }).click();
    await laptop.waitForURL(/\/host\/\d{6}$/);
    const pin = /\/host\/(\d{6})$/.exec(laptop.url())?.[1] ?? '';
    const phone = watchPage(await (await phoneContext(browser)).newPage(), problems, 'phone');
    await phone.goto(`${node.url}/?pin=${pin}`);
    await phone.getByLabel('Nickname').fill('Ann');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.waitForURL(/\/play/);
    await laptop.getByRole('button', { name: 'Start with 1 player' }).click();
    await laptop.getByRole('button', { name: 'End game…' }).click();
    await laptop.getByRole('button', { name: 'End game', exact: true }).click();
    await laptop.getByRole('button', { name: 'Open the game report' }).click();
    await laptop.waitForURL(/\/reports\/g_/);
    const reportPath = new URL(laptop.url()).pathname;
    await laptop.getByRole('heading', { name: /Report:/ }).waitFor();

    // The ended game's report is kept (and listed) once the server has saved it.
    const pastGames = () => laptop.evaluate(async () => ((await (await fetch('/api/quizzes/general-knowledge/reports')).json()) as unknown[]).length);
    await expect.poll(pastGames, { timeout: 10_000 }).toBe(1);

    // The tablet never hosted it and has no host token: its teacher session opens the report,
    // from the list of past games.
    expect(await tablet.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('quizbus.report.'))")).toEqual([]);
    await tablet.getByRole('button', { name: 'Past games of General knowledge demo' }).click();
    const open = tablet.getByRole('link', { name: /Report of the game of/ });
    await open.first().waitFor();
    expect(await tablet.getByText('hosted elsewhere').count()).toBe(0);
    await open.first().click();
    await tablet.waitForURL(`${node.url}${reportPath}`);
    await tablet.getByRole('heading', { name: /Report: General knowledge demo/ }).waitFor();
    expect(await axeProblems(tablet), 'axe on a report opened by a teacher session').toEqual([]);
    await screenshot(tablet, 'report-from-another-browser');

    // The student's phone, with neither a session nor the host token, gets the login, not the report.
    await phone.goto(`${node.url}${reportPath}`);
    await phone.getByRole('heading', { name: 'Teacher login' }).waitFor();
    expect(await phone.getByRole('heading', { name: /Report:/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
