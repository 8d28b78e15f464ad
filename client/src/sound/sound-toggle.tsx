import type { View } from '@quizbus/shared';
import { useT } from '../i18n/i18n-context.ts';
import type { SoundScreen } from '../net/storage.ts';
import { useGameSound } from './use-game-sound.ts';

interface SoundToggleProps {
  screen: SoundScreen;
  view: View | null;
  clockOffset: number;
  /** Icon only (the fitted footers and bars): the word stays for screen readers. */
  compact?: boolean;
}

/**
 * The game's sound on this screen and its on/off switch (remembered on this device), shown
 * until the game ends. While the browser still holds audio back, it says that a click starts it.
 */
export function SoundToggle({ screen, view, clockOffset, compact = false }: SoundToggleProps) {
  const t = useT();
  const sound = useGameSound(screen, view, clockOffset);
  // Once the game has ended nothing is left to play after the podium's sting (the hook above
  // still plays it): the switch gives its room in the footer to the replay controls.
  if (view?.phase === 'ended') return null;
  return (
    <span className="sound-toggle">
      <button type="button" className={`button button--small sound-toggle__button${compact ? ' sound-toggle__button--compact' : ''}`} aria-pressed={sound.on} onClick={() => sound.toggle()}>
        <SpeakerIcon on={sound.on} /> <span className={compact ? 'sr-only' : undefined}>{t('sound.label')}</span>
      </button>
      {sound.waiting ? (
        <span className="sound-toggle__hint" role="status">
          {t('sound.waiting')}
        </span>
      ) : null}
    </span>
  );
}

/** A speaker with sound waves, or crossed out: drawn, so no emoji font is needed. */
function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <svg className="sound-toggle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      {on ? (
        <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M16 9l6 6M22 9l-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}
