import type { ReplayResponse } from '@quizbus/shared';
import { useEffect, useState } from 'react';
import { getReplay } from '../net/replay-api.ts';
import { ScreenStage } from './screen-stage.tsx';
import { useT } from '../i18n/i18n-context.ts';
import type { MessageId } from '../i18n/i18n-context.ts';

/** Replay speeds: the original spacing of the events, four times faster, or straight to the end. */
const SPEEDS = [
  { label: 'replay.x1', factor: 1 },
  { label: 'replay.x4', factor: 4 },
  { label: 'replay.instant', factor: 0 },
] as const satisfies readonly { label: MessageId; factor: number }[];

interface Playing {
  replay: ReplayResponse;
  factor: number;
  at: number;
}

/**
 * The display's replay of a finished game: the server rebuilds each screen from the game's log
 * through the engine's `evolve`; this only steps through those screens with their original
 * timing scaled. Timers here pace the show for people, they decide nothing.
 */
export function ReplayPlayer({ pin, joinUrl }: { pin: string; joinUrl: string | null }) {
  const t = useT();
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!playing) return;
    const { replay, factor, at } = playing;
    const next = replay.steps[at + 1];
    const current = replay.steps[at];
    if (!next || !current) return;
    const delay = factor === 0 ? 0 : (next.offsetMs - current.offsetMs) / factor;
    const timer = window.setTimeout(() => setPlaying({ replay, factor, at: factor === 0 ? replay.steps.length - 1 : at + 1 }), delay);
    return () => window.clearTimeout(timer);
  }, [playing]);

  const start = async (factor: number) => {
    setProblem(null);
    try {
      setPlaying({ replay: await getReplay(pin), factor, at: 0 });
    } catch {
      setProblem(t('replay.failed'));
    }
  };

  const step = playing?.replay.steps[playing.at];
  return (
    <section className="replay" aria-label={t('replay.label')}>
      <div className="replay__controls">
        {SPEEDS.map((s) => (
          <button key={s.factor} type="button" className="button button--quiet replay__button" onClick={() => void start(s.factor)}>
            {t(s.label)}
          </button>
        ))}
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      {playing && step ? (
        // The replay covers the whole screen, like the game it replays, with its own stop button.
        <div className="replay__stage">
          <div className="replay__bar">
            <p className="replay__status" aria-live="polite">
              {t('replay.status', { seq: step.seq, type: step.type, step: playing.at + 1, total: playing.replay.steps.length })}
            </p>
            <button type="button" className="button button--quiet replay__button" onClick={() => setPlaying(null)}>
              {t('replay.stop')}
            </button>
          </div>
          <div className="screen__main">
            <ScreenStage view={step.view} clockOffset={0} joinUrl={joinUrl} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
