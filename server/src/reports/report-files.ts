import type { GameReport, ReportCsvTable } from '@quizbus/shared';
import ExcelJS from 'exceljs';
import { writeCsv } from '../spreadsheets/csv.ts';
import { reportLabels, type ReportLabels } from '../i18n/report-labels.ts';
import { answersTable, pointsTable, questionsTable, studentsTable, summaryTable, teamsTable, type Table } from './report-tables.ts';

/** One table of the report as CSV: students (default, with a grade per question), questions, points, or teams. */
export function reportCsv(report: GameReport, table: ReportCsvTable = 'students', labels: ReportLabels = reportLabels()): string {
  const t = table === 'questions' ? questionsTable(report, labels) : table === 'points' ? pointsTable(report, labels) : table === 'teams' ? teamsTable(report, labels) : studentsTable(report, labels);
  return writeCsv(t.rows);
}

/**
 * The whole report as an xlsx workbook, one sheet per table: Summary, Students, Teams (team games), Questions
 * (hardest first), Answers and Points (the student × question matrix in words and in points).
 * Cells are typed, so a formula in a nickname stays text.
 */
export async function reportXlsx(report: GameReport, labels: ReportLabels = reportLabels()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quizbus';
  const teams = report.teams ? [teamsTable(report, labels)] : [];
  const tables: Table[] = [summaryTable(report, labels), studentsTable(report, labels), ...teams, questionsTable(report, labels), answersTable(report, labels), pointsTable(report, labels)];
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name);
    for (const row of t.rows) ws.addRow(row);
    if (!t.summary) {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
    ws.columns.forEach((c, i) => {
      c.width = i === 0 && t.summary ? 18 : Math.min(48, Math.max(8, ...t.rows.map((r) => String(r[i] ?? '').length + 2)));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
