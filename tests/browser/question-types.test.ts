import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, computedStyle, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';

const quiz = {
  title: 'Every kind of question',
  readTimeSec: 1,
  questions: [
    { type: 'multi', text: 'Which of these are events?', options: ['OrderPlaced', 'PlaceOrder', 'PaymentTaken', 'TakePayment'], correct: [0, 2] },
    { type: 'type-answer', text: 'What is the capital of France?', accepted: ['Paris'], explanation: 'Paris, on the Seine.' },
    { type: 'slider', text: 'How many bits are in a byte?', min: 0, max: 16, step: 1, correct: 8 },
    { type: 'ordering', text: 'Put the steps in order', items: ['Command', 'Event', 'Projection'] },
    { type: 'poll', text: 'Did you enjoy this?', options: ['Yes', 'No'] },
  ],
};

/**
 * Issue 3, points 3, 7 and 8: every answer input on a phone, used from the keyboard with a
 * visible focus; animations off under prefers-reduced-motion; "Reconnecting…" while the
 * connection is down, and the seat back afterwards.
 */
describe('every question type on a phone in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems } = suite;
  let host: TestClient;

  // Runs after the suite's own beforeAll: vitest runs beforeAll hooks in the order they are registered.
  beforeAll(async () => {
    host = await connect(suite.server.url);
    suite.clients.push(host);
  });

  /** Presses a key on an element reached by focus, as a keyboard user would, and checks the focus ring. */
  const press = async (page: Page, name: string | RegExp, key = 'Enter') => {
    const target = page.getByRole('button', { name });
    await target.focus();
    expect(await computedStyle(target, 'outlineStyle'), `focus ring on ${String(name)}`).toBe('solid');
    await page.keyboard.press(key);
  };

  it('answers each type from the keyboard, and survives a dropped connection', { timeout: 180_000 }, async () => {
    const { server } = suite;
    const quizId = await saveQuiz(server.url, quiz);
    const game = await createGame(server.url, quizId);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    // The big screen shows how each kind of question is asked and revealed.
    const display = await suite.page('display', { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
    await display.goto(`${server.url}/display/${game.pin}`);
    await display.getByText('Waiting for players…').waitFor();
    const page = await suite.phone('gus');
    const context = page.context();
    await page.emulateMedia({ reducedMotion: 'reduce' });

    // Join with the keyboard alone: the PIN field has the focus on arrival.
    await page.goto(`${server.url}/`);
    // Polled from the test, not with waitForFunction: its polling evaluates a string in the page,
    // which the CSP refuses when the field is not focused yet (the screen renders asynchronously).
    const pinField = page.locator('input[inputmode=numeric]');
    await expect.poll(() => pinField.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type(game.pin);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Gus');
    await page.keyboard.press('Enter');
    await page.getByText("You're in!").waitFor();

    const nextQuestion = async (first = false) => {
      if (!first) {
        expect((await host.send('host.next', {})).ok).toBe(true); // leaderboard
        expect((await host.send('host.next', {})).ok).toBe(true); // next question
      }
      await page.getByText('Get ready…').waitFor();
      await server.clock.advance(1000);
    };

    // Multi-select: two right, one wrong → partly right.
    expect((await host.send('host.start', {})).ok).toBe(true);
    await nextQuestion(true);
    await press(page, /^Answer A OrderPlaced$/, 'Space');
    await press(page, /^Answer C PaymentTaken$/, 'Space');
    await press(page, /^Answer B PlaceOrder$/, 'Space');
    await screenshot(page, 'play-multi-select');
    await press(page, /^Submit 3 answers/);
    await page.getByRole('heading', { name: 'Partly right' }).waitFor();
    // Reduced motion: the result card does not animate.
    expect(await computedStyle(page.locator('.result-card'), 'animationDuration')).toBe('1e-05s');
    await screenshot(page, 'play-result-partial');

    // Type-answer, after the connection drops and comes back during the read time.
    await nextQuestion();
    await context.setOffline(true);
    for (const s of server.quizbus.io.of('/').sockets.values()) if (s.data.role === 'player') s.conn.close();
    await page.getByText('Reconnecting…').waitFor();
    await screenshot(page, 'play-reconnecting');
    await context.setOffline(false);
    await page.getByText('Reconnecting…').waitFor({ state: 'detached', timeout: 20_000 });
    const field = page.getByLabel('Your answer');
    await field.focus();
    await page.keyboard.type('  pARIS ');
    await screenshot(page, 'play-type-answer');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Correct!' }).waitFor();
    await display.getByText('Paris, on the Seine.').waitFor();
    await screenshot(display, 'display-reveal-type-answer');
    expect(await axeProblems(display), 'axe on the display revealing a typed answer').toEqual([]);

    // Slider: arrow keys move it; it starts in the middle (8).
    await nextQuestion();
    const slider = page.getByRole('slider', { name: 'Your answer' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('9');
    await page.keyboard.press('ArrowLeft');
    await screenshot(page, 'play-slider');
    await press(page, 'Submit 8');
    await page.getByRole('heading', { name: 'Correct!' }).waitFor();
    await display.getByText('Right answer', { exact: true }).waitFor();
    await screenshot(display, 'display-reveal-slider');

    // Ordering: sort the scrambled items with the arrow buttons.
    await nextQuestion();
    await page.getByRole('button', { name: 'Lock in this order' }).waitFor();
    await screenshot(page, 'play-ordering');
    await display.getByRole('list', { name: 'Items to order' }).waitFor();
    await screenshot(display, 'display-question-ordering');
    const target = ['Command', 'Event', 'Projection'];
    for (const [place, item] of target.entries()) {
      const shown = await page.locator('.ordering-item__text').allTextContents();
      for (let at = shown.indexOf(item); at > place; at -= 1) await press(page, `Move ${item} up`);
    }
    expect(await page.locator('.ordering-item__text').allTextContents()).toEqual(target);
    await press(page, 'Lock in this order');
    await page.getByRole('heading', { name: 'Correct!' }).waitFor();
    await screenshot(page, 'play-result-ordering');
    await display.getByText(/^Right order/).waitFor();
    await screenshot(display, 'display-reveal-ordering');

    // Poll: no right or wrong.
    await nextQuestion();
    await press(page, /^Answer B No$/, 'Space');
    await page.getByRole('heading', { name: 'Thanks for voting' }).waitFor();
    expect(await axeProblems(page), 'axe on a poll result').toEqual([]);

    expect((await host.send('host.next', {})).ok).toBe(true);
    expect((await host.send('host.next', {})).ok).toBe(true);
    await page.getByRole('heading', { name: 'Game over' }).waitFor();
    await page.getByText('1st place of 1').waitFor();
    await screenshot(page, 'play-final-solo');
    expect(problems).toEqual([]);
  });
});
