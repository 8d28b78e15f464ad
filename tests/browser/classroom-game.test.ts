import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { parseCsv } from '../support/csv.ts';
import { decodeQr } from '../support/qr-decode.ts';
import { fillQuiz } from './editor-steps.ts';

/**
 * Issue 3, point 10: a whole lesson in real Chromium. The teacher writes a quiz in the editor
 * and starts it; three phones join (one through the QR code's link) and answer differently;
 * one reloads mid-question and keeps its score; the display shows leaderboard and podium;
 * the results CSV has the right scores. Game time runs on the server's fake clock.
 */
describe('a classroom game in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems, phone } = suite;
  /** No sideways scrolling: long words wrap. */
  const fitsWidth = async (page: Page) => {
    const [scroll, width] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, window.innerWidth]');
    expect(scroll).toBeLessThanOrEqual(width);
  };

  it('runs from the editor to the results CSV', { timeout: 240_000 }, async () => {
    const { server } = suite;
    const title = 'Events & <i>buses</i>';
    const q1 = 'Which <script>alert("x")</script> pattern fans one event out to many listeners?';
    // Teacher: library → editor (validation first) → save → play with options.
    const host = await suite.page('host', { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await host.goto(`${server.url}/host`);
    await host.getByRole('heading', { name: 'Your quizzes' }).waitFor();
    await host.getByText('Event-driven architecture', { exact: false }).first().waitFor();
    await screenshot(host, 'host-library');
    await host.getByRole('link', { name: '+ New quiz' }).click();
    await host.getByRole('button', { name: 'Save quiz' }).click();
    await host.getByText(/things to fix before saving/).waitFor();
    await screenshot(host, 'host-editor-validation');
    await expectAccessible(host, 'the editor with validation messages');
    await fillQuiz(host, title, [
      {
        type: 'single',
        text: q1,
        options: ['Publish/subscribe', 'Polling every second', 'A shared database', 'Supercalifragilisticexpialidociousbroadcasting'],
        correct: 0,
        explanation: 'A publisher emits once; every subscriber on the channel hears it.',
      },
      { type: 'true-false', text: 'An event is a fact in the past tense.', correct: true },
    ]);
    await screenshot(host, 'host-editor-filled');
    await host.getByRole('button', { name: 'Save quiz' }).click();
    await host.getByText('Saved', { exact: true }).waitFor();
    await host.getByRole('button', { name: `Play ${title}` }).click();
    await host.getByLabel('Streak bonus').waitFor();
    await screenshot(host, 'host-start-options');
    await host.getByRole('button', { name: 'Open the lobby' }).click();
    await host.waitForURL(/\/host\/\d{6}$/);
    const pin = new URL(host.url()).pathname.split('/').pop() as string;

    // The join link comes from the server (never localhost) and the QR code encodes it.
    const joinLink = host.getByTestId('join-link');
    await joinLink.waitFor();
    const joinUrl = (await joinLink.getAttribute('href')) as string;
    expect(joinUrl).toBe(`${server.url}/?pin=${pin}`);
    expect(joinUrl).not.toContain('localhost');
    expect(decodeQr(await host.locator('.qr-code').screenshot())).toBe(joinUrl);

    const display = await suite.page('display', { viewport: { width: 1920, height: 1080 } });
    await display.goto(`${server.url}/display/${pin}`);
    await display.getByText('Waiting for players…').waitFor();

    // Three phones: Ann types the PIN, Bob follows the QR link (HTML in his nickname), Cat types.
    const ann = await phone('ann');
    await ann.goto(`${server.url}/`);
    await screenshot(ann, 'join-empty');
    await expectAccessible(ann, 'the join page');
    await ann.getByLabel('Game PIN').fill(pin);
    await ann.getByLabel('Nickname').fill('Ann');
    await ann.getByRole('button', { name: 'Join' }).click();
    await ann.getByText("You're in!").waitFor();
    await screenshot(ann, 'play-lobby');
    await expectAccessible(ann, 'the play page in the lobby');

    const bob = await phone('bob');
    await bob.goto(joinUrl);
    expect(await bob.getByLabel('Game PIN').inputValue()).toBe(pin);
    await bob.getByLabel('Nickname').fill('<b>Bob</b>');
    await screenshot(bob, 'join-from-qr-link');
    await bob.getByRole('button', { name: 'Join' }).click();
    await bob.getByText("You're in!").waitFor();

    const cat = await phone('cat');
    await cat.goto(`${server.url}/`);
    await cat.getByLabel('Game PIN').fill(pin);
    await cat.getByLabel('Nickname').fill('Cat');
    await cat.getByRole('button', { name: 'Join' }).click();
    await cat.getByText("You're in!").waitFor();

    await server.clock.advance(600); // the player list reaches the screens at its throttled pace
    await host.getByRole('heading', { name: '3 players' }).waitFor();
    await display.getByRole('heading', { name: '3 players' }).waitFor();
    // Nicknames are text: Bob's tags show as typed and make no element.
    expect(await display.locator('.player-chip').allTextContents()).toContain('<b>Bob</b>');
    expect(await display.locator('.player-chip b').count()).toBe(0);
    await screenshot(host, 'host-lobby');
    await screenshot(display, 'display-lobby');
    await expectAccessible(host, 'the host console lobby');
    await expectAccessible(display, 'the display lobby');

    // Question 1: read time, then answers. Ann right at once, Bob wrong, Cat right after 2 s.
    await host.getByRole('button', { name: 'Start with 3 players' }).click();
    await ann.getByText('Get ready…').waitFor();
    await display.getByRole('heading', { name: q1 }).waitFor();
    await screenshot(ann, 'play-reading');
    await screenshot(display, 'display-reading');
    await server.clock.advance(3000);
    for (const p of [ann, bob, cat]) await p.getByRole('button', { name: /Publish\/subscribe/ }).waitFor();
    await screenshot(ann, 'play-question');
    await expectAccessible(ann, 'the play page with a question');
    await fitsWidth(ann);
    await ann.getByRole('button', { name: /Publish\/subscribe/ }).click();
    await ann.getByText('Answer locked in').waitFor();
    await screenshot(ann, 'play-locked-in');
    await bob.getByRole('button', { name: /Polling every second/ }).click();
    await bob.getByText('Answer locked in').waitFor();
    await server.clock.advance(2000);
    await host.locator('.stage__answered-number', { hasText: '2' }).waitFor();
    await screenshot(host, 'host-question');
    await screenshot(display, 'display-question');
    await expectAccessible(host, 'the host console with a question');
    await expectAccessible(display, 'the display with a question');
    await cat.getByRole('button', { name: /Publish\/subscribe/ }).click();

    // Everyone answered: the question closes by itself. Each phone has its own result.
    await ann.getByRole('heading', { name: 'Correct!' }).waitFor();
    await bob.getByRole('heading', { name: 'Not quite' }).waitFor();
    await cat.getByRole('heading', { name: 'Correct!' }).waitFor();
    expect(await ann.getByTestId('score').textContent()).toBe('1,000');
    expect(await cat.getByTestId('score').textContent()).toBe('950');
    expect(await cat.getByText('50 points behind Ann').count()).toBe(1);
    await screenshot(ann, 'play-result-correct');
    await screenshot(bob, 'play-result-wrong');
    await expectAccessible(bob, 'the play page with a result');
    await display.getByText('A publisher emits once; every subscriber on the channel hears it.').waitFor();
    await screenshot(host, 'host-reveal');
    await screenshot(display, 'display-reveal');
    await expectAccessible(display, 'the display reveal');

    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await display.getByRole('heading', { name: 'Leaderboard' }).waitFor();
    await screenshot(display, 'display-leaderboard');
    await screenshot(host, 'host-leaderboard');
    await expectAccessible(display, 'the display leaderboard');

    // Question 2: Cat reloads mid-question and keeps her seat and score.
    await host.getByRole('button', { name: 'Next question' }).click();
    await display.getByRole('heading', { name: 'An event is a fact in the past tense.' }).waitFor();
    await server.clock.advance(3000);
    await cat.getByRole('button', { name: /True/ }).waitFor();
    expect(await cat.locator('.play__score').textContent()).toBe('950');
    await cat.reload();
    await cat.getByRole('button', { name: /True/ }).waitFor();
    expect(await cat.locator('.play__score').textContent()).toBe('950');
    expect(await cat.locator('.play__nickname').textContent()).toBe('Cat');
    await screenshot(cat, 'play-after-reload');
    await cat.getByRole('button', { name: /True/ }).click();
    await ann.getByRole('button', { name: /False/ }).click();
    await server.clock.advance(1000);
    await bob.getByRole('button', { name: /True/ }).click();
    await cat.getByRole('heading', { name: 'Correct!' }).waitFor();
    expect(await cat.getByTestId('score').textContent()).toBe('2,050');
    await cat.getByText('Answer streak: 2').waitFor();
    await screenshot(cat, 'play-result-streak');

    // Leaderboard, podium on the display, final places on the phones.
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await display.getByText('After question 2 of 2').waitFor();
    expect(await display.locator('.leaderboard__row').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\s+Cat\s+▲ 1\s+up 1 place\s+2,050$/),
      expect.stringMatching(/^2\s+Ann\s+▼ 1\s+down 1 place\s+1,000$/),
      expect.stringMatching(/^3\s+<b>Bob<\/b>\s+–\s+same place\s+975$/),
    ]);
    await screenshot(display, 'display-leaderboard-movement');
    await host.getByRole('button', { name: 'Show podium' }).click();
    await display.getByRole('heading', { name: 'Podium' }).waitFor();
    expect(await display.locator('.podium__step--1 .podium__name').textContent()).toBe('Cat');
    expect(await display.locator('.podium__step--3 .podium__name').textContent()).toBe('<b>Bob</b>');
    await screenshot(display, 'display-podium');
    await expectAccessible(display, 'the display podium');
    await cat.getByText('1st place of 3').waitFor();
    await ann.getByText('2nd place of 3').waitFor();
    await bob.getByText('3rd place of 3').waitFor();
    await screenshot(cat, 'play-final');
    await screenshot(host, 'host-podium');
    await expectAccessible(host, 'the host console podium');

    // The results CSV, from the host console, with the scores the phones showed.
    const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download results (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`quizbus-${pin}-results.csv`);
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(rows[0]).toEqual(['rank', 'nickname', 'score', 'correct_answers', 'questions_answered', 'average_response_seconds', 'q1', 'q2']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['1', 'Cat', '2050', '2', '2'],
      ['2', 'Ann', '1000', '1', '2'],
      ['3', '<b>Bob</b>', '975', '1', '2'],
    ]);
    expect(rows.slice(1).map((r) => r.slice(6))).toEqual([
      ['correct', 'correct'],
      ['correct', 'wrong'],
      ['wrong', 'correct'],
    ]);
    expect(problems).toEqual([]);
  });
});
