import type { QuizSummary, ReportSummary } from '@quizbus/shared';
import { useLocale } from '../../i18n/i18n-context.ts';
import { listReports } from '../../net/file-api.ts';
import { loadReportKey } from '../../net/report-keys.ts';
import { Link } from '../../router/router.tsx';
import { useTeacherSession } from './teacher-gate.tsx';
import { OnDemandList } from './on-demand-list.tsx';

/**
 * A quiz's past games, on demand: date, players, average score, and a link to the report: for
 * every game when the teacher is logged in, else for the games this browser hosted (the report
 * then needs the game's host token, kept here).
 */
export function PastGames({ quiz }: { quiz: QuizSummary }) {
  const { t, format } = useLocale();
  const when = (ms: number | null) => (ms === null ? '—' : format.dateTime(ms));
  const anyReport = useTeacherSession()?.anyReport === true;

  return (
    <OnDemandList
      label={t('past.label', { title: quiz.title })}
      button={t('past.button')}
      none={t('past.none')}
      load={() => listReports(quiz.id)}
      render={(games: ReportSummary[]) => (
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
      )}
    />
  );
}
