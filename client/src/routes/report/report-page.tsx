import type { GameReport } from '@quizbus/shared';
import { useEffect, useState } from 'react';
import { ApiError } from '../../net/api.ts';
import { downloadReport, getReport } from '../../net/file-api.ts';
import { loadReportKey } from '../../net/report-keys.ts';
import { Link } from '../../router/router.tsx';
import { MatrixTable, QuestionsTable, StudentsTable } from './report-tables.tsx';

const when = (ms: number | null) => (ms === null ? '—' : new Date(ms).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' }));
const END = { finished: 'played to the end', host: 'ended by the host', idle: 'ended after being idle' } as const;

/**
 * `/reports/:gameId`: a game's report for its host. It opens with the host token this browser
 * kept when it started or hosted the game (the URL carries no secret), or, in any browser, with
 * a teacher login (the server answers LOGIN_REQUIRED without one, and the surrounding gate
 * shows the login): students, questions hardest first, the student × question matrix, and
 * downloads as Excel or CSV.
 */
export function ReportPage({ gameId }: { gameId: string }) {
  const token = loadReportKey(gameId);
  const [report, setReport] = useState<GameReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getReport(gameId, token)
      .then((r) => live && setReport(r))
      .catch((err: unknown) => live && setProblem(err instanceof ApiError ? err.message : 'The report could not be loaded.'));
    return () => {
      live = false;
    };
  }, [gameId, token]);

  const download = (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setProblem(null);
    downloadReport(gameId, token, format)
      .catch((err: unknown) => setProblem(err instanceof ApiError ? err.message : 'The download did not work.'))
      .finally(() => setBusy(false));
  };

  if (!report) {
    return (
      <main className="page page--narrow">
        <h1>Game report</h1>
        {problem ? <p role="alert">{problem}</p> : <p>Loading…</p>}
        <p>
          <Link href="/host">Back to the quizzes</Link>
        </p>
      </main>
    );
  }
  return (
    <main className="page report">
      <p>
        <Link href="/host">← Quizzes</Link>
      </p>
      <header className="report__head">
        <h1>
          Report: <span className="report__title">{report.title}</span>
        </h1>
        <p className="report__meta">
          {when(report.endedAt ?? report.startedAt)} · PIN {report.pin} · {report.endReason ? END[report.endReason] : 'still running'}
        </p>
        <dl className="report__figures">
          <div>
            <dt>Players</dt>
            <dd data-testid="report-players">{report.playerCount}</dd>
          </div>
          <div>
            <dt>Questions played</dt>
            <dd>{report.questionCount}</dd>
          </div>
          <div>
            <dt>Average score</dt>
            <dd data-testid="report-average">{Math.round(report.averageScore).toLocaleString('en')}</dd>
          </div>
        </dl>
        <div className="report__downloads" role="group" aria-label="Download the report">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => download('xlsx')}>
            Download report (Excel)
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => download('csv')}>
            Download students (CSV)
          </button>
        </div>
        {problem ? <p role="alert">{problem}</p> : null}
      </header>
      <StudentsTable report={report} />
      <QuestionsTable report={report} />
      <MatrixTable report={report} />
    </main>
  );
}
