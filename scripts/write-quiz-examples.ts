/**
 * Writes docs/examples/quiz-template.csv and .xlsx with the exporter, from the same example
 * quiz the server offers as its template (GET /api/quizzes/template.csv / .xlsx).
 * Run: node --import tsx scripts/write-quiz-examples.ts
 * server/src/quizzes/quiz-examples.test.ts checks that the files are current.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { quizToCsv } from '../server/src/quizzes/quiz-csv.ts';
import { TEMPLATE_QUIZ } from '../server/src/quizzes/quiz-template.ts';
import { quizToXlsx } from '../server/src/quizzes/quiz-xlsx.ts';

const dir = fileURLToPath(new URL('../docs/examples/', import.meta.url));
await mkdir(dir, { recursive: true });
await writeFile(`${dir}quiz-template.csv`, quizToCsv(TEMPLATE_QUIZ));
await writeFile(`${dir}quiz-template.xlsx`, await quizToXlsx(TEMPLATE_QUIZ));
process.stdout.write(`wrote ${dir}quiz-template.csv and .xlsx\n`);
