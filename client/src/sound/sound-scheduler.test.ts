import { describe, expect, it } from 'vitest';
import { BAR_SECONDS, type AudioContextLike } from './cue-synth.ts';
import { FakeAudioContext } from './fake-audio-context.ts';
import { SoundScheduler, type SoundScene } from './sound-scheduler.ts';

const lobby: SoundScene = { phase: 'lobby', questionIndex: null, msLeft: null };

function setup(options: { music?: boolean; muted?: boolean } = {}) {
  const ctx = new FakeAudioContext();
  const scheduler = new SoundScheduler(ctx as unknown as AudioContextLike, { music: options.music ?? true, muted: options.muted ?? false });
  return { ctx, scheduler };
}

/**
 * An open question counted down from `fromMs` to 0 in 250 ms updates (as the screen does),
 * the audio clock moving with it; returns the audio time at which the countdown started.
 */
function countDown(ctx: FakeAudioContext, scheduler: SoundScheduler, fromMs: number, questionIndex = 0): number {
  const start = ctx.currentTime;
  for (let left = fromMs; left >= 0; left -= 250) {
    ctx.currentTime = start + (fromMs - left) / 1000;
    scheduler.update({ phase: 'open', questionIndex, msLeft: left });
  }
  return start;
}

describe('SoundScheduler', () => {
  it('plays the lobby music bar after bar while the lobby lasts, and stops with it', () => {
    const { ctx, scheduler } = setup();
    for (let t = 0; t <= 10; t += 0.25) {
      ctx.currentTime = t;
      scheduler.update(lobby);
    }
    // Ten seconds of 2.4 s bars, each queued a little ahead of its start: the fifth starts at 9.65 s.
    expect(scheduler.counts.lobby).toBe(5);
    expect(ctx.started.filter((n) => n.at === 0.05 + 4 * BAR_SECONDS)).not.toEqual([]);
    const notes = ctx.started.length;
    ctx.currentTime = 10.25;
    scheduler.update({ phase: 'reading', questionIndex: 0, msLeft: null });
    ctx.currentTime = 20;
    scheduler.update({ phase: 'reading', questionIndex: 0, msLeft: null });
    expect(ctx.started).toHaveLength(notes);
    expect(scheduler.counts).toEqual({ lobby: 5, tick: 0, reveal: 0, podium: 0 });
  });

  it('ticks once for each of the last five seconds, on time, and never before', () => {
    const { ctx, scheduler } = setup();
    const start = countDown(ctx, scheduler, 20_000);
    expect(scheduler.counts.tick).toBe(5);
    // Ticks fall at 5, 4, 3, 2 and 1 seconds left: 15 … 19 s into a 20 s countdown.
    expect(ctx.started.map((n) => Number((n.at - start).toFixed(3)))).toEqual([15, 16, 17, 18, 19]);
    // The last one is higher: the room hears the end coming.
    expect(ctx.started.at(-1)!.hz).toBeGreaterThan(ctx.started[0]!.hz);
  });

  it('ticks again for the next question, and only for the seconds it still has', () => {
    const { ctx, scheduler } = setup();
    countDown(ctx, scheduler, 8_000, 0);
    countDown(ctx, scheduler, 3_000, 1);
    expect(scheduler.counts.tick).toBe(5 + 3);
  });

  it('stings the reveal and the podium when the screen sees them come, not when it opens onto them', () => {
    const { ctx, scheduler } = setup();
    scheduler.update({ phase: 'closed', questionIndex: 0, msLeft: null });
    expect(scheduler.counts.reveal).toBe(0);
    scheduler.update({ phase: 'leaderboard', questionIndex: 0, msLeft: null });
    scheduler.update({ phase: 'reading', questionIndex: 1, msLeft: null });
    countDown(ctx, scheduler, 1_000, 1);
    scheduler.update({ phase: 'closed', questionIndex: 1, msLeft: null });
    scheduler.update({ phase: 'closed', questionIndex: 1, msLeft: null });
    scheduler.update({ phase: 'ended', questionIndex: 1, msLeft: null });
    expect(scheduler.counts).toEqual({ lobby: 0, tick: 1, reveal: 1, podium: 1 });
  });

  it('plays nothing muted, and nothing before the browser lets audio run', () => {
    for (const { muted, state } of [
      { muted: true, state: 'running' as const },
      { muted: false, state: 'suspended' as const },
    ]) {
      const { ctx, scheduler } = setup({ muted });
      ctx.state = state;
      scheduler.update(lobby);
      countDown(ctx, scheduler, 6_000);
      scheduler.update({ phase: 'closed', questionIndex: 0, msLeft: null });
      scheduler.update({ phase: 'ended', questionIndex: 0, msLeft: null });
      expect(scheduler.counts).toEqual({ lobby: 0, tick: 0, reveal: 0, podium: 0 });
      expect(ctx.started).toEqual([]);
    }
  });

  it('stops the music at once when muted mid-lobby, and a phone gets no music at all', () => {
    const { ctx, scheduler } = setup();
    scheduler.update(lobby);
    scheduler.setMuted(true);
    ctx.currentTime = 30;
    scheduler.update(lobby);
    expect(scheduler.counts.lobby).toBe(1);

    const phone = setup({ music: false });
    phone.scheduler.update(lobby);
    phone.ctx.currentTime = 30;
    phone.scheduler.update(lobby);
    expect(phone.scheduler.counts.lobby).toBe(0);
  });
});
