// @vitest-environment jsdom
import type { PlayerView, ScreenView } from '@quizbus/shared';
import { cleanup, screen } from '@testing-library/react';
import { render } from '../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it } from 'vitest';
import { PlayerTeachingMoment, STARTER_QUIZ_TITLE, TeachingMoment } from './teaching-moment.tsx';

afterEach(cleanup);

const closed: ScreenView = {
  gameId: 'g_1',
  pin: '042042',
  title: STARTER_QUIZ_TITLE,
  seq: 412,
  publicSeq: 412,
  phase: 'closed',
  questionCount: 3,
  role: 'display',
  locked: false,
  playerCount: 2,
  players: [],
  reveal: {
    index: 0,
    correct: { kind: 'choice', choice: 1 },
    distribution: { kind: 'choice', counts: [0, 2], answered: 2, total: 2 },
    explanation: '',
  } as unknown as NonNullable<ScreenView['reveal']>,
};

describe('TeachingMoment', () => {
  it("names the reveal's event number on the starter quiz", () => {
    render(<TeachingMoment view={closed} />);
    expect(screen.getByRole('complementary', { name: 'Under the hood of this reveal' }).textContent).toContain('event #412');
  });

  it('stays out of other quizzes and other phases', () => {
    const { container } = render(
      <>
        <TeachingMoment view={{ ...closed, title: 'Another quiz' }} />
        <TeachingMoment view={{ ...closed, phase: 'leaderboard' }} />
      </>,
    );
    expect(container.textContent).toBe('');
  });
});

describe('PlayerTeachingMoment', () => {
  const result = { index: 0, grade: 'correct' as const, points: 950, streak: 1, score: 950, rank: 1, playerCount: 2, ahead: null, answerSeq: 409 };
  const phone = {
    ...closed,
    role: 'player',
    me: { playerId: 'p_1', nickname: 'Ann', score: 950, streak: 1, rank: 1 },
    result,
  } as unknown as PlayerView;

  it("names the student's own answer event and the reveal's on the starter quiz", () => {
    render(<PlayerTeachingMoment view={phone} />);
    const text = screen.getByRole('complementary', { name: 'Under the hood of your answer' }).textContent;
    expect(text).toContain('event #409');
    expect(text).toContain('event #412');
  });

  it('stays out of other quizzes, later phases and questions the student did not answer', () => {
    const { answerSeq: _none, ...missed } = result;
    const { container } = render(
      <>
        <PlayerTeachingMoment view={{ ...phone, title: 'Another quiz' }} />
        <PlayerTeachingMoment view={{ ...phone, phase: 'leaderboard' }} />
        <PlayerTeachingMoment view={{ ...phone, result: { ...missed, grade: 'missed' } }} />
      </>,
    );
    expect(container.textContent).toBe('');
  });
});
