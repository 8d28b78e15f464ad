// @vitest-environment jsdom
import type { ScreenView } from '@quizbus/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { STARTER_QUIZ_TITLE, TeachingMoment } from './teaching-moment.tsx';

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
