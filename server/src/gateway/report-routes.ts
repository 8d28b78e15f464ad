import { REPORT_CSV_TABLES, REPORT_EXPORT_FORMATS, quizIdSchema, type GameReport, type ReportCsvTable } from '@quizbus/shared';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { hashToken, sameHash } from '../games/tokens.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { buildReport } from '../reports/build-report.ts';
import { reportCsv, reportXlsx } from '../reports/report-files.ts';
import { HttpError } from './http-routes.ts';
import { reportLabels, requestLocale } from '../i18n/report-labels.ts';
import { CSV_TYPE, sendFile, XLSX_TYPE } from './quiz-transfer-routes.ts';
import { opensAnyReport, type TeacherStanding } from './teacher-auth.ts';

/**
 * Sends a report as the file `?format=` asks for (xlsx by default, or the CSV `?table=`), named
 * `<prefix>-<pin>`, with headers and sheet names in the teacher's language (`?lang=` or the
 * browser's Accept-Language). A live game's report and an assignment's go out the same way.
 */
export async function sendReportExport(req: Request, res: Response, report: GameReport, prefix: string): Promise<void> {
  const format = req.query.format ?? 'xlsx';
  const table = req.query.table ?? 'students';
  if (typeof format !== 'string' || !(REPORT_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, 'BAD_REQUEST', `format must be ${REPORT_EXPORT_FORMATS.join(' or ')}.`);
  }
  if (typeof table !== 'string' || !(REPORT_CSV_TABLES as readonly string[]).includes(table)) {
    throw new HttpError(400, 'BAD_REQUEST', `table must be ${REPORT_CSV_TABLES.join(', ')}.`);
  }
  const name = `${prefix}-${report.pin}`;
  const labels = reportLabels(requestLocale(req.query.lang, req.get('accept-language')));
  if (format === 'csv') sendFile(res, `${name}-${table}.csv`, CSV_TYPE, reportCsv(report, table as ReportCsvTable, labels));
  else sendFile(res, `${name}.xlsx`, XLSX_TYPE, await reportXlsx(report, labels));
}

export interface ReportRouteDeps {
  reports: ReportStore;
  /** The event logs, for the report of a game still running (or ended but not yet saved). */
  log: EventLog;
  /** The teacher login check, for the list of past games (part of the library). */
  requireTeacher?: RequestHandler;
  /** Who the request is (teacher-auth.ts): a logged-in teacher opens any report. */
  standing?: (req: Request) => Promise<TeacherStanding>;
}

/** Game ids are generated: g_ and 12 URL-safe characters. */
const GAME_ID = /^g_[A-Za-z0-9_-]{1,62}$/;

/**
 * Game reports over HTTP (docs/protocol.md, "Game reports"):
 * - `GET /api/reports/:gameId`: the report as JSON, for the host (header `x-host-token`) or a
 *   logged-in teacher (session cookie, or the server's own machine), from any browser;
 * - `GET /api/reports/:gameId/export?format=csv|xlsx[&table=students|questions|points]`: a download;
 * - `GET /api/quizzes/:id/reports`: the quiz's past games (date, players, average score).
 * A finished game's report is read from the report store, so it outlives the game; a game
 * that is still running gets one built from its log on the spot.
 */
export function reportRoutes(deps: ReportRouteDeps): Router {
  const r = express.Router();
  const teacher: RequestHandler = deps.requireTeacher ?? ((_req, _res, next) => next());

  /** The report a request may read: the game must exist and the host token or a teacher login must open it. */
  async function authorisedReport(req: Request): Promise<GameReport> {
    const gameId = String(req.params.gameId);
    let report: GameReport | null = null;
    let hostTokenHash = '';
    if (GAME_ID.test(gameId)) {
      const stored = await deps.reports.get(gameId);
      if (stored) {
        report = stored.report;
        hostTokenHash = stored.hostTokenHash;
      } else {
        const events = await deps.log.read(gameId);
        const created = events[0];
        if (created?.type === 'game.created') {
          report = buildReport(events);
          hostTokenHash = created.data.hostTokenHash;
        }
      }
    }
    if (!report) throw new HttpError(404, 'GAME_NOT_FOUND', 'No report for that game (it never ran, or its report has expired).');
    const token = req.get('x-host-token') ?? '';
    if (token && sameHash(hashToken(token), hostTokenHash)) return report;
    const who = deps.standing ? await deps.standing(req) : null;
    if (opensAnyReport(who)) return report;
    // With TEACHER_ACCESS=open there is no login that would help: say what does.
    if (!token && who === 'open') throw new HttpError(401, 'UNAUTHORIZED', 'On this server a report opens only in the browser that hosted the game.');
    if (!token) throw new HttpError(401, 'LOGIN_REQUIRED', 'Log in as a teacher to open reports of games hosted in another browser.');
    throw new HttpError(401, 'UNAUTHORIZED', 'That host token does not open this report.');
  }

  r.get('/api/reports/:gameId', async (req, res) => {
    res.set('cache-control', 'no-store').json(await authorisedReport(req));
  });

  r.get('/api/reports/:gameId/export', async (req, res) => {
    await sendReportExport(req, res, await authorisedReport(req), 'quizbus-report');
  });

  r.get('/api/quizzes/:id/reports', teacher, async (req, res) => {
    const id = quizIdSchema.safeParse(req.params.id);
    res.set('cache-control', 'no-store').json(id.success ? await deps.reports.listByQuiz(id.data) : []);
  });

  return r;
}
