import { QUIZ_EXPORT_FORMATS, QUIZ_IMPORT_FORMATS, quizIdSchema, type QuizExportFormat, type QuizImportFormat } from '@quizbus/shared';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { importMessages } from '../i18n/import-messages.ts';
import { requestLocale } from '../i18n/report-labels.ts';
import type { QuizStore } from '../ports/quiz-store.ts';
import { quizFromCsv, quizToCsv } from '../quizzes/quiz-csv.ts';
import type { ImportResult, QuizDocument } from '../quizzes/quiz-rows.ts';
import { TEMPLATE_QUIZ } from '../quizzes/quiz-template.ts';
import { quizFromXlsx, quizToXlsx } from '../quizzes/quiz-xlsx.ts';
import { decodeCsvBytes } from '../spreadsheets/csv.ts';
import { HttpError, quizIdFor } from './http-routes.ts';
import type { ImageStore } from '../ports/image-store.ts';
import { importJsonQuiz, JSON_IMPORT_LIMIT, jsonExport } from './quiz-json-transfer.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
/** Largest spreadsheet accepted: a 100-question quiz is far below it. */
export const IMPORT_LIMIT = '2mb';

/** '2mb' as bytes. */
function bytesOf(limit: string): number {
  return Number.parseInt(limit, 10) * 1024 * 1024;
}

export interface QuizTransferDeps {
  quizzes: QuizStore;
  /** The teacher login check, as for the rest of the library. */
  requireTeacher?: RequestHandler;
  /** Uploaded images, embedded in JSON exports and restored from JSON imports. */
  images?: ImageStore;
}

/** Sends a file as a download. */
export function sendFile(res: Response, filename: string, type: string, body: string | Buffer): void {
  res
    .status(200)
    .set({ 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' })
    .send(body);
}

/** The document as a spreadsheet in the format asked for. */
export async function sendQuiz(res: Response, quiz: QuizDocument, name: string, format: QuizExportFormat): Promise<void> {
  if (format === 'json') sendFile(res, `${name}.json`, 'application/json; charset=utf-8', `${JSON.stringify(quiz, null, 2)}\n`);
  else if (format === 'csv') sendFile(res, `${name}.csv`, CSV_TYPE, quizToCsv(quiz));
  else sendFile(res, `${name}.xlsx`, XLSX_TYPE, await quizToXlsx(quiz));
}

function isJsonRequest(req: Request): boolean {
  return (req.get('content-type') ?? '').startsWith('application/json');
}

/** Which format an upload is in: `?format=`, else its content type, else its first bytes (JSON opens with `{`, xlsx is a zip). */
function importFormat(req: Request, body: Buffer): QuizImportFormat {
  const asked = req.query.format;
  if (asked !== undefined) {
    if (typeof asked === 'string' && (QUIZ_IMPORT_FORMATS as readonly string[]).includes(asked)) return asked as QuizImportFormat;
    throw new HttpError(400, 'BAD_REQUEST', `format must be ${QUIZ_IMPORT_FORMATS.join(' or ')}.`);
  }
  const type = req.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) return 'xlsx';
  if (type.startsWith('text/csv')) return 'csv';
  if (body.toString('latin1', 0, 64).trimStart().startsWith('{')) return 'json';
  return body.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1')) ? 'xlsx' : 'csv';
}

/**
 * Quiz import and export as spreadsheets (docs/protocol.md, "Quiz spreadsheets"):
 * - `GET /api/quizzes/template.csv`, `GET /api/quizzes/template.xlsx`: an example quiz to fill in;
 * - `POST /api/quizzes/import?format=csv|xlsx[&title=…]`: the file is the body; all or nothing,
 *   every refused row reported with its row number and reason, worded in `?lang=` or else
 *   Accept-Language (row numbers and column keys stay as they are);
 * - `GET /api/quizzes/:id/export?format=json|csv|xlsx`: a download that imports back to the same quiz.
 * Mounted before the library routes, whose `/api/quizzes/:id` would otherwise take these paths.
 */
export function quizTransferRoutes(deps: QuizTransferDeps): Router {
  const r = express.Router();
  const teacher: RequestHandler = deps.requireTeacher ?? ((_req, _res, next) => next());

  r.get('/api/quizzes/template.csv', (_req, res) => sendFile(res, 'quiz-template.csv', CSV_TYPE, quizToCsv(TEMPLATE_QUIZ)));
  r.get('/api/quizzes/template.xlsx', async (_req, res) => sendFile(res, 'quiz-template.xlsx', XLSX_TYPE, await quizToXlsx(TEMPLATE_QUIZ)));

  r.post('/api/quizzes/import', teacher, express.raw({ type: () => true, limit: JSON_IMPORT_LIMIT }), async (req, res) => {
    const body: unknown = req.body;
    // Sent as application/json, the app's JSON parser (512 KB) has read it already.
    if (isJsonRequest(req) && typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) {
      res.status(201).json(await deps.quizzes.save(await importJsonQuiz(body, deps.images)));
      return;
    }
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new HttpError(400, 'BAD_REQUEST', 'Send the quiz file as the request body (CSV, xlsx or JSON).');
    }
    const format = importFormat(req, body);
    if (format === 'json') {
      res.status(201).json(await deps.quizzes.save(await importJsonQuiz(body, deps.images)));
      return;
    }
    // Only a JSON export carries images; a spreadsheet keeps the old, smaller limit.
    if (body.length > bytesOf(IMPORT_LIMIT)) throw new HttpError(413, 'BAD_REQUEST', 'The body is too large.');
    const title = typeof req.query.title === 'string' && req.query.title.trim() !== '' ? req.query.title.trim().slice(0, 120) : 'Imported quiz';
    const locale = requestLocale(req.query.lang, req.get('accept-language'));
    const result: ImportResult =
      format === 'xlsx' ? await quizFromXlsx(body, title, locale) : quizFromCsv(decodeCsvBytes(body), title, locale);
    if (!result.ok) {
      throw new HttpError(400, 'BAD_REQUEST', importMessages(locale).summary({ count: result.issues.length }), result.issues);
    }
    res.status(201).json(await deps.quizzes.save({ ...result.quiz, id: quizIdFor(result.quiz.title) }));
  });

  r.get('/api/quizzes/:id/export', teacher, async (req, res) => {
    const id = quizIdSchema.safeParse(req.params.id);
    const quiz = id.success ? await deps.quizzes.get(id.data) : null;
    if (!quiz) throw new HttpError(404, 'QUIZ_NOT_FOUND', 'No such quiz.');
    const format = req.query.format ?? 'json';
    if (typeof format !== 'string' || !(QUIZ_EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new HttpError(400, 'BAD_REQUEST', `format must be ${QUIZ_EXPORT_FORMATS.join(', ')}.`);
    }
    if (format === 'json') sendFile(res, `${quiz.id}.json`, 'application/json; charset=utf-8', await jsonExport(quiz, deps.images));
    else await sendQuiz(res, quiz, quiz.id, format as QuizExportFormat);
  });

  return r;
}
