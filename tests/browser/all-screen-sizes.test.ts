import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Answer, PublicQuestion } from '@quizbus/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, watchPage } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite, type BrowserSuite } from '../support/browser-suite.ts';
import { saveContactSheet, type Shot } from '../support/contact-sheet.ts';
import { connect, saveQuiz, type TestClient } from '../support/test-client.ts';
import { phoneProblems, screenProblems } from './screen-fit-checks.ts';

/**
 * Issue 12, "Done when" 1: whole games on real screen sizes. Four phones, three displays (and
 * a 4K one), the host console and 196 socket players play the starter quiz, the general-
 * knowledge quiz and a German edge-case quiz (six options, six items, long compounds). At every
 * phase each phone must show every enabled control without scrolling, and each big screen must
 * neither scroll nor clip any text. One display and one phone run in German. Screenshots make
 * one contact sheet per size under artifacts/screens/.
 */
const PHONES = [
  { width: 320, height: 568 },
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 430, height: 932 },
];
const DISPLAYS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const HOST = { width: 1366, height: 768 };
/** The display and the phone (by width) that run in German; selectors below are language-neutral. */
const GERMAN_DISPLAY = 1366;
const GERMAN_PHONE = 390;
/** Socket players beside the four phones: the lobby holds 200 nicknames. */
const BOTS = 196;
const OUT = join(SCREENSHOT_DIR, '..', 'screens');

/** Long German words and a six-of-everything question set: text must shrink, never break mid-word. */
const EDGE_QUIZ = {
  title: 'Grenzfälle der Bildschirme',
  questions: [
    {
      type: 'single',
      text: 'Welches Wort bezeichnet die Haftpflichtversicherung eines Kraftfahrzeugs?',
      options: ['Kraftfahrzeughaftpflichtversicherung', 'Donaudampfschifffahrtsgesellschaft', 'Rindfleischetikettierungsüberwachung', 'Grundstücksverkehrsgenehmigung', 'Bezirksschornsteinfegermeister', 'Nahrungsmittelunverträglichkeit'],
      correct: 0,
      explanation: 'Die Kraftfahrzeughaftpflichtversicherung ist in Deutschland für jedes zugelassene Kraftfahrzeug vorgeschrieben.',
    },
    {
      type: 'multi',
      text: 'Welche dieser Wörter sind zusammengesetzte Substantive?',
      options: ['Geschwindigkeitsbegrenzung', 'schnell', 'Arbeitsunfähigkeitsbescheinigung', 'Eichhörnchen', 'Fernsehturm', 'und'],
      correct: [0, 2, 4],
    },
    {
      type: 'ordering',
      text: 'Ordne die Schritte eines Ereignisses vom ersten zum letzten.',
      items: ['Befehlsannahme', 'Zustandsprüfung', 'Ereignisprotokollierung', 'Kanalveröffentlichung', 'Knotenweiterleitung', 'Bildschirmaktualisierung'],
    },
    { type: 'slider', text: 'Wie viele Millisekunden hat eine Sekunde?', min: 0, max: 5000, step: 10, correct: 1000, tolerance: 100 },
  ],
};

interface Screen {
  name: string;
  page: Page;
  shots: Shot[];
}

/** Deterministic pseudo-random numbers (mulberry32), so every run plays the same game. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A socket player's answer: spread over the options, the scale or the orders, like a class. */
function botAnswer(q: PublicQuestion, rnd: () => number): Answer {
  const pick = (n: number) => Math.min(n - 1, Math.floor(rnd() * rnd() * n * 1.6));
  switch (q.type) {
    case 'single':
    case 'true-false':
    case 'poll':
      return { kind: 'choice', choice: pick(q.options?.length ?? 2) };
    case 'multi': {
      const n = q.options?.length ?? 2;
      const choices = [...new Set([pick(n), pick(n), pick(n)])].sort((a, b) => a - b);
      return { kind: 'choices', choices };
    }
    case 'word-cloud':
    case 'open-answer':
    case 'slide':
    case 'type-answer':
      return { kind: 'text', text: ['Zürich', 'Zurich', 'Bern', 'Geneva', 'Kafka', 'an event log', 'Basel'][pick(7)] as string };
    case 'slider': {
      const s = q.slider ?? { min: 0, max: 100, step: 1 };
      const centre = (s.min + s.max) / 2 + (rnd() - 0.5) * (s.max - s.min) * 0.3;
      const spread = (rnd() + rnd() + rnd() - 1.5) * (s.max - s.min) * 0.25;
      const v = Math.round((centre + spread - s.min) / s.step) * s.step + s.min;
      return { kind: 'number', value: Math.min(s.max, Math.max(s.min, v)) };
    }
    case 'ordering': {
      const order = (q.items ?? []).map((_, i) => i);
      for (let i = order.length - 1; i > 0; i -= 1) {
        if (rnd() < 0.5) continue;
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      return { kind: 'order', order };
    }
  }
}

describe('every screen size through whole games in Chromium', () => {
  const suite = useBrowserSuite({ env: { JOINS_PER_MINUTE: '0' } });

  it('fits phones, displays and the host console at every phase', { timeout: 900_000 }, async () => {
    const { server } = suite;
    await mkdir(OUT, { recursive: true });
    const edgeId = await saveQuiz(server.url, EDGE_QUIZ);
    const host: Screen = { name: `host-${HOST.width}x${HOST.height}`, page: await suite.page('host', { viewport: HOST }), shots: [] };
    const displays: Screen[] = [];
    // One display and one phone in German (longer words), the others in English.
    for (const size of DISPLAYS) {
      const locale = size.width === GERMAN_DISPLAY ? 'de-DE' : 'en-GB';
      const name = `display-${size.width}x${size.height}${locale === 'de-DE' ? '-de' : ''}`;
      displays.push({ name, page: await suite.page(name, { viewport: size, locale }), shots: [] });
    }
    const phones: Screen[] = [];
    for (const size of PHONES) {
      const locale = size.width === GERMAN_PHONE ? 'de-DE' : 'en-GB';
      const name = `phone-${size.width}x${size.height}${locale === 'de-DE' ? '-de' : ''}`;
      const context = await suite.browser.newContext({ viewport: size, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale });
      phones.push({ name, page: watchPage(await context.newPage(), suite.problems, name), shots: [] });
    }
    const failures: string[] = [];
    const shoot = async (s: Screen, label: string) => {
      const path = join(OUT, s.name, `${String(s.shots.length).padStart(3, '0')}-${label.replace(/\W+/g, '-')}.png`);
      await s.page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      s.shots.push({ label, path });
    };
    /**
     * Measures every screen at this phase. Screenshots (slow, the 4K ones most) only when
     * `shots` says: every open question and reveal, and the first of the other phases.
     */
    const check = async (label: string, shots: 'all' | 'no-4k' | 'none' = 'all') => {
      const screens = [...phones, host, ...displays];
      const found = await Promise.all(screens.map((s) => (s.name.startsWith('phone') ? phoneProblems(s.page) : screenProblems(s.page))));
      found.forEach((problems, i) => failures.push(...problems.map((p) => `${screens[i]!.name} ${label}: ${p}`)));
      if (shots === 'none') return;
      for (const s of screens) if (shots === 'all' || !s.name.endsWith('3840x2160')) await shoot(s, label);
    };

    const games: Array<{ key: string; title: string; quizId: string }> = [
      { key: 'eda', title: 'Event-driven architecture', quizId: 'event-driven-architecture' },
      { key: 'gk', title: 'General knowledge demo', quizId: 'general-knowledge' },
      { key: 'de', title: EDGE_QUIZ.title, quizId: edgeId },
    ];
    for (const game of games) {
      await playGame(suite, game, { host, displays, phones, check, failures });
    }

    for (const s of [host, ...displays, ...phones]) {
      const width = s.name.startsWith('phone') ? 200 : 400;
      await saveContactSheet(suite.browser, OUT, s.name, s.shots, width);
    }
    expect(failures).toEqual([]);
    expect(suite.problems).toEqual([]);
  });
});

interface Screens {
  host: Screen;
  displays: Screen[];
  phones: Screen[];
  check: (label: string, shots?: 'all' | 'no-4k' | 'none') => Promise<void>;
  failures: string[];
}

async function playGame(suite: BrowserSuite, game: { key: string; title: string; quizId: string }, screens: Screens): Promise<void> {
  const { server } = suite;
  const { host, displays, phones, check } = screens;
  const rnd = random(12);
  await host.page.goto(`${server.url}/host`);
  await host.page.getByRole('button', { name: `Play ${game.title}` }).click();
  await host.page.getByRole('button', { name: 'Open the lobby' }).click();
  await host.page.waitForURL(/\/host\/\d{6}$/);
  const pin = new URL(host.page.url()).pathname.split('/').pop() as string;
  await Promise.all(displays.map((d) => d.page.goto(`${server.url}/display/${pin}`)));

  const nicknames = ['Zoë', 'Maximilian-Alexander', 'Björn', 'Anna-Lena Schmidt'];
  for (const [i, p] of phones.entries()) {
    await p.page.goto(`${server.url}/?pin=${pin}`);
    await p.page.locator('.join__form input.input:not(.input--pin)').first().fill(nicknames[i] as string);
    await p.page.locator('.join__form button[type="submit"]').click();
    await p.page.locator('.play__big-name').waitFor();
  }
  const bots: TestClient[] = [];
  for (let i = 0; i < BOTS; i += 28) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(28, BOTS - i) }, async (_, k) => {
        const c = await connect(server.url);
        const n = i + k;
        const nickname = n % 7 === 0 ? `Geschwindigkeit${n}` : n % 5 === 0 ? `Kim ${n}` : `Player ${n}`;
        const ack = await c.send('player.join', { pin, nickname });
        if (!ack.ok) throw new Error(`bot ${n} could not join: ${ack.error.code}`);
        return c;
      }),
    );
    bots.push(...batch);
  }
  suite.clients.push(...bots);
  await server.clock.advance(600);
  const count = new RegExp(`\\b${BOTS + phones.length}\\b`);
  for (const s of [host, ...displays]) await s.page.locator('.lobby__count', { hasText: count }).waitFor();
  await check(`${game.key} lobby`);

  await host.page.getByRole('button', { name: /^Start with/ }).click();
  for (let index = 0; ; index += 1) {
    const shown = await bots[0]!.next('question.shown', (m) => m.index === index);
    const q = shown.question;
    const tag = `${game.key} q${index + 1} ${q.type}`;
    for (const d of displays) await d.page.locator('.stage--question').waitFor();
    for (const p of phones) await p.page.locator('.play__ready').waitFor();
    await check(`${tag} reading`, index === 0 ? 'no-4k' : 'none');

    await server.clock.advance(shown.opensAt - shown.serverNow);
    for (const p of phones) await p.page.locator('.play__question .answer-pad').waitFor();
    for (const p of phones) await prepareAnswer(p.page, q);
    await check(`${tag} open`, game.key === 'eda' ? 'no-4k' : 'all');
    await sideChecks(phones, q, tag, screens.failures);
    if (index === 0) await readWholeQuestion(phones[0]!, q, tag, screens.failures);
    if (game.key === 'gk') await expectAccessible(phones[0]!.page, `the phone with a ${q.type} question`);

    for (const p of phones) await submitAnswer(p.page, q);
    await Promise.all(bots.map((b) => b.send('answer.submit', { index, answer: botAnswer(q, rnd) })));
    for (const d of displays) await d.page.locator('.stage--reveal').waitFor();
    await host.page.locator('.stage--reveal').waitFor();
    for (const p of phones) await p.page.locator('.result-card').waitFor();
    await check(`${tag} reveal`, game.key === 'eda' ? 'no-4k' : 'all');
    if (game.key === 'gk') await expectAccessible(displays[0]!.page, `the display's ${q.type} reveal`);

    await host.page.getByRole('button', { name: 'Show leaderboard' }).click();
    for (const d of displays) await d.page.locator('.stage--leaderboard').waitFor();
    await check(`${tag} leaderboard`, index === 0 ? 'all' : 'none');
    if (index + 1 >= shown.total) break;
    await host.page.getByRole('button', { name: 'Next question' }).click();
  }
  await host.page.getByRole('button', { name: 'Show podium' }).click();
  for (const d of displays) await d.page.locator('.stage--podium').waitFor();
  for (const p of phones) await p.page.locator('.final-card').waitFor();
  await check(`${game.key} podium`);
  await expectAccessible(displays[0]!.page, 'the display podium');

  for (const d of displays) {
    await d.page.locator('.replay__controls button').last().click();
    await d.page.locator('.replay__stage .stage--podium').waitFor();
  }
  await check(`${game.key} replay`, 'no-4k');
  for (const b of bots) b.close();
}

/** Makes every control of the pad enabled: a multi-select needs a pick, a typed answer some text. */
async function prepareAnswer(page: Page, q: PublicQuestion): Promise<void> {
  if (q.type === 'multi') await page.locator('.answer-button').first().click();
  if (q.type === 'type-answer') await page.locator('.text-answer input').fill('Zürich');
}

async function submitAnswer(page: Page, q: PublicQuestion): Promise<void> {
  if (q.type === 'multi' || q.type === 'type-answer' || q.type === 'slider' || q.type === 'ordering') await page.locator('.answer-pad .button--block').click();
  else await page.locator('.answer-button').nth(1).click();
  await page.locator('.play__locked').waitFor();
}

/**
 * The same pad turned to landscape, and (type-answer) with the on-screen keyboard open, which
 * leaves about 300 px of a 320 px phone's height: every control must still be in view.
 */
async function sideChecks(phones: Screen[], q: PublicQuestion, tag: string, failures: string[]): Promise<void> {
  const variants = PHONES.map((p) => ({ width: p.height, height: p.width, what: 'landscape' }));
  if (q.type === 'type-answer') variants.push({ width: 320, height: 300, what: 'keyboard open' });
  for (const [i, v] of variants.entries()) {
    const phone = phones[i % phones.length] as Screen;
    const before = phone.page.viewportSize() as { width: number; height: number };
    await phone.page.setViewportSize({ width: v.width, height: v.height });
    // Polled from outside: the page's CSP forbids the string evaluation waitForFunction uses.
    await expect.poll(() => phone.page.evaluate('[window.innerWidth, window.innerHeight]')).toEqual([v.width, v.height]);
    for (const problem of await phoneProblems(phone.page)) failures.push(`${phone.name} ${v.what} ${v.width}×${v.height} ${tag}: ${problem}`);
    await phone.page.screenshot({ path: join(OUT, `${phone.name}-${v.what.replace(' ', '-')}-${tag.replace(/\W+/g, '-')}.png`) });
    await phone.page.setViewportSize(before);
  }
}

/** Without a display a player can still read the question: the header's button opens it whole. */
async function readWholeQuestion(phone: Screen, q: PublicQuestion, tag: string, failures: string[]): Promise<void> {
  const more = phone.page.locator('.phone-question__more');
  if ((await more.count()) === 0) return;
  await more.click();
  const full = phone.page.locator('.phone-question__full');
  const heading = full.locator('.question-heading__text');
  expect(await heading.textContent()).toBe(q.text);
  // Shown whole: not clamped to the header's three lines.
  const [scrollHeight, clientHeight] = (await heading.evaluate((el) => [el.scrollHeight, el.clientHeight])) as [number, number];
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
  for (const problem of await phoneProblems(phone.page)) failures.push(`${phone.name} whole question ${tag}: ${problem}`);
  await phone.page.screenshot({ path: join(OUT, `${phone.name}-whole-question-${tag.replace(/\W+/g, '-')}.png`) });
  await full.locator('button').click();
  await full.waitFor({ state: 'detached' });
}
