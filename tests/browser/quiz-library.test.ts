import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

/**
 * Issue 3, point 4: the library and editor beyond creating a quiz: duplicate a bundled quiz,
 * edit the copy (a slider question, with its validation message next to the field), export
 * it as JSON, delete it, and import the exported file again.
 */
describe('the quiz library in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems } = suite;

  /** The card of the quiz with this title. */
  const card = (page: Page, title: string) => page.locator('.quiz-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

  it('duplicates, edits, exports, deletes and imports a quiz', { timeout: 180_000 }, async () => {
    const { server } = suite;
    const page = await suite.page('teacher', { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(`${server.url}/host`);
    await page.getByRole('button', { name: 'Duplicate General knowledge demo' }).click();
    await page.getByText('Made “General knowledge demo (copy)”.').waitFor();
    await screenshot(page, 'host-library-own-quiz');
    expect(await axeProblems(page), 'axe on the library').toEqual([]);

    // Edit the copy: rename it and add a slider whose scale is upside down.
    await card(page, 'General knowledge demo (copy)').getByRole('link', { name: /^Edit/ }).click();
    await page.getByRole('heading', { name: 'Edit quiz' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('My slider quiz');
    await page.getByLabel('New question type').selectOption({ label: 'Slider (number)' });
    await page.getByRole('button', { name: '+ Add question' }).click();
    const slider = page.locator('.question-editor').last();
    await slider.getByLabel('Question', { exact: true }).fill('How warm is it, in °C?');
    await slider.getByLabel('Lowest').fill('40');
    await slider.getByLabel('Highest').fill('10');
    await page.getByRole('button', { name: 'Save quiz' }).click();
    const highest = slider.getByLabel('Highest');
    expect(await highest.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await highest.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('Must be greater than the lowest value');
    await slider.scrollIntoViewIfNeeded();
    await screenshot(page, 'host-editor-slider-error');
    expect(await axeProblems(page), 'axe on the editor with a slider error').toEqual([]);
    await slider.getByLabel('Lowest').fill('-10');
    await slider.getByLabel('Highest').fill('40');
    await slider.getByLabel('Right answer').fill('21');
    await slider.getByLabel('Counts as right within ±').fill('2');
    await page.getByRole('button', { name: 'Save quiz' }).click();
    await card(page, 'My slider quiz').getByText('Saved').waitFor();

    // Export it as JSON.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card(page, 'My slider quiz').getByRole('button', { name: 'Export My slider quiz as JSON' }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { title: string; questions: Array<{ type: string; min?: number; correct?: unknown }> };
    expect(exported.title).toBe('My slider quiz');
    expect(exported.questions.at(-1)).toMatchObject({ type: 'slider', min: -10, correct: 21 });

    // Delete it (asks once more), then import the exported file.
    await card(page, 'My slider quiz').getByRole('button', { name: 'Delete My slider quiz' }).click();
    await card(page, 'My slider quiz').getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('Deleted “My slider quiz”.').waitFor();
    // The notice comes before the refreshed list: wait for the card to go, not just the words.
    await card(page, 'My slider quiz').waitFor({ state: 'detached' });
    const file = join(tmpdir(), `quizbus-export-${process.pid}.json`);
    await writeFile(file, JSON.stringify(exported));
    await page.getByLabel('Import JSON…').setInputFiles(file);
    await page.getByText('Imported “My slider quiz”.').waitFor();
    await card(page, 'My slider quiz').waitFor();

    // A file that is not a quiz is refused with the reason.
    await writeFile(file, JSON.stringify({ title: '', questions: [] }));
    await page.getByLabel('Import JSON…').setInputFiles(file);
    await page.getByText(/is not a valid quiz\. Title: must not be empty/).waitFor();
    await screenshot(page, 'host-library-import-error');
    expect(problems).toEqual([]);
  });
});
