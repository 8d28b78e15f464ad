import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { phonePhotoJpeg } from '../support/test-images.ts';
import { fillQuiz } from './editor-steps.ts';

/** A picture a class would recognise: a red planet with a label, rendered to PNG. */
function planetPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600">
    <rect width="900" height="600" fill="#0b1026"/>
    <circle cx="450" cy="300" r="220" fill="#c1440e"/><circle cx="380" cy="240" r="40" fill="#8e2f08"/>
    <text x="450" y="570" font-size="48" font-family="sans-serif" fill="#fff" text-anchor="middle">PLANET X</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Drops a file on an element as a browser does: dragover, then drop, with a DataTransfer holding it. */
async function dropFile(page: Page, target: Locator, bytes: Buffer, name: string, type: string): Promise<void> {
  // A string, so this test compiles without the DOM's types; the bytes travel as base64.
  const dataTransfer = await page.evaluateHandle(
    `(() => { const dt = new DataTransfer(); dt.items.add(new File([Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (c) => c.charCodeAt(0))], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} })); return dt; })()`,
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** The image an <img> shows, once loaded: its natural size (0×0 while broken or loading). */
async function loadedSize(img: Locator): Promise<[number, number]> {
  await img.waitFor();
  const size = () => img.evaluate((el) => {
    const image = el as unknown as { complete: boolean; naturalWidth: number; naturalHeight: number };
    return image.complete ? [image.naturalWidth, image.naturalHeight] : [0, 0];
  });
  await expect.poll(async () => (await size())[0]).toBeGreaterThan(0);
  return (await size()) as [number, number];
}

/**
 * Issue 16, point 4: the teacher uploads one image by dropping it on the editor and one with
 * the file picker, plays the quiz, and the display (1280×720) shows both; the phone shows the
 * first, whose question needs it on phones, and never even loads the second.
 */
describe('uploaded images in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems } = suite;

  it('uploads by drag and drop and by the file picker; display shows both, the phone only the one it needs', { timeout: 240_000 }, async () => {
    const { server } = suite;
    const title = 'Pictures of space';
    const q1 = 'Which planet is this?';
    const q2 = 'This photo was taken on a phone.';
    const host = await suite.page('host', { viewport: { width: 1280, height: 900 } });
    await host.goto(`${server.url}/host`);
    await host.getByRole('link', { name: '+ New quiz' }).click();
    await fillQuiz(host, title, [
      { type: 'single', text: q1, options: ['Mars', 'Venus', 'Jupiter', 'Saturn'], correct: 0 },
      { type: 'true-false', text: q2, correct: true },
    ]);
    const [box1, box2] = [host.locator('.question-editor').nth(0), host.locator('.question-editor').nth(1)];

    // Question 1: dropped on the field; the preview shows the stored copy; phones get it too.
    await dropFile(host, box1.locator('[data-image-drop]'), await planetPng(), 'planet.png', 'image/png');
    const preview1 = box1.getByRole('img', { name: 'Image of question 1' });
    expect(await loadedSize(preview1)).toEqual([900, 600]);
    const url1 = await box1.getByLabel('Image URL (optional)').inputValue();
    expect(url1).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    await box1.getByLabel('Show the image on phones too (students need it to answer)').check();

    // Question 2: a phone photo through the file picker, shrunk and turned upright by the server; the big screen only.
    await box2.getByLabel('Upload image').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await phonePhotoJpeg() });
    const preview2 = box2.getByRole('img', { name: 'Image of question 2' });
    expect(await loadedSize(preview2)).toEqual([800, 1200]);
    const url2 = await box2.getByLabel('Image URL (optional)').inputValue();
    expect(url2).toMatch(/^\/media\/[0-9a-f]{64}\.jpg$/);

    // A file that is not an image is refused with a sentence, and the field keeps its image.
    await box2.getByLabel('Upload image').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text') });
    await box2.getByRole('alert').filter({ hasText: 'notes.png: That file is not a PNG, JPEG, WebP or GIF image.' }).waitFor();
    expect(await box2.getByLabel('Image URL (optional)').inputValue()).toBe(url2);
    await screenshot(host, 'host-editor-uploaded-images');
    await expectAccessible(host, 'the editor with uploaded images');

    await host.getByRole('button', { name: 'Save quiz' }).click();
    await host.getByText('Saved', { exact: true }).waitFor();
    await host.getByRole('button', { name: `Play ${title}` }).click();
    await host.getByRole('button', { name: 'Open the lobby' }).click();
    await host.waitForURL(/\/host\/\d{6}$/);
    const pin = new URL(host.url()).pathname.split('/').pop() as string;

    const display = await suite.page('display', { viewport: { width: 1280, height: 720 } });
    await display.goto(`${server.url}/display/${pin}`);
    await display.getByText('Waiting for players…').waitFor();
    const phone = await suite.phone('phone');
    const phoneAsked: string[] = [];
    phone.on('request', (r) => phoneAsked.push(new URL(r.url()).pathname));
    await phone.goto(`${server.url}/?pin=${pin}`);
    await phone.getByLabel('Nickname').fill('Ann');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByText("You're in!").waitFor();
    // A second phone, larger and in Arabic (right to left).
    const laila = await suite.page('phone-ar', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ar-EG' });
    await laila.goto(`${server.url}/?pin=${pin}`);
    await laila.getByLabel('الاسم المستعار').fill('ليلى');
    await laila.getByRole('button', { name: 'انضمام' }).click();
    await laila.getByText('انضممت!').waitFor();
    await server.clock.advance(600);
    await host.getByRole('button', { name: 'Start with 2 players' }).click();

    // Question 1: on the display and, as the question needs it, on the phone.
    await display.getByRole('heading', { name: q1 }).waitFor();
    const shown1 = display.locator(`img.question-heading__image[src="${url1}"]`);
    expect(await loadedSize(shown1)).toEqual([900, 600]);
    await server.clock.advance(3000);
    await phone.getByRole('button', { name: /Mars/ }).waitFor();
    const onPhone = phone.locator(`.phone-question img.question-heading__image[src="${url1}"]`);
    expect(await loadedSize(onPhone)).toEqual([900, 600]);
    expect((await onPhone.boundingBox())?.height ?? 0).toBeGreaterThan(40);
    expect(await loadedSize(laila.locator(`.phone-question img.question-heading__image[src="${url1}"]`))).toEqual([900, 600]);
    await screenshot(display, 'display-uploaded-image');
    await screenshot(phone, 'play-uploaded-image');
    await screenshot(laila, 'play-uploaded-image-ar');
    await expectAccessible(phone, 'the phone with a question image');
    await laila.getByRole('button', { name: /Venus/ }).click();
    await phone.getByRole('button', { name: /Mars/ }).click();
    await phone.getByRole('heading', { name: 'Correct!' }).waitFor();

    // Question 2: the display shows the photo; the phone has no image and never asked for it.
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByRole('button', { name: 'Next question' }).click();
    await display.getByRole('heading', { name: q2 }).waitFor();
    expect(await loadedSize(display.locator(`img.question-heading__image[src="${url2}"]`))).toEqual([800, 1200]);
    await server.clock.advance(3000);
    await phone.getByRole('button', { name: /True/ }).waitFor();
    await laila.locator('.answer-pad').waitFor();
    expect(await phone.locator('img.question-heading__image').count()).toBe(0);
    expect(await laila.locator('img.question-heading__image').count()).toBe(0);
    await screenshot(display, 'display-uploaded-photo');
    await screenshot(phone, 'play-no-image');
    expect(phoneAsked).toContain(url1);
    expect(phoneAsked).not.toContain(url2);

    // The library's JSON export carries the images; importing the file gives the same quiz and images.
    const library = await suite.page('library', { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await library.goto(`${server.url}/host`);
    const cards = library.locator('.quiz-card').filter({ has: library.getByRole('heading', { name: title, exact: true }) });
    const [download] = await Promise.all([library.waitForEvent('download'), cards.getByRole('button', { name: `Export ${title} as JSON` }).click()]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { questions: Array<{ imageUrl?: string }> };
    expect(exported.questions.map((q) => q.imageUrl?.slice(0, 22))).toEqual(['data:image/png;base64,', 'data:image/jpeg;base64']);
    await library.getByLabel('Import JSON…').setInputFiles({ name: 'pictures.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await library.getByText(`Imported “${title}”.`).waitFor();
    await expect.poll(() => cards.count()).toBe(2);
    expect(problems).toEqual([]);
  });
});
