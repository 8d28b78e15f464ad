import type { TeamRow } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';
import { PodiumSteps } from './podium-view.tsx';

/** Team games: the final podium of teams (2nd, 1st, 3rd), each with its members' nicknames. */
export function TeamPodium({ teams, playerCount }: { teams: readonly TeamRow[]; playerCount: number }) {
  const { t, format } = useLocale();
  const entries = teams.map((team) => ({ key: String(team.index), name: team.name, score: team.score, rank: team.rank, detail: format.list(team.members) }));
  return <PodiumSteps entries={entries} label={t('teams.podiumTitle')} playerCount={playerCount} className="podium team-podium" stepTestId="team-podium-step" />;
}
