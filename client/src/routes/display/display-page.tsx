import { useMemo } from 'react';
import { ConnectionBanner } from '../../components/connection-banner.tsx';
import { errorText } from '../../components/error-text.ts';
import { ReplayPlayer } from '../../components/replay-player.tsx';
import { ScreenStage } from '../../components/screen-stage.tsx';
import { UnderTheHoodPanel } from '../../components/under-the-hood-panel.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { LanguageSwitch } from '../../i18n/language-switch.tsx';
import type { GameClient } from '../../net/game-client.ts';
import { useGameState } from '../../net/use-game-state.ts';
import { useJoinUrl } from '../../net/use-join-url.ts';
import { SoundToggle } from '../../sound/sound-toggle.tsx';
import { useScreenClient } from '../../net/use-screen-client.ts';

/**
 * `/display/:pin`: the read-only big screen (projector, second monitor). It attaches as a
 * display, which needs no token and can change nothing.
 */
export function DisplayPage({ pin }: { pin: string }) {
  const identity = useMemo(() => ({ role: 'display' as const, pin }), [pin]);
  const client = useScreenClient(identity);
  const t = useT();
  return (
    <div className="screen screen--display">
      {client ? <DisplayContent client={client} pin={pin} /> : <p className="screen__loading">{t('common.connecting')}</p>}
    </div>
  );
}

function DisplayContent({ client, pin }: { client: GameClient; pin: string }) {
  const t = useT();
  const state = useGameState(client);
  const joinUrl = useJoinUrl(pin);
  const view = state.view?.role === 'display' ? state.view : null;
  return (
    <>
      <ConnectionBanner status={state.connection} />
      {state.error && !view ? (
        <main className="screen__message">
          <h1>{t('display.game', { pin })}</h1>
          <p role="alert">{errorText(t, state.error, pin)}</p>
        </main>
      ) : null}
      {view ? (
        <main className="screen__main">
          <ScreenStage view={view} clockOffset={state.clockOffset} joinUrl={joinUrl} />
        </main>
      ) : null}
      {!view && !state.error ? <p className="screen__loading">{t('common.connecting')}</p> : null}
      <footer className="screen__footer">
        <span className="screen__brand">Quizbus</span>
        <span className="screen__title">{view ? view.title : ''}</span>
        <span>{t('display.pin', { pin })}</span>
        <SoundToggle screen="display" view={view} clockOffset={state.clockOffset} compact />
        <LanguageSwitch className="screen__language" />
        {view?.phase === 'ended' ? <ReplayPlayer pin={pin} joinUrl={joinUrl} /> : null}
        {view ? <UnderTheHoodPanel client={client} connection={state.connection} /> : null}
      </footer>
    </>
  );
}
