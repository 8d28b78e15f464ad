import type { PlayerView } from '@quizbus/shared';
import { useState } from 'react';
import { errorText } from '../../components/error-text.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { playerClient } from '../../net/player-client.ts';
import { loadPlayerSeat, savePlayerSeat } from '../../net/storage.ts';

/**
 * In a game that hands out nicknames: swap the given one for another, a few times, in the
 * lobby. The new name is announced (aria-live) and remembered with the seat.
 */
export function RerollButton({ view }: { view: PlayerView }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const left = view.me.rerollsLeft;
  if (left === undefined) return null;

  const reroll = async () => {
    setBusy(true);
    setProblem(null);
    const client = playerClient();
    const ack = await client.send('player.reroll', {});
    setBusy(false);
    if (!ack.ok) {
      setProblem(errorText(t, ack.error));
      return;
    }
    client.markRenamed(ack.nickname, ack.rerollsLeft);
    const seat = loadPlayerSeat();
    if (seat) savePlayerSeat({ ...seat, nickname: ack.nickname });
  };

  return (
    <div className="reroll">
      <p className="muted">{t('play.handedOut')}</p>
      <button type="button" className="button" disabled={busy || left === 0} onClick={() => void reroll()}>
        {left === 0 ? t('play.noRerolls') : t('play.reroll', { left })}
      </button>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
