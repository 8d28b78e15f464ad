import type { ScreenView } from '@quizbus/shared';
import { useMemo } from 'react';
import { useLocale } from '../i18n/i18n-context.ts';
import { PlayerChips } from './player-chips.tsx';
import { QrCode } from './qr-code.tsx';
import { TeamLobbyList } from './team-lobby-list.tsx';
import { useFitText } from './use-fit-text.ts';

interface LobbyPanelProps {
  view: ScreenView;
  /** The full join link (with ?pin=); null while it is being fetched. */
  joinUrl: string | null;
  /** Host only: remove a player. */
  onKick?: (playerId: string, nickname: string) => void;
}

/** How a join link reads on a screen: host and path, without the scheme. */
export function displayAddress(joinUrl: string): string {
  const u = new URL(joinUrl);
  return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

/**
 * The lobby on a big screen: where to go, the PIN in large digits, the QR code of the join
 * link, and the players who are in (nicknames as plain text, long ones wrapped).
 */
export function LobbyPanel({ view, joinUrl, onKick }: LobbyPanelProps) {
  const { t, format } = useLocale();
  // In the screen's alphabetical order (Intl.Collator), so a student finds their name among 200.
  const players = useMemo(() => [...view.players].sort((a, b) => format.compare(a.nickname, b.nickname)), [view.players, format]);
  // The join card and the players fit separately: 200 nicknames must not shrink the PIN.
  const fitJoin = useFitText<HTMLDivElement>();
  const fitPlayers = useFitText<HTMLDivElement>();
  return (
    <section className="lobby" aria-labelledby="lobby-title">
      <div className="lobby__join" ref={fitJoin}>
        <div className="lobby__how">
          <h1 id="lobby-title" className="lobby__title">
            {t('lobby.joinAt')} <span className="lobby__address">{joinUrl ? displayAddress(joinUrl) : '…'}</span>
          </h1>
          <p className="lobby__pin-label">{t('join.pin')}</p>
          <p className="lobby__pin" aria-label={t('lobby.pinLabel', { pin: view.pin.split('').join(' ') })}>
            {view.pin.slice(0, 3)}
            <span className="lobby__pin-gap"> </span>
            {view.pin.slice(3)}
          </p>
          {view.locked ? <p className="lobby__locked">{t('lobby.locked')}</p> : null}
        </div>
        {joinUrl ? (
          <a className="lobby__qr" href={joinUrl} data-testid="join-link">
            <QrCode text={joinUrl} label={t('lobby.qr', { url: joinUrl })} />
          </a>
        ) : null}
      </div>
      <div className="lobby__players" ref={fitPlayers}>
        <h2 className="lobby__count" aria-live="polite">
          {t('common.players', { count: view.playerCount })}
        </h2>
        {view.players.length === 0 ? <p className="lobby__waiting">{t('lobby.waiting')}</p> : null}
        {view.teams ? (
          <TeamLobbyList teams={view.teams} players={players} onKick={onKick} />
        ) : (
          <PlayerChips players={players} label={t('lobby.playersLabel')} onKick={onKick} />
        )}
      </div>
    </section>
  );
}
