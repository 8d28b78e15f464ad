import { useT } from '../i18n/i18n-context.ts';
import { useCountdown } from '../net/use-countdown.ts';

interface CountdownProps {
  /** The moment counted down to, on the server's clock. */
  until: number;
  /** The full length, for the shrinking bar. */
  totalMs: number;
  clockOffset: number;
  label: string;
  size?: 'small' | 'large';
}

/**
 * Seconds left to a server deadline, with a bar that shrinks. The bar's transition is
 * switched off under prefers-reduced-motion (global.css); the number is always there.
 */
export function Countdown({ until, totalMs, clockOffset, label, size = 'small' }: CountdownProps) {
  const t = useT();
  const ms = useCountdown(until, clockOffset);
  const seconds = Math.ceil(ms / 1000);
  const share = totalMs > 0 ? Math.min(1, ms / totalMs) : 0;
  return (
    <div className={`countdown countdown--${size}${seconds <= 5 ? ' countdown--urgent' : ''}`}>
      <div className="countdown__number" role="timer" aria-label={t('countdown.label', { label, seconds })}>
        {seconds}
      </div>
      <div className="countdown__track" aria-hidden="true">
        <div className="countdown__bar" style={{ transform: `scaleX(${share})` }} />
      </div>
    </div>
  );
}
