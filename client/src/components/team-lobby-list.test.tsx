// @vitest-environment jsdom
import type { ScreenView } from '@quizbus/shared';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { render } from '../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LobbyPanel } from './lobby-panel.tsx';

afterEach(cleanup);

const team = (index: number, name: string, memberCount: number) => ({ index, name, rank: index + 1, score: 0, streak: 0, movement: 0, memberCount, members: [] });
const view: ScreenView = {
  gameId: 'g_1', pin: '042042', title: 'Quiz', seq: 3, publicSeq: 1, phase: 'lobby', questionCount: 1, role: 'host', locked: false, playerCount: 3,
  players: [
    { playerId: 'p_1', nickname: 'Ann', connected: true, score: 0, team: 0 },
    { playerId: 'p_2', nickname: 'Bob', connected: true, score: 0, team: 1 },
    { playerId: 'p_3', nickname: 'Cat', connected: false, score: 0, team: 1 },
  ],
  teams: [team(0, 'Owls', 1), team(1, 'Foxes', 2)],
};

describe('LobbyPanel in a team game', () => {
  it('groups the players by team, with each team’s size, and keeps the host’s remove buttons', () => {
    const onKick = vi.fn();
    render(<LobbyPanel view={view} joinUrl={null} onKick={onKick} />);
    const owls = screen.getByRole('list', { name: 'Owls' });
    const foxes = screen.getByRole('list', { name: 'Foxes' });
    expect(within(owls).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ann×']);
    expect(within(foxes).getAllByRole('listitem').map((li) => li.textContent?.replace('×', '').trim())).toEqual(['Bob', 'Cat (away)']);
    expect(screen.getByText('2 members')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Cat' }));
    expect(onKick).toHaveBeenCalledWith('p_3', 'Cat');
  });
});
