// @vitest-environment jsdom
import type { PlayerView, ScreenView } from '@quizbus/shared';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '../i18n/test-i18n.tsx';
import { FakeAudioContext } from './fake-audio-context.ts';
import { SoundToggle } from './sound-toggle.tsx';

const base = { gameId: 'g_1', pin: '123456', title: 'Quiz', questionCount: 1, seq: 3, publicSeq: 3 };
const lobby: ScreenView = { ...base, phase: 'lobby', role: 'display', locked: false, playerCount: 0, players: [] };
const phoneLobby: PlayerView = { ...base, phase: 'lobby', role: 'player', me: { playerId: 'p_1', nickname: 'Ann', score: 0, streak: 0, rank: null } };

let made: FakeAudioContext[] = [];

beforeEach(() => {
  localStorage.clear();
  made = [];
  vi.stubGlobal(
    'AudioContext',
    class extends FakeAudioContext {
      constructor() {
        super();
        made.push(this);
      }
    },
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const toggle = () => screen.getByRole('button', { name: 'Sound' });

describe('SoundToggle', () => {
  it('plays on the display by default and remembers being muted', async () => {
    render(<SoundToggle screen="display" view={lobby} clockOffset={0} />);
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(window.quizbusSound?.lobby).toBe(1));

    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(localStorage.getItem('quizbus.sound.display')).toBe('false');
    cleanup();

    // Reloaded: still muted, and no audio made at all.
    render(<SoundToggle screen="display" view={lobby} clockOffset={0} />);
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(made).toHaveLength(1);
  });

  it('keeps a phone silent until its player turns sound on, and then plays no music', async () => {
    render(<SoundToggle screen="player" view={phoneLobby} clockOffset={0} />);
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(made).toEqual([]);
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem('quizbus.sound.player')).toBe('true');
    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]!.started).toEqual([]);
  });

  it('says a click starts the sound while the browser holds it back, and starts it on the first key press', async () => {
    vi.stubGlobal(
      'AudioContext',
      class extends FakeAudioContext {
        constructor() {
          super();
          this.state = 'suspended';
          made.push(this);
        }
      },
    );
    render(<SoundToggle screen="display" view={lobby} clockOffset={0} />);
    expect((await screen.findByRole('status')).textContent).toBe('Click anywhere to start the sound');
    expect(made[0]!.started).toEqual([]);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'a' });
    });
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(made[0]!.started.length).toBeGreaterThan(0);
  });
});
