import type { PlayerView, ScreenView, TeamRow } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { reduceMessage } from './game-reducer.ts';

const base = { gameId: 'g_1', pin: '123456', title: 'Quiz', seq: 4, publicSeq: 1, questionCount: 2 };
const screen: ScreenView = { ...base, phase: 'lobby', role: 'display', locked: false, playerCount: 1, players: [] };
const player: PlayerView = { ...base, phase: 'lobby', role: 'player', me: { playerId: 'p_1', nickname: 'Ann', score: 0, streak: 0, rank: null, team: { index: 0, name: 'Owls' } } };
const row = (index: number, name: string, rank: number, score: number): TeamRow => ({ index, name, rank, score, streak: 0, movement: 0, memberCount: 1, members: [] });

/** Team mode in the client's state: the messages that carry teams update the view. */
describe('reduceMessage in team games', () => {
  it('moves the phone to its new team on player.team, and screens ignore it', () => {
    const moved = reduceMessage(player, { name: 'player.team', payload: { seq: 5, team: { index: 1, name: 'Foxes' } } });
    expect(moved.view.me.team).toEqual({ index: 1, name: 'Foxes' });
    expect(reduceMessage(screen, { name: 'player.team', payload: { seq: 5, team: { index: 1, name: 'Foxes' } } }).view).toBe(screen);
    // An older one than the view is stale.
    expect(reduceMessage(player, { name: 'player.team', payload: { seq: 3, team: { index: 1, name: 'Foxes' } } }).view).toBe(player);
  });

  it('takes the teams from players.updated, leaderboard.shown and the podium', () => {
    const lobby = reduceMessage(screen, { name: 'players.updated', payload: { seq: 5, playerCount: 1, locked: false, players: [], teams: [row(0, 'Owls', 1, 0)] } });
    expect(lobby.view.teams?.map((t) => t.name)).toEqual(['Owls']);
    const board = reduceMessage({ ...screen, phase: 'closed' }, { name: 'leaderboard.shown', payload: { seq: 6, prevSeq: 1, index: 0, top: [], teams: [row(1, 'Foxes', 1, 500), row(0, 'Owls', 2, 0)] } });
    expect(board.view.teams?.map((t) => t.name)).toEqual(['Foxes', 'Owls']);
    const teams = [row(0, 'Owls', 1, 900), row(1, 'Foxes', 2, 500)];
    const ended = reduceMessage(board.view, { name: 'game.ended', payload: { seq: 7, prevSeq: 6, reason: 'finished', podium: { top: [], playerCount: 2, teams } } });
    expect(ended.view.teams).toEqual(teams);
    expect(ended.view.podium?.teams).toEqual(teams);
  });
});
