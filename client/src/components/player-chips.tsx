import type { PlayerSummary } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';

/** The lobby's players as chips (away ones dimmed), each with the host's remove button when `onKick` is given. */
export function PlayerChips({ players, label, onKick }: { players: readonly PlayerSummary[]; label: string; onKick?: ((playerId: string, nickname: string) => void) | undefined }) {
  const { t } = useLocale();
  return (
    <ul className="player-chips" aria-label={label}>
      {players.map((p) => (
        <li key={p.playerId} className={`player-chip${p.connected ? '' : ' player-chip--away'}`}>
          <span className="player-chip__name">{p.nickname}</span>
          {p.connected ? null : <span className="sr-only"> {t('lobby.away')}</span>}
          {onKick ? (
            <button type="button" className="player-chip__kick" onClick={() => onKick(p.playerId, p.nickname)} aria-label={t('lobby.remove', { nickname: p.nickname })}>
              ×
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
