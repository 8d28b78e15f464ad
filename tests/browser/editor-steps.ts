import type { Page } from 'playwright-core';

/** One question as the test types it into the editor. */
export type EditorQuestion =
  | { type: 'single'; text: string; options: string[]; correct: number; explanation?: string }
  | { type: 'true-false'; text: string; correct: boolean };

const TYPE_LABEL = { single: 'Single choice', 'true-false': 'True or false' } as const;

/** Fills the editor at /host/new with a title and questions, as a teacher would, by label. */
export async function fillQuiz(page: Page, title: string, questions: EditorQuestion[]): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(title);
  for (const [i, q] of questions.entries()) {
    if (i > 0) {
      await page.getByLabel('New question type').selectOption({ label: TYPE_LABEL[q.type] });
      await page.getByRole('button', { name: '+ Add question' }).click();
    }
    const box = page.locator('.question-editor').nth(i);
    await box.getByLabel('Question', { exact: true }).fill(q.text);
    if (q.type === 'single') {
      for (const [j, option] of q.options.entries()) {
        await box.getByLabel(`Answer ${String.fromCharCode(65 + j)}`, { exact: true }).fill(option);
      }
      await box.getByRole('radio', { name: `Right answer: Answer ${String.fromCharCode(65 + q.correct)}` }).check();
      if (q.explanation) await box.getByLabel('Explanation shown at the reveal (optional)').fill(q.explanation);
    } else {
      await box.getByRole('radio', { name: q.correct ? 'True' : 'False' }).check();
    }
  }
}
