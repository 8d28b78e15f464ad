import { describe, expect, it } from 'vitest';
import { axeProblems, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

const PASSWORD = 'staffroom kettle';

/**
 * Issue 6, points 3 and 4: with TEACHER_PASSWORD the host pages ask for a login (labelled,
 * usable from the keyboard, axe-clean) and then work as before; every screen of the client
 * runs under the server's Content-Security-Policy without a single violation.
 */
describe('teacher login and the Content-Security-Policy in Chromium', () => {
  const suite = useBrowserSuite({ env: { TEACHER_PASSWORD: PASSWORD } });
  const { problems } = suite;

  it('asks for the password, refuses a wrong one, then opens the library, a game, its display and a phone', { timeout: 180_000 }, async () => {
    const { server } = suite;
    const page = await suite.page('teacher', { viewport: { width: 1280, height: 800 } });
    const teacher = page.context();
    await page.goto(`${server.url}/host`);
    await page.getByRole('heading', { name: 'Teacher login' }).waitFor();
    const field = page.getByLabel('Teacher password');
    // Focus starts in the field: the teacher types and presses Enter.
    expect(await field.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true);
    expect(await field.getAttribute('type')).toBe('password');
    expect(await axeProblems(page), 'axe on the login').toEqual([]);
    await screenshot(page, 'host-login');

    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.getByText('That password is not right.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).textContent()).toBe('That password is not right.');
    expect(await field.inputValue()).toBe('');
    await screenshot(page, 'host-login-wrong-password');
    expect(await axeProblems(page), 'axe on the login with an error').toEqual([]);

    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your quizzes' }).waitFor();
    // The session is an httpOnly cookie: page scripts cannot read it.
    expect(await page.evaluate('document.cookie')).toBe('');
    expect((await teacher.cookies()).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['quizbus_teacher', true, 'Strict']]);
    expect(await axeProblems(page), 'axe on the library behind the login').toEqual([]);

    // The editor loads too (the CSP must let it).
    await page.goto(`${server.url}/host/new`);
    await page.getByRole('heading', { name: 'New quiz' }).waitFor();
    await page.goto(`${server.url}/host`);

    // A game: the host console, a display and a phone, all under the CSP.
    await page.getByRole('button', { name: 'Play General knowledge demo' }).click();
    await page.getByRole('button', { name: 'Open the lobby' }).click();
    await page.waitForURL(/\/host\/\d{6}$/);
    const pin = /\/host\/(\d{6})$/.exec(page.url())?.[1] ?? '';
    await page.getByText(`PIN ${pin}`).first().waitFor();

    const wall = await suite.page('display', { viewport: { width: 1280, height: 720 } });
    await wall.goto(`${server.url}/display/${pin}`);
    const phone = await suite.phone('phone');
    await phone.goto(`${server.url}/?pin=${pin}`);
    await phone.getByLabel('Nickname').fill('Ann');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.waitForURL(/\/play/);
    // The player list reaches the screens at its pace (every 500 ms of the server's fake clock).
    await server.clock.advance(500);
    await wall.getByText('Ann').first().waitFor();
    await page.getByText('Ann').first().waitFor();

    // Logging out brings the login back; the running game is not affected.
    await page.goto(`${server.url}/host`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Teacher login' }).waitFor();
    expect(await teacher.cookies()).toEqual([]);
    expect((await fetch(`${server.url}/`)).headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(problems).toEqual([]);
  });
});
