import type { QuizSummary, ReportSummary } from '@quizbus/shared';
import { useId, useState } from 'react';
import { apiErrorText } from '../../components/error-text.ts';
import { useLocale } from '../../i18n/i18n-context.ts';
import { listReports } from '../../net/file-api.ts';
import { loadReportKey } from '../../net/report-keys.ts';
import { Link } from '../../router/router.tsx';
import { useTeacherSession } from './teacher-gate.tsx';

/**
 * A quiz's past games, on demand: date, players, average score, and a link to the report: for
 * every game when the teacher is logged in, else for the games this browser hosted (the report
 * then needs the game's host token, kept here).
 */
export function PastGames({ quiz }: { quiz: QuizSummary }) {
  const { t, format } = useLocale();
  const when = (ms: number | null) => (ms === null ? '—' : format.dateTime(ms));
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const [games, setGames] = useState<ReportSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const anyReport = useTeacherSession()?.anyReport === true;

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (!next) return;
    setProblem(null);
    listReports(quiz.id)
      .then(setGames)
      .catch((err: unknown) => setProblem(apiErrorText(t, err)));
  };

  return (
    <div className="past-games">
      <button type="button" className="button button--quiet button--small" aria-expanded={open} aria-controls={regionId} onClick={toggle} aria-label={t('past.label', { title: quiz.title })}>
        {t('past.button')}
      </button>
      <div id={regionId} hidden={!open}>
        {problem ? <p role="alert">{problem}</p> : null}
        {open && games === null && !problem ? <p className="muted">{t('common.loading')}</p> : null}
        {games && games.length === 0 ? <p className="muted">{t('past.none')}</p> : null}
        {games && games.length > 0 ? (
          <table className="past-games__table">
            <caption className="sr-only">{t('past.label', { title: quiz.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('past.played')}</th>
                <th scope="col">{t('lobby.playersLabel')}</th>
                <th scope="col">{t('report.average')}</th>
                <th scope="col">{t('past.report')}</th>
              </tr>
            </thead>
            <tbody>
              {games.map((g) => (
                <tr key={g.gameId}>
                  <td>{when(g.endedAt ?? g.startedAt)}</td>
                  <td>{g.playerCount}</td>
                  <td>{format.number(Math.round(g.averageScore))}</td>
                  <td>
                    {anyReport || loadReportKey(g.gameId) ? (
                      <Link href={`/reports/${encodeURIComponent(g.gameId)}`} aria-label={t('past.reportOf', { when: when(g.endedAt) })}>
                        {t('past.open')}
                      </Link>
                    ) : (
                      <span className="muted">{t('past.elsewhere')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
