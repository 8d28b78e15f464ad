import type { View } from '@quizbus/shared';
import { useT } from '../i18n/i18n-context.ts';
import type { SoundScreen } from '../net/storage.ts';
import { useGameSound } from './use-game-sound.ts';

interface SoundToggleProps {
  screen: SoundScreen;
  view: View | null;
  clockOffset: number;
}

/**
 * The game's sound on this screen and its on/off switch (remembered on this device). While
 * the browser still holds audio back, it says that a click starts it.
 */
export function SoundToggle({ screen, view, clockOffset }: SoundToggleProps) {
  const t = useT();
  const sound = useGameSound(screen, view, clockOffset);
  return (
    <span className="sound-toggle">
      <button type="button" className="button button--quiet sound-toggle__button" aria-pressed={sound.on} onClick={sound.toggle}>
        <span aria-hidden="true">{sound.on ? '🔊' : '🔇'}</span> {t('sound.label')}
      </button>
      {sound.waiting ? (
        <span className="sound-toggle__hint" role="status">
          {t('sound.waiting')}
        </span>
      ) : null}
    </span>
  );
}
