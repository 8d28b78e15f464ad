import type { Phase } from '@quizbus/shared';
import { BAR_SECONDS, playLobbyBar, playPodium, playReveal, playTick, type AudioContextLike, type Cue } from './cue-synth.ts';

/** What the screen shows, as far as sound cares. */
export interface SoundScene {
  phase: Phase;
  /** The current question's index, if any (ticks are counted per question). */
  questionIndex: number | null;
  /** Milliseconds until the open question closes, on the server's clock; null when not open. */
  msLeft: number | null;
}

export interface SoundSchedulerOptions {
  /** Lobby music (the display and host); a phone plays only ticks and stings. */
  music: boolean;
  muted: boolean;
}

/** Seconds of the countdown that tick (the last five). */
export const TICK_SECONDS = 5;
/**
 * How far ahead a tick is put on the audio clock (ms): more than the 250 ms between two
 * updates, so a tick is never late, and a tick missed by more than GRACE_MS is dropped.
 */
const LOOKAHEAD_MS = 400;
const GRACE_MS = 700;
/** How far ahead the next bar of lobby music is scheduled (s). */
const MUSIC_LOOKAHEAD_S = 0.6;

/**
 * Decides which sounds play, and when on the audio clock, from what the screen shows:
 * lobby music while in the lobby, a tick for each of an open question's last five seconds,
 * a sting when a question's answers are revealed and when the podium appears. Call `update`
 * whenever the view changes and about four times a second while a countdown or music runs.
 * Muted, or before the browser lets audio start, it schedules nothing.
 */
export class SoundScheduler {
  /** Cues scheduled so far, by kind: for tests and for a curious look from devtools. */
  readonly counts: Record<Cue, number> = { lobby: 0, tick: 0, reveal: 0, podium: 0 };
  private muted: boolean;
  private lastPhase: Phase | null = null;
  private ticked = new Set<string>();
  private nextBarAt: number | null = null;
  private bar = 0;
  private readonly master: GainNode;
  private music: GainNode | null = null;

  constructor(
    private readonly ctx: AudioContextLike,
    private readonly options: SoundSchedulerOptions,
  ) {
    this.muted = options.muted;
    this.master = ctx.createGain();
    this.master.connect(ctx.destination);
  }

  get isMuted(): boolean {
    return this.muted;
  }

  /** Mutes at once (sounds already queued fall silent too) or unmutes from the next cue on. */
  setMuted(muted: boolean): void {
    this.muted = muted;
    this.master.gain.setValueAtTime(muted ? 0 : 1, this.ctx.currentTime);
    if (muted) this.stopMusic();
  }

  update(scene: SoundScene): void {
    const previous = this.lastPhase;
    this.lastPhase = scene.phase;
    if (this.muted || this.ctx.state !== 'running') {
      this.stopMusic();
      return;
    }
    const now = this.ctx.currentTime;
    // Stings mark a change seen here: a screen opened onto a reveal stays quiet.
    if (previous !== null && previous !== scene.phase) {
      if (scene.phase === 'closed') this.cue('reveal', () => playReveal(this.ctx, this.master, now));
      if (scene.phase === 'ended') this.cue('podium', () => playPodium(this.ctx, this.master, now));
    }
    if (scene.phase === 'open' && scene.msLeft !== null) this.scheduleTicks(scene.questionIndex ?? 0, scene.msLeft, now);
    if (scene.phase === 'lobby' && this.options.music) this.scheduleMusic(now);
    else this.stopMusic();
  }

  private scheduleTicks(question: number, msLeft: number, now: number): void {
    for (let second = TICK_SECONDS; second >= 1; second -= 1) {
      const inMs = msLeft - second * 1000;
      const key = `${question}:${second}`;
      if (inMs > LOOKAHEAD_MS || inMs < -GRACE_MS || this.ticked.has(key)) continue;
      this.ticked.add(key);
      this.cue('tick', () => playTick(this.ctx, this.master, now + Math.max(0, inMs) / 1000, second === 1));
    }
    // Only this question's ticks matter from now on.
    for (const key of this.ticked) if (!key.startsWith(`${question}:`)) this.ticked.delete(key);
  }

  private scheduleMusic(now: number): void {
    if (!this.music) {
      this.music = this.ctx.createGain();
      this.music.connect(this.master);
    }
    if (this.nextBarAt === null || this.nextBarAt < now) this.nextBarAt = now + 0.05;
    while (this.nextBarAt < now + MUSIC_LOOKAHEAD_S) {
      const at = this.nextBarAt;
      const bar = this.bar;
      const bus = this.music;
      this.cue('lobby', () => playLobbyBar(this.ctx, bus, at, bar));
      this.bar += 1;
      this.nextBarAt += BAR_SECONDS;
    }
  }

  /** Fades the lobby music out; bars already queued play into the silent bus. */
  private stopMusic(): void {
    const bus = this.music;
    if (!bus) return;
    this.music = null;
    this.nextBarAt = null;
    this.bar = 0;
    const now = this.ctx.currentTime;
    bus.gain.setValueAtTime(1, now);
    bus.gain.linearRampToValueAtTime(0, now + 0.4);
    setTimeout(() => bus.disconnect(), 3000);
  }

  private cue(kind: Cue, play: () => void): void {
    this.counts[kind] += 1;
    play();
  }
}
