import type { PlayerSummary, TeamRow } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';
import { PlayerChips } from './player-chips.tsx';

interface TeamLobbyListProps {
  teams: readonly TeamRow[];
  /** Players in the screen's alphabetical order. */
  players: readonly PlayerSummary[];
  onKick?: ((playerId: string, nickname: string) => void) | undefined;
}

/** Team games, lobby: one card per team with its members, so students see where they are. */
export function TeamLobbyList({ teams, players, onKick }: TeamLobbyListProps) {
  const { t } = useLocale();
  const byTeam = [...teams].sort((a, b) => a.index - b.index);
  return (
    <ul className="team-cards" aria-label={t('teams.lobbyLabel')}>
      {byTeam.map((team) => {
        const members = players.filter((p) => p.team === team.index);
        return (
          <li key={team.index} className="team-card" data-testid="team-card">
            <h3 className="team-card__name">
              {team.name} <span className="team-card__count">{t('teams.members', { count: team.memberCount })}</span>
            </h3>
            <PlayerChips players={members} label={team.name} onKick={onKick} />
          </li>
        );
      })}
    </ul>
  );
}
