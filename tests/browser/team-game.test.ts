import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { saveQuiz } from '../support/test-client.ts';

const quiz = {
  title: 'Planets in teams',
  readTimeSec: 1,
  questions: [
    { type: 'single', text: 'Which planet is red?', options: ['Mars', 'Venus', 'Earth', 'Neptune'], correct: 0 },
    { type: 'single', text: 'Which planet has the biggest rings?', options: ['Mercury', 'Saturn', 'Mars', 'Uranus'], correct: 1 },
  ],
};

/** A phone at one of the real device sizes the codebase tests at, in a language. */
const phoneAt = (width: number, height: number, locale: string): BrowserContextOptions => ({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });

/** No sideways scrolling on a phone; on a display nothing needs scrolling at all. */
async function expectFits(page: Page, what: string, vertical = false): Promise<void> {
  const [sw, w, sh, h] = await page.evaluate<number[]>('[document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight, innerHeight]');
  expect(sw, `${what}: no sideways overflow`).toBeLessThanOrEqual(w as number);
  if (vertical) expect(sh, `${what}: no vertical overflow`).toBeLessThanOrEqual(h as number);
}

/**
 * Issue 16, point 1, done-when: a team game in Chromium. The teacher turns team mode on in the
 * start form (two named teams, students pick, 10 s of team talk); three phones at real sizes
 * (one in Spanish) join, one switches team in the lobby; the display (in German) shows the
 * teams, the team talk, the team leaderboard and the team podium; each phone shows its team
 * and its team's place. Game time runs on the server's fake clock.
 */
describe('a team game in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems } = suite;

  it('plays two teams on phones to the team podium, with a German display and a Spanish phone', { timeout: 240_000 }, async () => {
    const { server } = suite;
    await saveQuiz(server.url, quiz, server.teacher);

    // The teacher: library → Play → team options → lobby.
    const host = await suite.page('team-host', { viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    await host.goto(`${server.url}/host`);
    await host.getByRole('button', { name: `Play ${quiz.title}` }).click();
    await host.getByLabel('Play in teams').check();
    await host.getByLabel('Name of team 1').fill('Owls');
    await host.getByLabel('Name of team 2').fill('Foxes');
    await host.getByLabel('Students pick their team').check();
    await host.getByLabel('Team talk before answers open').selectOption('10');
    await screenshot(host, 'team-start-options');
    await expectAccessible(host, 'the start form with team options');
    await host.getByRole('button', { name: 'Open the lobby' }).click();
    await host.waitForURL(/\/host\/\d{6}$/);
    const pin = new URL(host.url()).pathname.split('/').pop() as string;

    const display = await suite.page('team-display-de', { viewport: { width: 1280, height: 720 }, locale: 'de-DE' });
    await display.goto(`${server.url}/display/${pin}`);
    await display.getByRole('heading', { name: /^Owls/ }).waitFor();

    // Three phones: Ann (320×568), Bob in Spanish (390×844), Cat (430×932).
    const join = async (name: string, options: BrowserContextOptions, labels: { nickname: string; join: string; in: string }) => {
      const page = await suite.page(`team-${name}`, options);
      await page.goto(`${server.url}/?pin=${pin}`);
      await page.getByLabel(labels.nickname).fill(name);
      await page.getByRole('button', { name: labels.join }).click();
      await page.getByText(labels.in).waitFor();
      return page;
    };
    const english = { nickname: 'Nickname', join: 'Join', in: "You're in!" };
    const ann = await join('Ann', phoneAt(320, 568, 'en-US'), english);
    const bob = await join('Bob', phoneAt(390, 844, 'es-ES'), { nickname: 'Apodo', join: 'Entrar', in: '¡Ya estás dentro!' });
    const cat = await join('Cat', phoneAt(430, 932, 'en-US'), english);
    // Dealt to the smallest team as they join: Owls, Foxes, Owls.
    await ann.getByTestId('my-team').getByText('Your team: Owls').waitFor();
    await bob.getByTestId('my-team').getByText('Tu equipo: Foxes').waitFor();
    await cat.getByTestId('my-team').getByText('Your team: Owls').waitFor();
    // Cat picks Foxes.
    await cat.getByRole('group', { name: 'Pick your team' }).getByRole('button', { name: 'Foxes' }).click();
    await cat.getByText('Your team: Foxes').waitFor();
    expect(await cat.getByRole('button', { name: 'Foxes' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(ann, 'team-phone-lobby-320');
    await screenshot(bob, 'team-phone-lobby-es-390');
    await screenshot(cat, 'team-phone-lobby-430');
    await expectAccessible(cat, 'the phone lobby with the team picker');
    await expectFits(ann, 'the 320 px lobby');

    await server.clock.advance(600); // the player list reaches the screens at its throttled pace
    const cards = display.getByTestId('team-card');
    await expect.poll(() => cards.allInnerTexts()).toEqual([expect.stringMatching(/^Owls\s+1 Mitglied\s+Ann$/), expect.stringMatching(/^Foxes\s+2 Mitglieder\s+Bob\s+Cat$/)]);
    await host.getByRole('button', { name: 'Reshuffle teams' }).waitFor();
    await screenshot(display, 'team-display-lobby-de');
    await expectAccessible(display, 'the German display lobby with teams');
    await expectFits(display, 'the German lobby with teams', true);

    // Question 1: the read time and 10 s of team talk before answers open.
    await host.getByRole('button', { name: 'Start with 3 players' }).click();
    await display.getByText('Teambesprechung! Einigt euch im Team auf eine Antwort.').waitFor();
    await ann.getByText('Team talk: agree on an answer with Owls!').waitFor();
    await bob.getByText('Hablad en equipo: ¡poneos de acuerdo con Foxes!').waitFor();
    await screenshot(display, 'team-display-talk-de');
    await screenshot(ann, 'team-phone-talk-320');
    await server.clock.advance(10_999);
    expect(await ann.getByRole('button', { name: /Mars/ }).count(), 'answers stay closed during the talk').toBe(0);
    await server.clock.advance(1);
    await ann.getByRole('button', { name: /Mars/ }).click();
    await bob.getByRole('button', { name: /Mars/ }).click();
    await cat.getByRole('button', { name: /Venus/ }).click();
    await ann.getByRole('heading', { name: 'Correct!' }).waitFor();
    await cat.getByRole('heading', { name: 'Not quite' }).waitFor();
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await display.getByRole('heading', { name: 'Team-Rangliste' }).waitFor();
    // Owls: Ann's 1,000; Foxes: the mean of Bob's 1,000 and Cat's 0.
    expect(await display.getByTestId('team-row').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\s+Owls\s+1 Mitglied\s+1\.000$/),
      expect.stringMatching(/^2\s+Foxes\s+2 Mitglieder\s+500$/),
    ]);
    await screenshot(display, 'team-display-leaderboard-de');
    await expectFits(display, 'the German team leaderboard', true);

    // Question 2: Foxes both right, Ann wrong.
    await host.getByRole('button', { name: 'Next question' }).click();
    await display.getByRole('heading', { name: 'Which planet has the biggest rings?' }).waitFor();
    await server.clock.advance(11_000);
    await ann.getByRole('button', { name: /Mercury/ }).click();
    await bob.getByRole('button', { name: /Saturn/ }).click();
    await cat.getByRole('button', { name: /Saturn/ }).click();
    await cat.getByRole('heading', { name: 'Correct!' }).waitFor();
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await display.getByTestId('team-row').getByText('Foxes').waitFor();
    // Foxes: 500 + the mean of Bob's 1,100 (his streak bonus) and Cat's 1,000; right twice in a row.
    expect(await display.getByTestId('team-row').first().innerText()).toMatch(/^1\s+Foxes\s+2 Mitglieder\s+2 richtig in Folge\s+1\.550$/);

    // The team podium on the display; each phone its team's place, in its language.
    await host.getByRole('button', { name: 'Show podium' }).click();
    await display.getByRole('heading', { name: 'Team-Siegertreppchen' }).waitFor();
    expect(await display.locator('.podium__step--1 .podium__name').textContent()).toBe('Foxes');
    expect(await display.locator('.podium__step--1 .team-podium__members').textContent()).toBe('Bob und Cat');
    expect(await display.locator('.podium__step--2 .podium__name').textContent()).toBe('Owls');
    await ann.getByTestId('team-final').getByText('Owls: 2nd of 2 teams').waitFor();
    await bob.getByTestId('team-final').getByText('Foxes: puesto 1.º de 2 equipos').waitFor();
    await cat.getByTestId('team-final').getByText('Foxes: 1st of 2 teams').waitFor();
    await screenshot(display, 'team-display-podium-de');
    // The podium is fitted at its full size, not shrunk while its steps rise.
    expect(await display.evaluate("parseFloat(getComputedStyle(document.querySelector('.podium__step--1 .podium__name')).fontSize)")).toBeGreaterThan(20);
    await screenshot(bob, 'team-phone-final-es-390');
    await screenshot(ann, 'team-phone-final-320');
    await expectAccessible(display, 'the German team podium');
    await expectFits(display, 'the German team podium', true);
    await expectFits(ann, 'the 320 px final card');
    // The teacher's report lists the teams with their members.
    await host.getByRole('button', { name: 'Open the game report' }).click();
    const teamsTable = host.getByRole('region', { name: 'Teams' });
    await teamsTable.getByRole('rowheader', { name: 'Foxes' }).waitFor();
    expect(await teamsTable.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/^Rank\s+Team\s+Score\s+Members$/),
      expect.stringMatching(/^1\s+Foxes\s+1,550\s+Bob and Cat$/),
      expect.stringMatching(/^2\s+Owls\s+1,000\s+Ann$/),
    ]);
    await screenshot(host, 'team-report');
    // The display speaks German only: no English UI words slipped through.
    expect(await display.locator('body').innerText()).not.toMatch(/\b(Team leaderboard|Team podium|members?|points)\b/);
    expect(problems).toEqual([]);
  });
});
