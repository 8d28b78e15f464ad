import type { TeamRow } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';

/** Team games: the final podium of teams (2nd, 1st, 3rd), each with its members' nicknames. */
export function TeamPodium({ teams, playerCount }: { teams: readonly TeamRow[]; playerCount: number }) {
  const { t, format } = useLocale();
  const [first, second, third, ...rest] = teams;
  const steps = [second && { team: second, place: 1 }, first && { team: first, place: 0 }, third && { team: third, place: 2 }].filter(
    (s): s is { team: TeamRow; place: number } => Boolean(s),
  );
  return (
    <div className="podium team-podium">
      <ol className="podium__steps" aria-label={t('teams.podiumTitle')}>
        {steps.map(({ team, place }) => (
          <li key={team.index} className={`podium__step podium__step--${place + 1}`} value={team.rank} data-testid="team-podium-step">
            <span className="podium__name" data-fit-box="">{team.name}</span>
            <span className="podium__score">{t('podium.points', { points: team.score })}</span>
            <span className="team-podium__members">{format.list(team.members)}</span>
            <span className="podium__block">
              <span className="podium__place">{t('podium.place', { place: place + 1 })}</span>
            </span>
          </li>
        ))}
      </ol>
      {rest.length > 0 ? (
        <ol className="podium__rest" aria-label={t('podium.rest')}>
          {rest.map((team) => (
            <li key={team.index} value={team.rank}>
              <span className="podium__rest-name">{team.name}</span> <span className="podium__rest-score">{format.number(team.score)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {/* Also keeps the rising steps off the box's edge, so the fit does not shrink them. */}
      <p className="podium__count">{t('common.players', { count: playerCount })}</p>
    </div>
  );
}
