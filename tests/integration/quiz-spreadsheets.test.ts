import type { ImportIssue, Quiz } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { saveQuiz } from '../support/test-client.ts';
import { allTypesQuiz, useServer } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Issue 7, point 1: quizzes in and out of spreadsheets over HTTP, all or nothing. */
describe('quiz spreadsheets over HTTP', () => {
  const h = useServer();

  const get = (path: string) => fetch(`${h.server.url}${path}`);
  const upload = (body: Uint8Array | string, query: string, type = 'application/octet-stream') =>
    fetch(`${h.server.url}/api/quizzes/import${query}`, { method: 'POST', headers: { 'content-type': type }, body });
  const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());
  const withoutId = ({ id: _id, ...doc }: Quiz) => doc;

  it('serves the templates, which import as they are', async () => {
    const csv = await get('/api/quizzes/template.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="quiz-template.csv"');
    const xlsx = await get('/api/quizzes/template.xlsx');
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const fromCsv = await upload(await bytes(csv), '?format=csv', 'text/csv');
    const fromXlsx = await upload(await bytes(xlsx), ''); // the format is recognised from the bytes
    expect(fromCsv.status).toBe(201);
    expect(fromXlsx.status).toBe(201);
    const a = (await fromCsv.json()) as Quiz;
    const b = (await fromXlsx.json()) as Quiz;
    expect(a.title).toBe('Quiz template');
    expect(a.questions.map((q) => q.type)).toEqual(['single', 'multi', 'true-false', 'type-answer', 'slider', 'ordering', 'poll', 'word-cloud', 'open-answer', 'slide']);
    expect(withoutId(b)).toEqual(withoutId(a));
    expect(a.id).not.toBe(b.id);
    // Both are in the library now.
    const library = (await (await get('/api/quizzes')).json()) as Array<{ id: string }>;
    expect(library.map((q) => q.id)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('exports a quiz as JSON, CSV and xlsx; each imports back to the same quiz', async () => {
    const id = await saveQuiz(h.server.url, allTypesQuiz());
    const original = (await (await get(`/api/quizzes/${id}`)).json()) as Quiz;
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await get(`/api/quizzes/${id}/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}.${format}"`);
      const back = await upload(await bytes(res), `?format=${format}`);
      expect(back.status).toBe(201);
      expect(withoutId((await back.json()) as Quiz)).toEqual(withoutId(original));
    }
    const json = await get(`/api/quizzes/${id}/export?format=json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual(original);
  });

  it('refuses a file with bad rows: every row with its number and reason, and nothing saved', async () => {
    const before = ((await (await get('/api/quizzes')).json()) as unknown[]).length;
    const csv = ['question,answer_1,answer_2,correct,time_limit', 'Good one,a,b,1,20', 'No answers,,,1,20', 'Too slow,a,b,2,999', 'Also good,a,b,2,20'].join('\n');
    const res = await upload(csv, '?format=csv&title=Broken', 'text/csv');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; issues: ImportIssue[] } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toBe('2 problems in the file; nothing was imported.');
    expect(body.error.issues).toEqual([
      { row: 3, column: 'correct', message: 'answer 1 is empty' },
      { row: 4, column: 'time_limit', message: 'must be a whole number of seconds from 5 to 240' },
    ]);
    expect(((await (await get('/api/quizzes')).json()) as unknown[]).length).toBe(before);
  });

  it('words the refusal in the teacher\'s language: ?lang= first, then Accept-Language; rows and columns unchanged', async () => {
    const csv = ['question,answer_1,answer_2,correct,time_limit', 'No answers,,,1,20', 'Too slow,a,b,2,999'].join('\n');
    const refuse = async (query: string, language?: string) => {
      const headers: Record<string, string> = { 'content-type': 'text/csv', ...(language && { 'accept-language': language }) };
      const res = await fetch(`${h.server.url}/api/quizzes/import${query}`, { method: 'POST', headers, body: csv });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { code: string; message: string; issues: ImportIssue[] } }).error;
    };
    const de = await refuse('?format=csv', 'de-DE,de;q=0.9,en;q=0.5');
    expect(de.code).toBe('BAD_REQUEST');
    expect(de.message).toBe('2 Probleme in der Datei; es wurde nichts importiert.');
    expect(de.issues).toEqual([
      { row: 2, column: 'correct', message: 'Antwort 1 ist leer' },
      { row: 3, column: 'time_limit', message: 'muss eine ganze Zahl von Sekunden zwischen 5 und 240 sein' },
    ]);
    const ar = await refuse('?format=csv&lang=ar', 'de');
    expect(ar.message).toBe('عدد المشكلات في الملف: 2؛ لم يُستورد أي شيء.');
    expect(ar.issues).toEqual([
      { row: 2, column: 'correct', message: 'الإجابة رقم 1 فارغة' },
      { row: 3, column: 'time_limit', message: 'يجب أن يكون عددًا صحيحًا من الثواني من 5 إلى 240' },
    ]);
    const unknown = await refuse('?format=csv', 'sw');
    expect(unknown.message).toBe('2 problems in the file; nothing was imported.');
  });

  it('takes the title from ?title= when the file has none, and refuses bad requests clearly', async () => {
    const res = await upload('question,correct\nThe sky is blue.,true', '?title=Science', 'text/csv');
    expect(res.status).toBe(201);
    expect(((await res.json()) as Quiz).title).toBe('Science');
    expect((await upload('', '?format=csv')).status).toBe(400);
    expect((await upload('x', '?format=pdf')).status).toBe(400);
    const notXlsx = await upload('question\nQ', '?format=xlsx');
    expect(((await notXlsx.json()) as { error: { issues: ImportIssue[] } }).error.issues).toEqual([{ message: 'the file is not an Excel workbook (.xlsx)' }]);
    expect((await upload(new Uint8Array(3 * 1024 * 1024), '?format=csv')).status).toBe(413);
    expect((await get('/api/quizzes/no-such-quiz/export?format=csv')).status).toBe(404);
    expect((await get('/api/quizzes/event-driven-architecture/export?format=pdf')).status).toBe(400);
    // Bundled quizzes export too.
    expect((await get('/api/quizzes/event-driven-architecture/export?format=xlsx')).status).toBe(200);
  });
});

describe('quiz spreadsheets with a teacher password', () => {
  const h = useServer({ TEACHER_PASSWORD: 'correct horse battery' });

  it('need the teacher login to import or export', async () => {
    const imp = await fetch(`${h.server.url}/api/quizzes/import?format=csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'question,correct\nQ,true' });
    expect(imp.status).toBe(401);
    const exp = await fetch(`${h.server.url}/api/quizzes/event-driven-architecture/export?format=csv`);
    expect(exp.status).toBe(401);
  });
});
