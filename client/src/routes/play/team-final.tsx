import type { PlayerView } from '@quizbus/shared';
import { useT } from '../../i18n/i18n-context.ts';

/** Team games, at the end: the player's team and its place among the teams. */
export function TeamFinal({ view }: { view: PlayerView }) {
  const t = useT();
  const mine = view.me.team;
  const teams = view.podium?.teams;
  const row = mine && teams ? teams.find((r) => r.index === mine.index) : undefined;
  if (!row || !teams) return null;
  return (
    <p className="final-card__team" data-testid="team-final">
      {t('play.teamFinal', { team: row.name, rank: row.rank, total: teams.length })}
    </p>
  );
}
