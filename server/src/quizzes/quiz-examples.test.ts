import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quizFromCsv, quizToCsv } from './quiz-csv.ts';
import { TEMPLATE_QUIZ } from './quiz-template.ts';
import { quizFromXlsx } from './quiz-xlsx.ts';

const EXAMPLES = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));

/** docs/examples holds the exporter's output for the template quiz (scripts/write-quiz-examples.ts). */
describe('the example spreadsheets in docs/examples', () => {
  it('quiz-template.csv is what the exporter writes, and imports as the template quiz', async () => {
    const text = await readFile(`${EXAMPLES}quiz-template.csv`, 'utf8');
    expect(text).toBe(quizToCsv(TEMPLATE_QUIZ));
    expect(quizFromCsv(text, 'x')).toEqual({ ok: true, quiz: TEMPLATE_QUIZ });
  });

  it('quiz-template.xlsx imports as the template quiz', async () => {
    expect(await quizFromXlsx(await readFile(`${EXAMPLES}quiz-template.xlsx`), 'x')).toEqual({ ok: true, quiz: TEMPLATE_QUIZ });
  });
});
