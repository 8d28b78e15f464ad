import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostSeatScript, screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { createGame, joinPlayers, saveQuiz, type TestClient } from '../support/test-client.ts';

const quiz = {
  title: 'Free text in class',
  readTimeSec: 1,
  questions: [
    { type: 'slide', text: 'Why an event log?', body: 'An event is a fact: it happened, and it stays in the log.' },
    { type: 'word-cloud', text: 'One word for an event log', timeLimitSec: 60 },
    { type: 'open-answer', text: 'What is an event, in your words?', timeLimitSec: 60 },
  ],
};

/**
 * Issue 16 point 3: a slide, a word cloud and an approved open answer on the big screen (a
 * 1280×720 display and a phone-sized one), moderated from the host console in the browser, with
 * a phone answering; nothing filtered, hidden or unapproved reaches a display.
 */
describe('word cloud, open answer and slide in Chromium', () => {
  const suite = useBrowserSuite();

  it('shows a slide, a merged word cloud the host trims, and only the open answer the host approves', { timeout: 180_000 }, async () => {
    const { server } = suite;
    const quizId = await saveQuiz(server.url, quiz);
    const game = await createGame(server.url, quizId);
    const hostPage = await suite.page('host', { viewport: { width: 1366, height: 768 } });
    await hostPage.addInitScript(hostSeatScript(game));
    await hostPage.goto(`${server.url}/host/${game.pin}`);
    const wide = await suite.page('display-1280', { viewport: { width: 1280, height: 720 } });
    // A phone-sized display, in Spanish: the same screen, another language.
    const small = await suite.page('display-390', { viewport: { width: 390, height: 844 }, locale: 'es-ES' });
    for (const d of [wide, small]) await d.goto(`${server.url}/display/${game.pin}`);
    await wide.getByText('Waiting for players…').waitFor();

    const phone = await suite.phone('ann');
    await phone.goto(`${server.url}/`);
    await phone.locator('input[inputmode=numeric]').fill(game.pin);
    await phone.getByLabel(/nickname/i).fill('Ann');
    await phone.keyboard.press('Enter');
    await phone.getByText("You're in!").waitFor();
    const [bob, cat, dan] = (await joinPlayers(server.url, game.pin, ['Bob', 'Cat', 'Dan'], suite.clients)) as [TestClient, TestClient, TestClient];
    const say = async (c: TestClient, index: number, text: string) => expect((await c.send('answer.submit', { index, answer: { kind: 'text', text } })).ok).toBe(true);
    const both = (fn: (p: Page) => Promise<unknown>) => Promise.all([wide, small].map(fn));
    const click = async (name: string | RegExp) => {
      const button = hostPage.getByRole('button', { name });
      await button.waitFor();
      await button.click();
    };

    // The slide: title, text; no timer, no answers; the phone says where to look.
    // The player list reaches the screens at its pace (the fake clock's).
    await server.clock.advance(500);
    await click('Start with 4 players');
    await wide.getByRole('heading', { name: 'Why an event log?' }).waitFor();
    await wide.getByText('An event is a fact: it happened, and it stays in the log.').waitFor();
    await small.getByRole('heading', { name: 'Why an event log?' }).waitFor();
    await phone.getByText('Look at the big screen.').waitFor();
    expect(await wide.locator('.countdown').count()).toBe(0);
    await screenshot(wide, 'display-1280-slide');
    await screenshot(small, 'display-390-slide-es');
    await screenshot(phone, 'play-slide');

    // The word cloud: a slide needs no leaderboard, "Next question" goes straight on.
    await click('Next question');
    await phone.getByText('Get ready…').waitFor();
    await server.clock.advance(1000);
    const field = phone.getByLabel('Your answer');
    await field.fill('Café');
    await screenshot(phone, 'play-word-cloud');
    await phone.getByRole('button', { name: 'Submit' }).click();
    await say(bob, 1, 'cafe');
    await say(cat, 1, 'KAFKA');
    await say(dan, 1, 'shitstorm');
    await server.clock.advance(300);
    await both((d) => d.locator('.wall__word', { hasText: 'Café' }).locator('.wall__count', { hasText: '2' }).waitFor());
    await both((d) => d.locator('.wall__word', { hasText: 'KAFKA' }).waitFor());
    // The host trims the cloud from the console.
    await hostPage.getByText('1 answer caught by the word filter').waitFor();
    await click('Hide “KAFKA”');
    await server.clock.advance(300);
    await both((d) => d.locator('.wall__word', { hasText: 'KAFKA' }).waitFor({ state: 'detached' }));
    await hostPage.getByRole('button', { name: 'Show “KAFKA”' }).waitFor();
    await screenshot(wide, 'display-1280-word-cloud');
    await screenshot(small, 'display-390-word-cloud-es');
    await screenshot(hostPage, 'host-word-cloud');
    await expectAccessible(wide, 'the display with a word cloud');

    // The open answer: nothing on the display until the host approves it.
    await click('Show leaderboard');
    await click('Next question');
    await phone.getByText('Get ready…').waitFor();
    await server.clock.advance(1000);
    await phone.getByLabel('Your answer').fill('A fact about something that happened');
    await phone.getByRole('button', { name: 'Submit' }).click();
    await say(bob, 2, 'A private thought from Bob');
    await say(cat, 2, 'shit happens');
    await server.clock.advance(300);
    await hostPage.getByText('A private thought from Bob').waitFor();
    await wide.getByText('Answers appear here once the host approves them.').waitFor();
    const approve = hostPage.locator('.wall__answer', { hasText: 'A fact about something that happened' }).getByRole('button', { name: 'Show on screen' });
    await approve.click();
    await server.clock.advance(300);
    await both((d) => d.getByText('A fact about something that happened').waitFor());
    await hostPage.locator('.wall__answer', { hasText: 'A fact about something that happened' }).getByRole('button', { name: 'Take off screen' }).waitFor();
    await screenshot(wide, 'display-1280-open-answer');
    await screenshot(small, 'display-390-open-answer-es');
    await screenshot(hostPage, 'host-open-answer');
    await expectAccessible(wide, 'the display with an approved answer');

    // Nothing filtered anywhere, nothing unapproved or hidden on a display.
    for (const d of [wide, small]) {
      const shown = await d.locator('body').innerText();
      expect(shown).not.toMatch(/shit|private thought|KAFKA/i);
    }
    expect(await hostPage.locator('body').innerText()).not.toMatch(/shit/i);
    expect(await phone.locator('body').innerText()).not.toMatch(/private thought|shit/i);
    expect(suite.problems).toEqual([]);
  });
});
