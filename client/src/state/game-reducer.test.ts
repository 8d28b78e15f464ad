import type { PlayerView, ScreenView } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { reduceMessage } from './game-reducer.ts';

const screen: ScreenView = {
  gameId: 'g_1',
  pin: '123456',
  title: 'Quiz',
  seq: 4,
  publicSeq: 1,
  phase: 'lobby',
  questionCount: 2,
  role: 'display',
  locked: false,
  playerCount: 1,
  players: [{ playerId: 'p_1', nickname: 'Ann', connected: true, score: 0 }],
};

const question = { type: 'single' as const, text: 'Q?', timeLimitMs: 20_000, readMs: 3000, points: 1000, options: ['a', 'b'] };

describe('reduceMessage', () => {
  it('applies a chained message that continues publicSeq', () => {
    const { view, gap } = reduceMessage(screen, {
      name: 'question.shown',
      payload: { seq: 6, prevSeq: 1, index: 0, total: 2, question, opensAt: 1000, closesAt: 21_000, serverNow: 0 },
    });
    expect(gap).toBe(false);
    expect(view.phase).toBe('reading');
    expect(view.publicSeq).toBe(6);
    expect(view.seq).toBe(6);
    expect(view.question?.question.text).toBe('Q?');
    expect(view.answered).toBe(0);
  });

  it('reports a gap, and keeps the view, when a chained message skips one', () => {
    const { view, gap } = reduceMessage(screen, { name: 'game.started', payload: { seq: 9, prevSeq: 7, questionCount: 2 } });
    expect(gap).toBe(true);
    expect(view).toBe(screen);
  });

  it('ignores a chained message it already has', () => {
    const { view, gap } = reduceMessage(screen, { name: 'game.started', payload: { seq: 1, prevSeq: 0, questionCount: 2 } });
    expect(gap).toBe(false);
    expect(view).toBe(screen);
  });

  it('counts answers only for the question on screen', () => {
    const shown = reduceMessage(screen, {
      name: 'question.shown',
      payload: { seq: 6, prevSeq: 1, index: 0, total: 2, question, opensAt: 1000, closesAt: 21_000, serverNow: 0 },
    }).view;
    expect(reduceMessage(shown, { name: 'answers.counted', payload: { seq: 8, index: 0, answered: 3, total: 4 } }).view.answered).toBe(3);
    expect(reduceMessage(shown, { name: 'answers.counted', payload: { seq: 8, index: 1, answered: 3, total: 4 } }).view.answered).toBe(0);
  });

  it('drops an unchained message older than the view', () => {
    const stale = reduceMessage(screen, { name: 'players.updated', payload: { seq: 3, playerCount: 0, locked: true, players: [] } });
    expect(stale.view).toBe(screen);
    const fresh = reduceMessage(screen, { name: 'players.updated', payload: { seq: 5, playerCount: 0, locked: true, players: [] } });
    expect(fresh.view.locked).toBe(true);
  });

  it("puts the reveal, the player's own result and new score into the view from one close", () => {
    const player: PlayerView = {
      ...screen,
      role: 'player',
      phase: 'open',
      me: { playerId: 'p_1', nickname: 'Ann', score: 0, streak: 0, rank: null },
    };
    const result = { index: 0, grade: 'correct' as const, points: 950, streak: 1, score: 950, rank: 1, playerCount: 2, ahead: null };
    const reveal = { index: 0, correct: { type: 'single' as const, choice: 1 }, distribution: { answered: 2, total: 2, correct: 1, options: [1, 1] }, top: [] };
    const { view } = reduceMessage(player, { name: 'question.closed', payload: { seq: 7, prevSeq: 1, closedAt: 5, reveal, result } });
    expect(view.phase).toBe('closed');
    expect(view.reveal).toEqual(reveal);
    expect(view.me).toEqual({ playerId: 'p_1', nickname: 'Ann', score: 950, streak: 1, rank: 1 });
    expect(view.result).toEqual(result);
    const screenClose = reduceMessage({ ...screen, phase: 'open' }, { name: 'question.closed', payload: { seq: 7, prevSeq: 1, closedAt: 5, reveal } });
    expect(screenClose.view.reveal).toEqual(reveal);
    expect('result' in screenClose.view).toBe(false);
  });

  it('ends with the podium and without a question', () => {
    const podium = { top: [], playerCount: 1 };
    const { view } = reduceMessage({ ...screen, phase: 'leaderboard', leaderboard: [] }, { name: 'game.ended', payload: { seq: 9, prevSeq: 1, reason: 'finished', podium } });
    expect(view.phase).toBe('ended');
    expect(view.podium).toEqual(podium);
    expect(view.leaderboard).toBeUndefined();
    expect(view.question).toBeUndefined();
  });
});
