import type { GameReport } from '@quizbus/shared';
import { useEffect, useState } from 'react';
import { apiErrorText } from '../../components/error-text.ts';
import { useLocale, type MessageId } from '../../i18n/i18n-context.ts';
import { downloadReport, getReport } from '../../net/file-api.ts';
import { loadReportKey } from '../../net/report-keys.ts';
import { Link } from '../../router/router.tsx';
import { MatrixTable, QuestionsTable, StudentsTable } from './report-tables.tsx';
import { TeamsTable } from './report-teams-table.tsx';

const END: Record<NonNullable<GameReport['endReason']>, MessageId> = { finished: 'report.endFinished', host: 'report.endHost', idle: 'report.endIdle' };

/**
 * `/reports/:gameId`: a game's report for its host. It opens with the host token this browser
 * kept when it started or hosted the game (the URL carries no secret), or, in any browser, with
 * a teacher login (the server answers LOGIN_REQUIRED without one, and the surrounding gate
 * shows the login): students, questions hardest first, the student × question matrix, and
 * downloads as Excel or CSV.
 */
export function ReportPage({ gameId }: { gameId: string }) {
  const { t, format } = useLocale();
  const token = loadReportKey(gameId);
  const [report, setReport] = useState<GameReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getReport(gameId, token)
      .then((r) => live && setReport(r))
      .catch((err: unknown) => live && setProblem(apiErrorText(t, err)));
    return () => {
      live = false;
    };
  }, [gameId, token, t]);

  const download = (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setProblem(null);
    downloadReport(gameId, token, format)
      .catch((err: unknown) => setProblem(apiErrorText(t, err)))
      .finally(() => setBusy(false));
  };

  if (!report) {
    return (
      <main className="page page--narrow">
        <h1>{t('title.report')}</h1>
        {problem ? <p role="alert">{problem}</p> : <p>{t('common.loading')}</p>}
        <p>
          <Link href="/host">{t('host.backToQuizzes')}</Link>
        </p>
      </main>
    );
  }
  return (
    <main className="page report">
      <p>
        <Link href="/host">{t('host.quizzesLink')}</Link>
      </p>
      <header className="report__head">
        <h1>
          {t('report.heading')} <span className="report__title">{report.title}</span>
        </h1>
        <p className="report__meta">
          {report.endedAt ?? report.startedAt ? format.dateTime(report.endedAt ?? report.startedAt ?? 0) : '—'} · {t('display.pin', { pin: report.pin })} · {report.endReason ? t(END[report.endReason]) : t('report.running')}
        </p>
        <dl className="report__figures">
          <div>
            <dt>{t('lobby.playersLabel')}</dt>
            <dd data-testid="report-players">{report.playerCount}</dd>
          </div>
          <div>
            <dt>{t('report.questionsPlayed')}</dt>
            <dd>{report.questionCount}</dd>
          </div>
          <div>
            <dt>{t('report.average')}</dt>
            <dd data-testid="report-average">{format.number(Math.round(report.averageScore))}</dd>
          </div>
        </dl>
        <div className="report__downloads" role="group" aria-label={t('report.downloads')}>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => download('xlsx')}>
            {t('report.downloadXlsx')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => download('csv')}>
            {t('report.downloadCsv')}
          </button>
        </div>
        {problem ? <p role="alert">{problem}</p> : null}
      </header>
      <TeamsTable report={report} />
      <StudentsTable report={report} />
      <QuestionsTable report={report} />
      <MatrixTable report={report} />
    </main>
  );
}
