// @vitest-environment jsdom
import type { ScreenView } from '@quizbus/shared';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { render } from '../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayAddress, LobbyPanel } from './lobby-panel.tsx';

afterEach(cleanup);

const view: ScreenView = {
  gameId: 'g_1',
  pin: '042042',
  title: 'Quiz',
  seq: 3,
  publicSeq: 1,
  phase: 'lobby',
  questionCount: 1,
  role: 'host',
  locked: false,
  playerCount: 2,
  players: [
    { playerId: 'p_1', nickname: '<script>alert(1)</script>', connected: true, score: 0 },
    { playerId: 'p_2', nickname: 'Averyveryverylongnickname', connected: false, score: 0 },
  ],
};

describe('LobbyPanel', () => {
  it('shows the PIN, the join address without its scheme, and a QR code linking to it', () => {
    const { container } = render(<LobbyPanel view={view} joinUrl="http://192.168.1.20:3000/?pin=042042" />);
    expect(screen.getByLabelText('Game PIN 0 4 2 0 4 2')).toBeTruthy();
    expect(screen.getByText('192.168.1.20:3000')).toBeTruthy();
    expect(container.querySelector('a[href="http://192.168.1.20:3000/?pin=042042"] svg[role="img"]')).toBeTruthy();
    expect(displayAddress('https://quiz.school.example/?pin=1')).toBe('quiz.school.example');
  });

  it('lists nicknames as text and lets the host remove a player', () => {
    const onKick = vi.fn();
    const { container } = render(<LobbyPanel view={view} joinUrl={null} onKick={onKick} />);
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(screen.getByText('(away)', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove <script>alert(1)</script>' }));
    expect(onKick).toHaveBeenCalledWith('p_1', '<script>alert(1)</script>');
  });
});
