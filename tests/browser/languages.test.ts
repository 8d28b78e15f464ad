import type { BrowserContextOptions, Page } from 'playwright-core';
import en from '../../client/src/i18n/catalogs/en.json' with { type: 'json' };
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';

/** Quiz content in several scripts: Arabic, CJK, emoji, a combining accent, a Nordic letter. */
const quiz = {
  title: 'عواصم · 首都 · Hauptstädte 🌍',
  readTimeSec: 1,
  questions: [
    { type: 'single', text: 'ما عاصمة مصر؟ 埃及的首都是哪里？', options: ['القاهرة 🇪🇬', '北京', 'Zu\u0308rich', 'Ærøskøbing'], correct: 0 },
    { type: 'type-answer', text: 'اكتب: القاهرة · 写：北京', accepted: ['القَاهِرَة', '北京'] },
  ],
};

const phoneSize = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } satisfies BrowserContextOptions;

/** The document's language and direction, as a screen reader and the layout see them. */
const langDir = (page: Page) => page.evaluate<[string, string]>('[document.documentElement.lang, document.documentElement.dir]');

/**
 * Nothing sticks out sideways (long German words, Arabic mirrored), and on the display nothing
 * needs scrolling either.
 */
async function expectFits(page: Page, what: string, vertical = false): Promise<void> {
  const [sw, w, sh, h] = await page.evaluate<number[]>(
    '[document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight, innerHeight]',
  );
  expect(sw, `${what}: no sideways overflow`).toBeLessThanOrEqual(w as number);
  if (vertical) expect(sh, `${what}: no vertical overflow`).toBeLessThanOrEqual(h as number);
}

/**
 * Issue 13, done-when: one game with the display in German, one phone in Arabic (right to
 * left) and one in Chinese, each in the language its browser prefers; the screens show their
 * own language, set lang/dir, fit, and keep the answer tiles' colours in RTL.
 */
describe('a game in three languages in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems } = suite;
  let host: TestClient;

  beforeAll(async () => {
    host = await connect(suite.server.url);
    suite.clients.push(host);
  });

  it('plays with a German display, an Arabic phone and a Chinese phone', { timeout: 180_000 }, async () => {
    const { server } = suite;
    const game = await createGame(server.url, await saveQuiz(server.url, quiz));
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);

    const display = await suite.page('display-de', { viewport: { width: 1280, height: 720 }, locale: 'de-DE' });
    await display.goto(`${server.url}/display/${game.pin}`);
    await display.getByText('Warte auf Spieler·innen…').waitFor();
    expect(await langDir(display)).toEqual(['de', 'ltr']);
    await expect.poll(() => display.title()).toBe(`Anzeige für Spiel ${game.pin} · Quizbus`);

    const ar = await suite.page('phone-ar', { ...phoneSize, locale: 'ar-EG' });
    await ar.goto(`${server.url}/`);
    await ar.getByLabel('رمز اللعبة').fill(game.pin);
    expect(await langDir(ar)).toEqual(['ar', 'rtl']);
    await ar.getByLabel('الاسم المستعار').fill('ليلى');
    await screenshot(ar, 'i18n-ar-join');
    await expectAccessible(ar, 'the Arabic join page');
    await ar.getByRole('button', { name: 'انضمام' }).click();
    await ar.getByText('انضممت!').waitFor();

    const zh = await suite.page('phone-zh', { ...phoneSize, locale: 'zh-CN' });
    await zh.goto(`${server.url}/?pin=${game.pin}`);
    await zh.getByLabel('昵称').fill('小明 🐼');
    expect(await langDir(zh)).toEqual(['zh-CN', 'ltr']);
    await screenshot(zh, 'i18n-zh-join');
    await zh.getByRole('button', { name: '加入' }).click();
    await zh.getByText('你已加入！').waitFor();

    // The lobby's player list goes to the screens throttled, on the game's (fake) clock.
    await server.clock.advance(1000);
    await display.getByText('2 Spieler·innen').waitFor();
    await display.getByText('小明 🐼').waitFor();
    await expectFits(display, 'German lobby', true);
    await screenshot(display, 'i18n-de-display-lobby');
    await screenshot(ar, 'i18n-ar-lobby');
    await expectFits(ar, 'Arabic lobby');

    // Question 1: the read phase, then the answer pads.
    expect((await host.send('host.start', {})).ok).toBe(true);
    await ar.getByText('استعد…').waitFor();
    await zh.getByText('准备好…').waitFor();
    await display.getByText('Frage 1 von 2').waitFor();
    await server.clock.advance(1000);
    const arTiles = ar.locator('.answer-button');
    const zhTiles = zh.locator('.answer-button');
    await arTiles.first().waitFor();
    await zhTiles.first().waitFor();
    await expectFits(ar, 'Arabic answer pad');
    await expectFits(zh, 'Chinese answer pad');
    await expectFits(display, 'German question', true);
    await screenshot(ar, 'i18n-ar-question');
    await screenshot(zh, 'i18n-zh-question');
    await screenshot(display, 'i18n-de-display-question');
    // Right to left mirrors the grid (A starts at the right) but A keeps its colour and shape.
    const [arA, arB] = [await arTiles.nth(0).boundingBox(), await arTiles.nth(1).boundingBox()];
    const [zhA, zhB] = [await zhTiles.nth(0).boundingBox(), await zhTiles.nth(1).boundingBox()];
    expect(arA && arB && arA.x > arB.x, 'Arabic: A to the right of B').toBe(true);
    expect(zhA && zhB && zhA.x < zhB.x, 'Chinese: A to the left of B').toBe(true);
    const look = (tiles: typeof arTiles) => tiles.nth(0).evaluate("(el) => [getComputedStyle(el).backgroundColor, el.querySelector('path')?.getAttribute('d')]");
    expect(await look(arTiles)).toEqual(await look(zhTiles));

    await arTiles.nth(0).click();
    await ar.getByText('تم اعتماد إجابتك').waitFor();
    await zhTiles.nth(1).click();
    await ar.getByRole('heading', { name: 'إجابة صحيحة!' }).waitFor();
    await zh.getByRole('heading', { name: '差一点' }).waitFor();
    await display.getByText('1 von 2 richtig · 2 haben geantwortet').waitFor();
    await expectFits(display, 'German reveal', true);
    await screenshot(display, 'i18n-de-display-reveal');
    await screenshot(ar, 'i18n-ar-result');
    await screenshot(zh, 'i18n-zh-result');

    // Question 2: typed answers in Arabic without harakat and in Chinese with full-width spaces.
    expect((await host.send('host.next', {})).ok).toBe(true);
    await display.getByRole('heading', { name: 'Rangliste' }).waitFor();
    expect((await host.send('host.next', {})).ok).toBe(true);
    await server.clock.advance(1000);
    await ar.getByLabel('إجابتك').fill('القاهره');
    await zh.getByLabel('你的答案').fill('\u3000北京\u3000');
    await screenshot(ar, 'i18n-ar-type-answer');
    await ar.getByRole('button', { name: 'إرسال' }).click();
    await ar.getByText('تم اعتماد إجابتك').waitFor();
    await zh.getByRole('button', { name: '提交' }).click();
    await ar.getByRole('heading', { name: 'إجابة صحيحة!' }).waitFor();
    await zh.getByRole('heading', { name: '答对了！' }).waitFor();
    await display.getByText('Akzeptierte Antworten').waitFor();

    // The end: the podium in German, the final places with each language's ordinals.
    expect((await host.send('host.next', {})).ok).toBe(true);
    expect((await host.send('host.next', {})).ok).toBe(true);
    await display.getByRole('heading', { name: 'Siegertreppchen' }).waitFor();
    await ar.getByRole('heading', { name: 'انتهت اللعبة' }).waitFor();
    await ar.getByText('المركز 1 من 2').waitFor();
    await zh.getByText('第 2 名，共 2 人').waitFor();
    await expectFits(display, 'German podium', true);
    await expectFits(ar, 'Arabic final');
    await expectFits(zh, 'Chinese final');
    await screenshot(display, 'i18n-de-display-podium');
    await screenshot(ar, 'i18n-ar-final');
    await screenshot(zh, 'i18n-zh-final');
    // No English left on the screens (the quiz content is not in English).
    for (const [page, what] of [[display, 'display'], [ar, 'Arabic phone'], [zh, 'Chinese phone']] as const) {
      const text = await page.locator('body').innerText();
      expect(text, `${what} shows no English UI text`).not.toMatch(/\b(Game over|Podium|Leaderboard|points|Play again|place|Replay)\b/);
      expect(Object.keys(en).filter((id) => text.includes(id)), `${what} shows no untranslated message id`).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it('switches a screen’s language with the switch and remembers it on that device', { timeout: 60_000 }, async () => {
    const page = await suite.page('switcher', { ...phoneSize, locale: 'en-US' });
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel('Game PIN').waitFor();
    await page.getByLabel('Language').selectOption({ label: 'Deutsch' });
    await page.getByLabel('Spiel-PIN').waitFor();
    expect(await langDir(page)).toEqual(['de', 'ltr']);
    await page.reload();
    await page.getByLabel('Spiel-PIN').waitFor();
    await page.getByLabel('Sprache').selectOption({ label: 'العربية' });
    await page.getByLabel('رمز اللعبة').waitFor();
    expect(await langDir(page)).toEqual(['ar', 'rtl']);
    await screenshot(page, 'i18n-switch-ar');
    expect(problems).toEqual([]);
  });
});
