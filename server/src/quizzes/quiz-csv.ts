import { QUIZ_SHEET_COLUMNS } from '@quizbus/shared';
import { importMessages } from '../i18n/import-messages.ts';
import type { ServerLocale } from '../i18n/report-labels.ts';
import { parseCsv, unescapeCell, writeCsv } from '../spreadsheets/csv.ts';
import { quizFromRows, quizRowCells, readHeader, type ImportResult, type QuizDocument } from './quiz-rows.ts';

/**
 * A quiz as CSV: a header row with every column of QUIZ_SHEET_COLUMNS, then one row per
 * question; the quiz's title, description and read time sit in the first question's row.
 * Importing the text gives the same quiz back.
 */
export function quizToCsv(quiz: QuizDocument): string {
  const rows: Array<Array<string | number>> = [[...QUIZ_SHEET_COLUMNS]];
  quiz.questions.forEach((_, i) => {
    const cells = quizRowCells(quiz, i);
    rows.push(QUIZ_SHEET_COLUMNS.map((c) => cells[c] ?? ''));
  });
  return writeCsv(rows);
}

/**
 * Reads a quiz from CSV text (comma, semicolon or tab separated). The first non-empty row is
 * the header; only a `question` column is required and the order of columns is free. Row
 * numbers in problems count the header as row 1, as a spreadsheet shows the file. Problems
 * are worded in `locale`.
 */
export function quizFromCsv(text: string, fallbackTitle: string, locale: ServerLocale = 'en'): ImportResult {
  const t = importMessages(locale);
  const parsed = parseCsv(text);
  // The parser fails on one thing only, an unclosed quote; its English message is replaced.
  if (!parsed.ok) return { ok: false, issues: [{ row: parsed.record, message: t.unclosedQuote() }] };
  const records = parsed.records.map((r) => r.map(unescapeCell));
  const headerAt = records.findIndex((r) => r.some((v) => v.trim() !== ''));
  if (headerAt < 0) return { ok: false, issues: [{ message: t.emptyFile() }] };
  const header = readHeader(records[headerAt] as string[], headerAt + 1, locale);
  if (header.issues.length > 0) return { ok: false, issues: header.issues };
  const rows = records.slice(headerAt + 1).map((values, i) => ({ row: headerAt + 2 + i, values }));
  return quizFromRows(header.columns, rows, fallbackTitle, locale);
}
