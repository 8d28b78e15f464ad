import { useT } from '../i18n/i18n-context.ts';
import type { ConnectionStatus } from '../net/game-client.ts';

/**
 * "Reconnecting…" while the socket is down. It announces itself politely to screen readers
 * and disappears on its own once the seat is back.
 */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const t = useT();
  return (
    <div className="connection-banner" role="status" aria-live="polite">
      {status === 'reconnecting' ? <span className="connection-banner__text">{t('common.reconnecting')}</span> : null}
    </div>
  );
}
