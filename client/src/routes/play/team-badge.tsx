import type { PlayerView } from '@quizbus/shared';
import { useState } from 'react';
import { errorText } from '../../components/error-text.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { playerClient } from '../../net/player-client.ts';

/**
 * Team games: the player's team, and in the lobby of a game where players choose, a button per
 * team to move there (player.team; the new team arrives as a player.team message).
 */
export function TeamBadge({ view }: { view: PlayerView }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const team = view.me.team;
  if (!team) return null;
  const choices = view.phase === 'lobby' ? view.teamChoices : undefined;

  const pick = async (index: number) => {
    setBusy(true);
    setProblem(null);
    const ack = await playerClient().send('player.team', { team: index });
    setBusy(false);
    if (!ack.ok) setProblem(errorText(t, ack.error));
  };

  return (
    <div className="team-badge">
      <p className="team-badge__name" aria-live="polite" data-testid="my-team">
        {t('play.yourTeam', { team: team.name })}
      </p>
      {choices ? (
        <div className="team-badge__choices" role="group" aria-label={t('play.pickTeam')}>
          {choices.map((c) => (
            <button key={c.index} type="button" className="button" aria-pressed={c.index === team.index} disabled={busy} onClick={() => void pick(c.index)}>
              {c.name}
            </button>
          ))}
        </div>
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
