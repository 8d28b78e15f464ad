import ExcelJS from 'exceljs';
import { importMessages } from '../i18n/import-messages.ts';
import type { ServerLocale } from '../i18n/report-labels.ts';
import { XLSX_HEADERS } from './quiz-columns.ts';
import { quizFromRows, quizRowCells, readHeader, type ImportResult, type QuizDocument } from './quiz-rows.ts';
import { cellText } from '../spreadsheets/xlsx-cells.ts';

/** Kahoot's template: a few lines of instructions, headers on row 8, questions from row 9. */
export const XLSX_HEADER_ROW = 8;
/** How far down the first sheet the importer looks for the header row. */
const HEADER_SEARCH_ROWS = 20;

const INSTRUCTIONS = [
  'Quizbus quiz — in the layout of the Kahoot! question spreadsheet',
  'One question per row from row 9: the question, answers 1–4, the time limit in seconds and the number(s) of the right answer(s), e.g. 2 or 1,3.',
  'Columns I and on are Quizbus extras: the question type, answers 5–6, points, explanation, image, read time, slider settings, and the quiz title.',
  'Type-answer questions list their accepted answers in the correct-answer column, separated by |. A slider puts its right value there.',
  'Save as .xlsx and import it in the Quizbus library (Import spreadsheet…). Every refused row is listed with its row number.',
];

/** A quiz as an xlsx workbook in the Kahoot! layout plus Quizbus columns; imports back to the same quiz. */
export async function quizToXlsx(quiz: QuizDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quizbus';
  const ws = wb.addWorksheet('Quiz');
  INSTRUCTIONS.forEach((text, i) => {
    ws.getCell(i + 2, 2).value = text;
  });
  ws.getCell(2, 2).font = { bold: true, size: 14 };
  const header = ws.getRow(XLSX_HEADER_ROW);
  XLSX_HEADERS.forEach(([, label], i) => {
    header.getCell(i + 2).value = label;
  });
  header.font = { bold: true };
  quiz.questions.forEach((_, i) => {
    const cells = quizRowCells(quiz, i);
    const row = ws.getRow(XLSX_HEADER_ROW + 1 + i);
    row.getCell(1).value = i + 1;
    XLSX_HEADERS.forEach(([column], c) => {
      const value = cells[column];
      if (value !== undefined) row.getCell(c + 2).value = value;
    });
  });
  ws.getColumn(1).width = 4;
  ws.getColumn(2).width = 48;
  for (let c = 3; c <= XLSX_HEADERS.length + 1; c += 1) ws.getColumn(c).width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads a quiz from the first sheet of an xlsx workbook: Kahoot's question template (headers
 * on row 8) or a Quizbus export, or any sheet whose header row (within the first 20 rows)
 * names a question column. Row numbers in problems are the sheet's own; problems are worded
 * in `locale`.
 */
export async function quizFromXlsx(bytes: Uint8Array, fallbackTitle: string, locale: ServerLocale = 'en'): Promise<ImportResult> {
  const t = importMessages(locale);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, issues: [{ message: t.notXlsx() }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, issues: [{ message: t.noSheet() }] };
  // Only rows that exist are read (findRow, eachRow): a sheet formatted down to row 1 048 576
  // must not cost a million empty rows.
  const width = Math.max(ws.actualColumnCount, 1);
  const textsOf = (row: ExcelJS.Row | undefined) => Array.from({ length: width }, (_, i) => (row ? cellText(row.getCell(i + 1).value) : ''));
  let headerRow = 0;
  for (let r = 1; r <= HEADER_SEARCH_ROWS && headerRow === 0; r += 1) {
    if (readHeader(textsOf(ws.findRow(r)), r).columns.includes('question')) headerRow = r;
  }
  if (headerRow === 0) {
    return { ok: false, issues: [{ message: t.noHeaderRow({ rows: HEADER_SEARCH_ROWS }) }] };
  }
  const header = readHeader(textsOf(ws.findRow(headerRow)), headerRow, locale);
  if (header.issues.length > 0) return { ok: false, issues: header.issues };
  const rows: Array<{ row: number; values: string[] }> = [];
  ws.eachRow((row, r) => {
    if (r > headerRow) rows.push({ row: r, values: textsOf(row) });
  });
  return quizFromRows(header.columns, rows, fallbackTitle, locale);
}
