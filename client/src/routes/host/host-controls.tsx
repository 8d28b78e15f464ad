import type { ScreenView } from '@quizbus/shared';
import { useState } from 'react';

export type HostAction = 'start' | 'next' | 'skip' | 'end' | 'lock' | 'unlock' | 'download' | 'report';

interface HostControlsProps {
  view: ScreenView;
  busy: boolean;
  onAction: (action: HostAction) => void;
}

/** The host's buttons for the phase the game is in; ending the game asks once more. */
export function HostControls({ view, busy, onAction }: HostControlsProps) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const q = view.question;
  const last = q ? q.index + 1 >= q.total : false;
  const primary = (() => {
    switch (view.phase) {
      case 'lobby':
        return { action: 'start' as const, label: view.playerCount === 0 ? 'Start (waiting for players)' : `Start with ${view.playerCount} ${view.playerCount === 1 ? 'player' : 'players'}`, disabled: view.playerCount === 0 };
      case 'reading':
      case 'open':
        return { action: 'skip' as const, label: 'Close question now', disabled: false };
      case 'closed':
        return { action: 'next' as const, label: 'Show leaderboard', disabled: false };
      case 'leaderboard':
        return { action: 'next' as const, label: last ? 'Show podium' : 'Next question', disabled: false };
      case 'ended':
        return { action: 'download' as const, label: 'Download results (CSV)', disabled: false };
    }
  })();
  return (
    <div className="host-controls" role="toolbar" aria-label="Game controls">
      <button type="button" className="button button--primary button--large" disabled={busy || primary.disabled} onClick={() => onAction(primary.action)}>
        {primary.label}
      </button>
      {view.phase === 'ended' ? (
        <button type="button" className="button" disabled={busy} onClick={() => onAction('report')}>
          Open the game report
        </button>
      ) : null}
      {/* With late joining, the lock matters during the game too. */}
      {view.phase === 'lobby' || (view.phase !== 'ended' && view.options?.allowLateJoin) ? (
        <button type="button" className="button" aria-pressed={view.locked} disabled={busy} onClick={() => onAction(view.locked ? 'unlock' : 'lock')}>
          {view.locked ? 'Unlock joining' : 'Lock joining'}
        </button>
      ) : null}
      {view.phase !== 'ended' ? (
        confirmEnd ? (
          <span className="host-controls__confirm">
            <span>End the game for everyone?</span>
            <button type="button" className="button button--danger" onClick={() => { setConfirmEnd(false); onAction('end'); }}>
              End game
            </button>
            <button type="button" className="button" onClick={() => setConfirmEnd(false)}>
              Keep playing
            </button>
          </span>
        ) : (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirmEnd(true)}>
            End game…
          </button>
        )
      ) : null}
    </div>
  );
}
