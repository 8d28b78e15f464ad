import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { kahootWorkbook } from '../../../tests/support/kahoot-workbook.ts';
import { loadBundledQuizzes } from './bundled.ts';
import type { QuizDocument } from './quiz-rows.ts';
import { TEMPLATE_QUIZ } from './quiz-template.ts';
import { quizFromXlsx, quizToXlsx, XLSX_HEADER_ROW } from './quiz-xlsx.ts';

const withoutId = ({ id: _id, ...doc }: QuizDocument) => doc;

async function imported(bytes: Uint8Array, title = 'Fallback'): Promise<QuizDocument> {
  const result = await quizFromXlsx(bytes, title);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.quiz;
}

describe('quiz xlsx import and export (Kahoot! layout)', () => {
  it('imports the Kahoot! question template: numbers, comma lists and text cells alike', async () => {
    const bytes = await kahootWorkbook([
      ['What is 2 + 2?', '3', '4', '5', '22', 20, 2],
      ['Which are fruits?', 'Apple', 'Carrot', 'Banana', null, 30, '1,3'],
      ['Two answers are enough', 'Yes', 'No', null, null, 5, '1'],
      [{ richText: [{ text: 'Rich ' }, { text: 'text', font: { bold: true } }] } as unknown as string, 1000, 2000, null, null, 240, 1],
    ]);
    const quiz = await imported(bytes, 'Kahoot import');
    expect(quiz).toEqual({
      title: 'Kahoot import',
      readTimeSec: 3,
      questions: [
        { id: 'q1', type: 'single', text: 'What is 2 + 2?', options: ['3', '4', '5', '22'], correct: 1, timeLimitSec: 20, points: 'standard' },
        { id: 'q2', type: 'multi', text: 'Which are fruits?', options: ['Apple', 'Carrot', 'Banana'], correct: [0, 2], timeLimitSec: 30, points: 'standard' },
        { id: 'q3', type: 'single', text: 'Two answers are enough', options: ['Yes', 'No'], correct: 0, timeLimitSec: 5, points: 'standard' },
        { id: 'q4', type: 'single', text: 'Rich text', options: ['1000', '2000'], correct: 0, timeLimitSec: 240, points: 'standard' },
      ],
    });
  });

  it('reports rejected rows with the sheet\'s row numbers and imports nothing', async () => {
    const bytes = await kahootWorkbook([
      ['Fine', 'a', 'b', null, null, 20, 1],
      ['No answers', null, null, null, null, 20, 1],
      ['Too slow', 'a', 'b', null, null, 600, 1],
      ['No right answer', 'a', 'b', null, null, 20, null],
      ['Wrong list', 'a', 'b', null, null, 20, 'a,b'],
    ]);
    expect(await quizFromXlsx(bytes, 'x')).toEqual({
      ok: false,
      issues: [
        { row: 10, column: 'correct', message: 'answer 1 is empty' },
        { row: 11, column: 'time_limit', message: 'must be a whole number of seconds from 5 to 240' },
        { row: 12, column: 'correct', message: expect.stringContaining('give the number of the right answer') },
        { row: 13, column: 'type', message: expect.stringContaining('set the type') },
      ],
    });
  });

  it('exports in the Kahoot! layout: headers on row 8, questions from row 9', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await quizToXlsx(TEMPLATE_QUIZ)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(XLSX_HEADER_ROW).values).toEqual(
      expect.arrayContaining(['Question - max 120 characters', 'Answer 1 - max 75 characters', 'Correct answer(s) - choose at least one', 'Type']),
    );
    expect(ws.getCell('B8').value).toBe('Question - max 120 characters');
    expect(ws.getCell('H8').value).toBe('Correct answer(s) - choose at least one');
    expect([ws.getCell('A9').value, ws.getCell('B9').value, ws.getCell('D9').value, ws.getCell('G9').value, ws.getCell('H9').value]).toEqual([
      1,
      'Which planet is known as the red planet?',
      'Mars',
      20,
      2,
    ]);
    expect(ws.getCell('H10').value).toBe('1,3');
  });

  it('round-trips a quiz with every question type, and every bundled quiz', async () => {
    expect(await imported(new Uint8Array(await quizToXlsx(TEMPLATE_QUIZ)))).toEqual(TEMPLATE_QUIZ);
    for (const quiz of loadBundledQuizzes()) {
      expect(withoutId(await imported(new Uint8Array(await quizToXlsx(quiz))))).toEqual(withoutId(quiz));
    }
  });

  it('refuses a file that is not a workbook, and a sheet without a question header', async () => {
    expect(await quizFromXlsx(new TextEncoder().encode('question,correct\nQ,1'), 'x')).toEqual({ ok: false, issues: [{ message: 'the file is not an Excel workbook (.xlsx)' }] });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Empty').getCell('A1').value = 'nothing here';
    expect(await quizFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'x')).toEqual({
      ok: false,
      issues: [{ message: expect.stringContaining('no header row with a "Question" column') }],
    });
  });
});
