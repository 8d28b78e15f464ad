import type { View } from '@quizbus/shared';
import { useEffect, useRef, useState } from 'react';
import { loadSoundOn, saveSoundOn, type SoundScreen } from '../net/storage.ts';
import type { SoundScene, SoundScheduler } from './sound-scheduler.ts';

/** How often the scheduler looks ahead while a countdown or the lobby music runs (ms). */
const EVERY_MS = 250;

declare global {
  interface Window {
    /** The sound scheduler's cue counts, for the browser tests and a look from devtools. */
    quizbusSound?: SoundScheduler['counts'];
  }
}

export interface GameSound {
  on: boolean;
  /** The browser holds audio back until the person clicks or presses a key on the page. */
  waiting: boolean;
  toggle(): void;
}

/** The scene a view shows, with the countdown read from the server's clock. */
function sceneOf(view: View, clockOffset: number): SoundScene {
  const q = view.question;
  return {
    phase: view.phase,
    questionIndex: q?.index ?? null,
    msLeft: view.phase === 'open' && q ? q.closesAt - (Date.now() + clockOffset) : null,
  };
}

/**
 * The game's sound on one screen: the setting remembered per screen, an AudioContext made
 * when sound is on and resumed on the first click or key press (browsers block audio until
 * then), and the scheduler fed with the view, four times a second while something counts.
 */
export function useGameSound(screen: SoundScreen, view: View | null, clockOffset: number): GameSound {
  const [on, setOn] = useState(() => loadSoundOn(screen));
  const [waiting, setWaiting] = useState(false);
  // Bumped when the audio is ready, so the scheduler gets the current view at once.
  const [ready, setReady] = useState(0);
  const audio = useRef<{ ctx: AudioContext; scheduler: SoundScheduler } | null>(null);

  // The context lives while sound is on: it may start suspended (no gesture yet); off, it is
  // closed, so a muted screen spends nothing on audio. The synth loads only then: a phone
  // whose player never turns sound on never downloads it.
  useEffect(() => {
    if (!on || typeof AudioContext === 'undefined') return;
    let live = true;
    let made: { ctx: AudioContext; sync: () => void } | null = null;
    void import('./sound-scheduler.ts').then(({ SoundScheduler }) => {
      if (!live) return;
      const ctx = new AudioContext();
      const scheduler = new SoundScheduler(ctx, { music: screen !== 'player', muted: false });
      audio.current = { ctx, scheduler };
      window.quizbusSound = scheduler.counts;
      const sync = () => setWaiting(ctx.state === 'suspended');
      ctx.addEventListener('statechange', sync);
      made = { ctx, sync };
      sync();
      setReady((n) => n + 1);
    });
    return () => {
      live = false;
      audio.current = null;
      setWaiting(false);
      if (!made) return;
      made.ctx.removeEventListener('statechange', made.sync);
      void made.ctx.close();
    };
  }, [on, screen]);

  // Any click or key press lets the audio start (listening from the start: the gesture may come
  // before the audio is made).
  useEffect(() => {
    if (!on) return;
    const resume = () => {
      if (audio.current?.ctx.state === 'suspended') void audio.current.ctx.resume();
    };
    document.addEventListener('pointerdown', resume);
    document.addEventListener('keydown', resume);
    return () => {
      document.removeEventListener('pointerdown', resume);
      document.removeEventListener('keydown', resume);
    };
  }, [on]);

  const phase = view?.phase;
  useEffect(() => {
    const a = audio.current;
    if (!a || !view) return;
    const feed = () => a.scheduler.update(sceneOf(view, clockOffset));
    feed();
    // Only a countdown and the lobby music need looking ahead; other phases change with the view.
    if (!on || waiting || (phase !== 'open' && phase !== 'lobby')) return;
    const timer = setInterval(feed, EVERY_MS);
    return () => clearInterval(timer);
  }, [view, clockOffset, on, waiting, phase, ready]);

  return {
    on,
    waiting: on && waiting,
    toggle: () => {
      const next = !on;
      saveSoundOn(screen, next);
      // The toggle's own click is the gesture the browser waits for: the context made next starts.
      setOn(next);
    },
  };
}
