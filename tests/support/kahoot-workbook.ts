import ExcelJS from 'exceljs';

/** One question row of the template: question, answers 1–4, time limit, correct answer(s). */
export type KahootRow = Array<string | number | null>;

/**
 * A workbook laid out like the Kahoot! question template: instructions in column B of rows
 * 1–7, the headers on row 8 (column A blank), questions from row 9 with their number in column
 * A, and numbered blank rows after them, as the template has up to row 108. A `null` cell is
 * left empty.
 */
export async function kahootWorkbook(rows: KahootRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('B2').value = 'Quiz template';
  ws.getCell('B3').value = 'Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). Have fun creating your awesome quiz!';
  ws.getCell('B4').value = 'Remember: questions have a limit of 120 characters and answers can have 75 characters max. Text will turn red in Excel or Google Docs if you exceed this limit. If several answers are correct, separate them with a comma.';
  ws.getCell('B5').value = "See an example question below (don't forget to overwrite this with your first question!)";
  ws.getCell('B6').value = "And remember, if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!";
  ws.getRow(8).values = [
    null,
    'Question - max 120 characters',
    'Answer 1 - max 75 characters',
    'Answer 2 - max 75 characters',
    'Answer 3 - max 75 characters',
    'Answer 4 - max 75 characters',
    'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs',
    'Correct answer(s) - choose at least one',
  ];
  for (let i = 0; i < 100; i += 1) {
    const row = ws.getRow(9 + i);
    row.getCell(1).value = i + 1;
    (rows[i] ?? []).forEach((v, c) => {
      if (v !== null) row.getCell(c + 2).value = v;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
