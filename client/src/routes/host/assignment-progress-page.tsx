import type { AssignmentProgress, GameReport } from '@quizbus/shared';
import { useEffect, useState } from 'react';
import { apiErrorText } from '../../components/error-text.ts';
import { QrCode } from '../../components/qr-code.tsx';
import { useLocale } from '../../i18n/i18n-context.ts';
import { getAssignmentProgress, getAssignmentReport } from '../../net/assignment-api.ts';
import { downloadAssignmentReport } from '../../net/file-api.ts';
import { Link } from '../../router/router.tsx';
import { MatrixTable, QuestionsTable, StudentsTable } from '../report/report-tables.tsx';

/** How often the teacher's page asks for progress: live enough for a class, light for the server. */
const REFRESH_MS = 3000;

/**
 * `/host/assignments/:id`: an assignment's live progress (every attempt, refreshed every few
 * seconds), its PIN, link and QR code, and the same report as a live game's with its downloads.
 */
export function AssignmentProgressPage({ assignmentId }: { assignmentId: string }) {
  const { t, format } = useLocale();
  const [progress, setProgress] = useState<AssignmentProgress | null>(null);
  const [report, setReport] = useState<GameReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([getAssignmentProgress(assignmentId), getAssignmentReport(assignmentId)])
        .then(([p, r]) => {
          if (!live) return;
          setProgress(p);
          setReport(r);
          setProblem(null);
        })
        .catch((err: unknown) => live && setProblem(apiErrorText(t, err)));
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [assignmentId, t]);

  const download = (kind: 'csv' | 'xlsx') => downloadAssignmentReport(assignmentId, kind).catch((err: unknown) => setProblem(apiErrorText(t, err)));

  return (
    <main className="page report">
      <p>
        <Link href="/host">{t('host.quizzesLink')}</Link>
      </p>
      {problem ? <p role="alert">{problem}</p> : null}
      {!progress || !report ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <header className="report__head">
            <h1>
              {t('assignment.heading')} <span className="report__title">{progress.title}</span>
            </h1>
            <p className="report__meta">
              {t('display.pin', { pin: progress.pin })} · {progress.closed ? t('assignment.closed') : t('assignment.closesAt', { date: format.dateTime(progress.closesAt) })}
            </p>
            <p>
              <a href={progress.joinUrl}>{progress.joinUrl}</a>
            </p>
            <QrCode text={progress.joinUrl} label={t('assign.qr')} />
            <div className="report__downloads" role="group" aria-label={t('report.downloads')}>
              <button type="button" className="button button--primary" onClick={() => void download('xlsx')}>
                {t('report.downloadXlsx')}
              </button>
              <button type="button" className="button" onClick={() => void download('csv')}>
                {t('report.downloadCsv')}
              </button>
            </div>
          </header>
          <section className="report__section" aria-labelledby="assignment-progress">
            <h2 id="assignment-progress">{t('assignment.progress')}</h2>
            {progress.attempts.length === 0 ? <p>{t('assignment.noAttempts')}</p> : null}
            <div className="report__scroll">
              <table className="report-table" data-testid="progress-table">
                <thead>
                  <tr>
                    <th scope="col">{t('join.studentId')}</th>
                    <th scope="col">{t('assignment.attempt')}</th>
                    <th scope="col">{t('assignment.progress')}</th>
                    <th scope="col">{t('result.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.attempts.map((a) => (
                    <tr key={a.attemptId}>
                      <th scope="row">{a.name}</th>
                      <td>{format.number(a.attemptNumber)}</td>
                      <td>{a.status === 'finished' ? t('assignment.finished') : t('result.rankOf', { rank: a.done, total: progress.questionCount })}</td>
                      <td>{format.number(a.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <StudentsTable report={report} />
          <QuestionsTable report={report} />
          <MatrixTable report={report} />
        </>
      )}
    </main>
  );
}
