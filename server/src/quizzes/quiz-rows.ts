import {
  QUIZ_SHEET_COLUMNS,
  quizSchema,
  type ImportIssue,
  type Question,
  type QuizSheetColumn,
} from '@quizbus/shared';
import type { z } from 'zod';
import { importMessages } from '../i18n/import-messages.ts';
import type { ServerLocale } from '../i18n/report-labels.ts';
import { schemaParseOptions, translateSchemaMessage } from '../i18n/schema-messages.ts';
import { columnFor } from './quiz-columns.ts';
import { cellsOfQuestion, questionFromCells, type SheetCells } from './question-cells.ts';

/** A quiz document as the schema gives it back, before the library assigns its id. */
export type QuizDocument = z.infer<typeof quizSchema>;

/**
 * The cells of the quiz's question `i` as one exported row: the question's own, and on the
 * first row the quiz's title, description and read time (CSV and xlsx alike).
 */
export function quizRowCells(quiz: QuizDocument, i: number): Partial<Record<QuizSheetColumn, string | number>> {
  const cells = cellsOfQuestion(quiz.questions[i] as Question);
  if (i === 0) {
    cells.quiz_title = quiz.title;
    if (quiz.description !== undefined) cells.quiz_description = quiz.description;
    cells.quiz_read_time = quiz.readTimeSec;
  }
  return cells;
}

export type ImportResult = { ok: true; quiz: QuizDocument } | { ok: false; issues: ImportIssue[] };

/** One data row of a sheet: its row number as a spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  row: number;
  values: readonly string[];
}

/** The most problems one import reports: enough to fix a file, not a flood. */
const MAX_ISSUES = 50;
const MAX_QUESTIONS = 100;

/** Reads a header row into the column each position holds; unknown and repeated headers are problems. */
export function readHeader(headers: readonly string[], row: number, locale: ServerLocale = 'en'): { columns: Array<QuizSheetColumn | null>; issues: ImportIssue[] } {
  const t = importMessages(locale);
  const issues: ImportIssue[] = [];
  const seen = new Set<QuizSheetColumn>();
  const columns = headers.map((header) => {
    const column = columnFor(header);
    if (column === null && header.trim() !== '') {
      issues.push({ row, column: header.trim(), message: t.unknownColumn({ column: header.trim(), columns: QUIZ_SHEET_COLUMNS.join(', ') }) });
    } else if (column !== null && seen.has(column)) {
      issues.push({ row, column, message: t.duplicateColumn({ column }) });
      return null;
    }
    if (column) seen.add(column);
    return column;
  });
  if (!seen.has('question')) issues.push({ row, message: t.noQuestionColumn() });
  return { columns, issues };
}

/**
 * Turns the rows under a header into a quiz, or every reason it cannot be one. All or
 * nothing: one bad row refuses the whole file, and every bad row is reported with its row
 * number and the reason. Empty rows are skipped (Kahoot's template numbers 100 blank rows).
 * Quiz-level fields come from the first row that has them; without a title, `fallbackTitle`.
 */
export function quizFromRows(columns: ReadonlyArray<QuizSheetColumn | null>, rows: readonly SheetRow[], fallbackTitle: string, locale: ServerLocale = 'en'): ImportResult {
  const t = importMessages(locale);
  const issues: ImportIssue[] = [];
  const questions: Question[] = [];
  const quizLevel: { title?: { row: number; value: string }; description?: string; readTime?: { row: number; value: string } } = {};
  let dataRows = 0;
  for (const { row, values } of rows) {
    const cells: SheetCells = {};
    columns.forEach((column, i) => {
      const value = (values[i] ?? '').trim();
      if (column && value !== '') cells[column] = value;
    });
    if (Object.keys(cells).length === 0) continue;
    if (cells.quiz_title !== undefined) quizLevel.title ??= { row, value: cells.quiz_title };
    if (cells.quiz_description !== undefined) quizLevel.description ??= cells.quiz_description;
    if (cells.quiz_read_time !== undefined) quizLevel.readTime ??= { row, value: cells.quiz_read_time };
    const { quiz_title: _t, quiz_description: _d, quiz_read_time: _r, ...questionCells } = cells;
    if (Object.keys(questionCells).length === 0) continue; // a row of quiz fields only
    dataRows += 1;
    if (dataRows > MAX_QUESTIONS) {
      if (dataRows === MAX_QUESTIONS + 1) issues.push({ row, message: t.tooManyQuestions({ max: MAX_QUESTIONS, count: dataRows }) });
      continue;
    }
    const parsed = questionFromCells(questionCells, row, locale);
    if (parsed.ok) questions.push({ ...parsed.question, id: parsed.question.id ?? `q${questions.length + 1}` });
    else issues.push(...parsed.issues);
  }
  if (dataRows === 0) issues.push({ message: t.noQuestions() });

  let readTimeSec: number | undefined;
  if (quizLevel.readTime) {
    readTimeSec = wholeNumber(quizLevel.readTime.value);
    if (readTimeSec === undefined || readTimeSec < 0 || readTimeSec > 30) {
      issues.push({ row: quizLevel.readTime.row, column: 'quiz_read_time', message: t.seconds({ min: 0, max: 30 }) });
    }
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };

  const doc = {
    title: quizLevel.title?.value ?? fallbackTitle,
    ...(quizLevel.description !== undefined && { description: quizLevel.description }),
    ...(readTimeSec !== undefined && { readTimeSec }),
    questions,
  };
  const checked = quizSchema.safeParse(doc, schemaParseOptions(locale));
  if (checked.success) return { ok: true, quiz: checked.data };
  return {
    ok: false,
    issues: checked.error.issues.slice(0, MAX_ISSUES).map((i) => {
      const field = String(i.path[0] ?? '');
      const column = field === 'title' ? 'quiz_title' : field === 'description' ? 'quiz_description' : undefined;
      const row = field === 'title' ? quizLevel.title?.row : undefined;
      return { ...(row !== undefined && { row }), ...(column && { column }), message: translateSchemaMessage(locale, i.message) };
    }),
  };
}

/** "20" → 20; anything but a whole number → undefined. */
export function wholeNumber(s: string): number | undefined {
  return /^[+-]?\d+(?:\.0+)?$/.test(s.trim()) ? Number.parseInt(s, 10) : undefined;
}
