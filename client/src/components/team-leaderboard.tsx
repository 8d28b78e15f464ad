import type { TeamRow } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';

/** Team games: the teams best first, with members, streak and score (the big screen's leaderboard). */
export function TeamLeaderboard({ teams }: { teams: readonly TeamRow[] }) {
  const { t, format } = useLocale();
  return (
    <ol className="leaderboard team-board" aria-label={t('teams.leaderboardTitle')}>
      {teams.map((team) => (
        <li key={team.index} className="leaderboard__row team-board__row" data-testid="team-row">
          <span className="leaderboard__rank">{team.rank}</span>
          <span className="leaderboard__name" data-fit-box="">
            {team.name} <span className="team-board__members">{t('teams.members', { count: team.memberCount })}</span>
          </span>
          <span className="team-board__streak">{team.streak > 1 ? t('teams.streak', { count: team.streak }) : null}</span>
          <span className="leaderboard__score">{format.number(team.score)}</span>
        </li>
      ))}
    </ol>
  );
}
