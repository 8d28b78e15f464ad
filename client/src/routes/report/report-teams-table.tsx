import type { GameReport } from '@quizbus/shared';
import { useLocale } from '../../i18n/i18n-context.ts';

/** Team games: the teams best first, with score and every member. Nothing for other games. */
export function TeamsTable({ report }: { report: GameReport }) {
  const { t, format } = useLocale();
  if (!report.teams) return null;
  return (
    <section className="report__section" aria-labelledby="report-teams">
      <h2 id="report-teams">{t('teams.lobbyLabel')}</h2>
      <div className="report__scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('report.rank')}</th>
              <th scope="col">{t('report.team')}</th>
              <th scope="col">{t('result.score')}</th>
              <th scope="col">{t('report.members')}</th>
            </tr>
          </thead>
          <tbody>
            {report.teams.map((team) => (
              <tr key={team.index}>
                <td>{team.rank}</td>
                <th scope="row">{team.name}</th>
                <td>{format.number(team.score)}</td>
                <td>{format.list(team.members)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
