import type { Ack, ScreenView } from '@quizbus/shared';
import { useEffect, useMemo, useState } from 'react';
import { ConnectionBanner } from '../../components/connection-banner.tsx';
import { apiErrorText, errorText } from '../../components/error-text.ts';
import { ScreenStage } from '../../components/screen-stage.tsx';
import { UnderTheHoodPanel } from '../../components/under-the-hood-panel.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { LanguageSwitch } from '../../i18n/language-switch.tsx';
import { getResultsCsv } from '../../net/api.ts';
import { downloadFile } from '../../net/download-file.ts';
import type { GameClient } from '../../net/game-client.ts';
import { loadHostSeat, type HostSeat } from '../../net/storage.ts';
import { useGameState } from '../../net/use-game-state.ts';
import { useJoinUrl } from '../../net/use-join-url.ts';
import { SoundToggle } from '../../sound/sound-toggle.tsx';
import { useScreenClient } from '../../net/use-screen-client.ts';
import { saveReportKey } from '../../net/report-keys.ts';
import { Link, navigate } from '../../router/router.tsx';
import { HostControls, type HostAction } from './host-controls.tsx';

/**
 * `/host/:pin`: the teacher's console. It attaches with the host token this browser got when
 * it created the game (kept in localStorage, so a reload keeps control).
 */
export function HostConsolePage({ pin }: { pin: string }) {
  const seat = useMemo(() => loadHostSeat(pin), [pin]);
  const identity = useMemo(() => (seat ? { role: 'host' as const, pin, hostToken: seat.hostToken } : null), [seat, pin]);
  const client = useScreenClient(identity);
  const t = useT();
  if (!seat) {
    return (
      <main className="page page--narrow">
        <h1>{t('display.game', { pin })}</h1>
        <p role="alert">{t('host.notThisBrowser', { pin })}</p>
        <p>
          <Link href={`/display/${pin}`}>{t('host.showOnDisplay')}</Link> · <Link href="/host">{t('host.backToQuizzes')}</Link>
        </p>
      </main>
    );
  }
  return <div className="screen screen--host">{client ? <HostConsole client={client} pin={pin} seat={seat} /> : null}</div>;
}

function HostConsole({ client, pin, seat }: { client: GameClient; pin: string; seat: HostSeat }) {
  const t = useT();
  const state = useGameState(client);
  const joinUrl = useJoinUrl(pin, seat.joinUrl);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const view: ScreenView | null = state.view && state.view.role !== 'player' ? state.view : null;
  const gameId = view?.gameId;
  // The report outlives the game and its PIN: keep the key to it by game id.
  useEffect(() => {
    if (gameId) saveReportKey(gameId, seat.hostToken);
  }, [gameId, seat.hostToken]);

  const run = async (action: HostAction) => {
    setBusy(true);
    setProblem(null);
    try {
      if (action === 'report') {
        navigate(`/reports/${encodeURIComponent(view?.gameId ?? '')}`);
        return;
      }
      if (action === 'download') {
        downloadFile(`quizbus-${pin}-results.csv`, await getResultsCsv(pin, seat.hostToken), 'text/csv;charset=utf-8');
        return;
      }
      let ack: Ack<'host.start'>;
      if (action === 'lock' || action === 'unlock') ack = await client.send('host.lock', { locked: action === 'lock' });
      else ack = await client.send(`host.${action}`, {});
      if (!ack.ok) setProblem(errorText(t, ack.error));
    } catch (err) {
      setProblem(apiErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const kick = async (playerId: string) => {
    const ack = await client.send('host.kick', { playerId });
    if (!ack.ok) setProblem(errorText(t, ack.error));
  };

  const moderation = {
    onHideWord: (index: number, word: string, hidden: boolean) =>
      void client.send('host.hideWord', { index, word, hidden }).then((ack) => !ack.ok && setProblem(errorText(t, ack.error))),
    onApprove: (index: number, playerId: string, approved: boolean) =>
      void client.send('host.approveAnswer', { index, playerId, approved }).then((ack) => !ack.ok && setProblem(errorText(t, ack.error))),
  };

  if (!view) {
    return (
      <main className="page page--narrow">
        <ConnectionBanner status={state.connection} />
        <h1>{t('display.game', { pin })}</h1>
        {state.error ? <p role="alert">{errorText(t, state.error, pin)}</p> : <p>{t('common.connecting')}</p>}
        <p>
          <Link href="/host">{t('host.backToQuizzes')}</Link>
        </p>
      </main>
    );
  }
  return (
    <>
      <ConnectionBanner status={state.connection} />
      <header className="host-bar">
        <Link className="host-bar__back" href="/host">
          {t('host.quizzesLink')}
        </Link>
        <p className="host-bar__title">{view.title}</p>
        <p className="host-bar__pin">{t('display.pin', { pin })}</p>
        <a className="host-bar__display" href={`/display/${pin}`} target="_blank" rel="noopener">
          {t('host.openDisplay')}
        </a>
        <SoundToggle screen="host" view={view} clockOffset={state.clockOffset} compact />
        <LanguageSwitch className="host-bar__language" />
      </header>
      <main className="screen__main">
        <ScreenStage view={view} clockOffset={state.clockOffset} joinUrl={joinUrl} onKick={(id) => void kick(id)} moderation={moderation} />
      </main>
      <footer className="host-footer">
        {problem ? (
          <p className="host-footer__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <HostControls view={view} busy={busy} onAction={(a) => void run(a)} />
        <UnderTheHoodPanel client={client} connection={state.connection} />
      </footer>
    </>
  );
}
