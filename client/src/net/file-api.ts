import {
  gameReportSchema,
  importIssueSchema,
  reportSummarySchema,
  type ErrorCode,
  type GameReport,
  type ImportIssue,
  type Quiz,
  type QuizExportFormat,
  type ReportSummary,
  type UploadedImage,
} from '@quizbus/shared';
import { currentLocale } from '../i18n/current-locale.ts';
import { ApiError, noteLoginRequired } from './api.ts';

/**
 * The teacher's files: quiz spreadsheets in and out, and game reports. Downloads go through
 * fetch (not a plain link) so a report can carry its host token in a header, never in the
 * URL, and so a failure shows as a message instead of a broken file.
 */

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    // The teacher's chosen language names the columns and sheets of what comes back.
    res = await fetch(path, { ...init, headers: { 'accept-language': currentLocale(), ...(init.headers as Record<string, string> | undefined) } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check the connection.');
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: { code?: ErrorCode; message?: string; issues?: unknown } } | null;
  noteLoginRequired(body?.error?.code);
  const issues = importIssueSchema.array().safeParse(body?.error?.issues);
  throw new ImportRefused(res.status, body?.error?.code ?? 'INTERNAL', body?.error?.message ?? `Request failed (${res.status}).`, issues.success ? issues.data : []);
}

/** An API error that may list refused spreadsheet rows. */
export class ImportRefused extends ApiError {
  constructor(
    status: number,
    code: ErrorCode | 'NETWORK',
    message: string,
    readonly rows: ImportIssue[],
  ) {
    super(status, code, message);
  }
}

/** The file name a download response suggests (content-disposition), or a fallback. */
function filenameOf(res: Response, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return m?.[1] ?? fallback;
}

/** Fetches a file and hands it to the browser's downloads. */
async function download(path: string, fallbackName: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await call(path, { headers });
  saveBlob(filenameOf(res, fallbackName), await res.blob());
}

/** Saves a blob through the browser's download. */
export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Imports a CSV, xlsx or JSON (export) file as a new quiz; ImportRefused lists the refused rows. */
export async function importQuizFile(file: File): Promise<Quiz> {
  const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : /\.json$/i.test(file.name) ? 'json' : 'csv';
  const title = file.name.replace(/\.(csv|xlsx|txt|json)$/i, '').replace(/[-_]+/g, ' ').trim();
  const query = new URLSearchParams({ format, ...(title && { title }) });
  const res = await call(`/api/quizzes/import?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
  return (await res.json()) as Quiz;
}

/** Downloads a quiz as JSON, CSV or xlsx. */
export function downloadQuiz(id: string, format: QuizExportFormat): Promise<void> {
  return download(`/api/quizzes/${encodeURIComponent(id)}/export?format=${format}`, `${id}.${format}`);
}

/** Downloads the example quiz to fill in. */
export function downloadTemplate(format: 'csv' | 'xlsx'): Promise<void> {
  return download(`/api/quizzes/template.${format}`, `quiz-template.${format}`);
}

/** The past games of a quiz, most recent first. */
export async function listReports(quizId: string): Promise<ReportSummary[]> {
  const res = await call(`/api/quizzes/${encodeURIComponent(quizId)}/reports`);
  return reportSummarySchema.array().parse(await res.json());
}

/** The header that opens a report with the game's host token; none leaves it to the teacher session. */
const hostTokenHeader = (hostToken: string | null): Record<string, string> => (hostToken ? { 'x-host-token': hostToken } : {});

/** A game's report: opened by the game's host token, or by a teacher session when there is none. */
export async function getReport(gameId: string, hostToken: string | null): Promise<GameReport> {
  const res = await call(`/api/reports/${encodeURIComponent(gameId)}`, { headers: hostTokenHeader(hostToken) });
  return gameReportSchema.parse(await res.json());
}

/** Downloads a game's report as xlsx (every table) or as the students' CSV. */
export function downloadReport(gameId: string, hostToken: string | null, format: 'csv' | 'xlsx'): Promise<void> {
  return download(`/api/reports/${encodeURIComponent(gameId)}/export?format=${format}`, `quizbus-report.${format}`, hostTokenHeader(hostToken));
}

/** Uploads a question image (the server checks, strips and shrinks it); resolves with where it now lives. */
export async function uploadImage(file: Blob): Promise<UploadedImage> {
  const res = await call('/api/media', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
  return (await res.json()) as UploadedImage;
}

/** An assignment's report as a file (teacher login). */
export function downloadAssignmentReport(assignmentId: string, format: 'csv' | 'xlsx'): Promise<void> {
  return download(`/api/assignments/${encodeURIComponent(assignmentId)}/report/export?format=${format}`, `quizbus-assignment.${format}`);
}
