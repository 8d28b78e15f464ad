import type { GameReport, ReportCsvTable } from '@quizbus/shared';
import ExcelJS from 'exceljs';
import { writeCsv } from '../spreadsheets/csv.ts';
import { answersTable, pointsTable, questionsTable, studentsTable, summaryTable, type Table } from './report-tables.ts';

/** One table of the report as CSV: students (default, with a grade per question), questions, or points. */
export function reportCsv(report: GameReport, table: ReportCsvTable = 'students'): string {
  const t = table === 'questions' ? questionsTable(report) : table === 'points' ? pointsTable(report) : studentsTable(report);
  return writeCsv(t.rows);
}

/**
 * The whole report as an xlsx workbook, one sheet per table: Summary, Students, Questions
 * (hardest first), Answers and Points (the student × question matrix in words and in points).
 * Cells are typed, so a formula in a nickname stays text.
 */
export async function reportXlsx(report: GameReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quizbus';
  const tables: Table[] = [summaryTable(report), studentsTable(report), questionsTable(report), answersTable(report), pointsTable(report)];
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name);
    for (const row of t.rows) ws.addRow(row);
    if (t.name !== 'Summary') {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
    ws.columns.forEach((c, i) => {
      c.width = i === 0 && t.name === 'Summary' ? 18 : Math.min(48, Math.max(8, ...t.rows.map((r) => String(r[i] ?? '').length + 2)));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
