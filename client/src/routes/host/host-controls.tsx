import type { ScreenView } from '@quizbus/shared';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.ts';

export type HostAction = 'start' | 'next' | 'skip' | 'end' | 'lock' | 'unlock' | 'download' | 'report' | 'shuffleTeams';

interface HostControlsProps {
  view: ScreenView;
  busy: boolean;
  onAction: (action: HostAction) => void;
}

/** The host's buttons for the phase the game is in; ending the game asks once more. */
export function HostControls({ view, busy, onAction }: HostControlsProps) {
  const t = useT();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const q = view.question;
  const last = q ? q.index + 1 >= q.total : false;
  const primary = (() => {
    switch (view.phase) {
      case 'lobby':
        return { action: 'start' as const, label: view.playerCount === 0 ? t('controls.startWaiting') : t('controls.startWith', { count: view.playerCount }), disabled: view.playerCount === 0 };
      case 'reading':
      case 'open':
        return { action: 'skip' as const, label: t('controls.close'), disabled: false };
      case 'closed':
        // After a slide, next goes straight on: a slide changes no scores.
        if (q?.question.type === 'slide') return { action: 'next' as const, label: last ? t('controls.podium') : t('controls.next'), disabled: false };
        return { action: 'next' as const, label: t('controls.leaderboard'), disabled: false };
      case 'leaderboard':
        return { action: 'next' as const, label: last ? t('controls.podium') : t('controls.next'), disabled: false };
      case 'ended':
        return { action: 'download' as const, label: t('controls.download'), disabled: false };
    }
  })();
  return (
    <div className="host-controls" role="toolbar" aria-label={t('controls.label')}>
      <button type="button" className="button button--primary button--large" disabled={busy || primary.disabled} onClick={() => onAction(primary.action)}>
        {primary.label}
      </button>
      {view.phase === 'ended' ? (
        <button type="button" className="button" disabled={busy} onClick={() => onAction('report')}>
          {t('controls.report')}
        </button>
      ) : null}
      {view.phase === 'lobby' && view.teams ? (
        <button type="button" className="button" disabled={busy || view.playerCount === 0} onClick={() => onAction('shuffleTeams')}>
          {t('controls.shuffleTeams')}
        </button>
      ) : null}
      {/* With late joining, the lock matters during the game too. */}
      {view.phase === 'lobby' || (view.phase !== 'ended' && view.options?.allowLateJoin) ? (
        <button type="button" className="button" aria-pressed={view.locked} disabled={busy} onClick={() => onAction(view.locked ? 'unlock' : 'lock')}>
          {view.locked ? t('controls.unlock') : t('controls.lock')}
        </button>
      ) : null}
      {view.phase !== 'ended' ? (
        confirmEnd ? (
          <span className="host-controls__confirm">
            <span>{t('controls.confirmEnd')}</span>
            <button type="button" className="button button--danger" onClick={() => { setConfirmEnd(false); onAction('end'); }}>
              {t('controls.end')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmEnd(false)}>
              {t('controls.keep')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirmEnd(true)}>
            {t('controls.endAsk')}
          </button>
        )
      ) : null}
    </div>
  );
}
