/**
 * The game's sounds, synthesized with the Web Audio API: no recorded assets, nothing to
 * license. Each cue schedules a few oscillator notes at an audio-clock time.
 */

/** What the synth needs of an AudioContext (a fake one stands in for it in unit tests). */
export type AudioContextLike = Pick<BaseAudioContext, 'currentTime' | 'destination' | 'createOscillator' | 'createGain' | 'state'>;

/** The sounds the game plays. */
export type Cue = 'lobby' | 'tick' | 'reveal' | 'podium';

/** One bar of lobby music, in seconds (8 eighth notes at 100 beats per minute). */
export const BAR_SECONDS = 2.4;
const EIGHTH = BAR_SECONDS / 8;

/** The lobby loop's chords, one a bar: C, A minor, F, G (MIDI note numbers). */
const CHORDS: ReadonlyArray<readonly [number, number, number]> = [
  [60, 64, 67],
  [57, 60, 64],
  [53, 57, 60],
  [55, 59, 62],
];
/** Which chord tone (0–2, +3 an octave up) each eighth note of a bar plays. */
const ARPEGGIO = [0, 1, 2, 3, 2, 1, 2, 1];

const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

interface Note {
  midi: number;
  at: number;
  seconds: number;
  gain: number;
  wave?: OscillatorType;
}

/** One note with a soft attack and an exponential fade, so nothing clicks. */
function note(ctx: AudioContextLike, out: AudioNode, { midi, at, seconds, gain, wave = 'triangle' }: Note): void {
  const osc = ctx.createOscillator();
  const env = ctx.createGain();
  osc.type = wave;
  osc.frequency.setValueAtTime(hz(midi), at);
  env.gain.setValueAtTime(0.0001, at);
  env.gain.linearRampToValueAtTime(gain, at + 0.015);
  env.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(env);
  env.connect(out);
  osc.start(at);
  osc.stop(at + seconds + 0.05);
}

/** Bar `bar` of the lobby loop (a gentle arpeggio over a soft bass), starting at `at`. */
export function playLobbyBar(ctx: AudioContextLike, out: AudioNode, at: number, bar: number): void {
  const chord = CHORDS[bar % CHORDS.length] ?? CHORDS[0]!;
  note(ctx, out, { midi: chord[0] - 24, at, seconds: BAR_SECONDS * 0.95, gain: 0.12, wave: 'sine' });
  ARPEGGIO.forEach((tone, i) => {
    const midi = tone === 3 ? chord[0] + 12 : chord[tone as 0 | 1 | 2];
    note(ctx, out, { midi, at: at + i * EIGHTH, seconds: EIGHTH * 1.6, gain: 0.07 });
  });
}

/** A countdown tick; the last second's is higher. */
export function playTick(ctx: AudioContextLike, out: AudioNode, at: number, last: boolean): void {
  note(ctx, out, { midi: last ? 88 : 84, at, seconds: 0.09, gain: 0.25, wave: 'sine' });
}

/** The reveal: a quick rising arpeggio. */
export function playReveal(ctx: AudioContextLike, out: AudioNode, at: number): void {
  [60, 64, 67, 72].forEach((midi, i) => note(ctx, out, { midi, at: at + i * 0.08, seconds: 0.5, gain: 0.18 }));
}

/** The podium: a short fanfare ending on a held major chord. */
export function playPodium(ctx: AudioContextLike, out: AudioNode, at: number): void {
  [67, 72, 76].forEach((midi, i) => note(ctx, out, { midi, at: at + i * 0.15, seconds: 0.25, gain: 0.2, wave: 'square' }));
  for (const midi of [72, 76, 79, 84]) note(ctx, out, { midi, at: at + 0.5, seconds: 1.6, gain: 0.12 });
}
