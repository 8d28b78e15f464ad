// @vitest-environment jsdom
import type { PublicQuestion, Reveal } from '@quizbus/shared';
import { cleanup, screen, within } from '@testing-library/react';
import { render } from '../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it } from 'vitest';
import { RevealPanel } from './reveal-panel.tsx';

afterEach(cleanup);

const base = { text: 'Q', timeLimitMs: 20_000, readMs: 3_000, points: 1000 };
const reveal = (correct: Reveal['correct'], distribution: Partial<Reveal['distribution']>): Reveal => ({
  index: 0,
  correct,
  distribution: { answered: 5, total: 6, correct: 2, ...distribution },
  top: [],
});

describe('RevealPanel', () => {
  it('shows a poll’s spread without marking any option right', () => {
    const q: PublicQuestion = { ...base, type: 'poll', points: 0, options: ['Tea', 'Coffee', 'Water'] };
    const { container } = render(<RevealPanel question={q} reveal={reveal({ type: 'poll' }, { correct: 0, options: [1, 3, 1] })} />);
    expect(container.textContent).not.toMatch(/right answer/);
    expect(container.querySelectorAll('.option-tile__check')).toHaveLength(0);
    expect(container.querySelectorAll('.option-tile--dim')).toHaveLength(0);
    expect([...container.querySelectorAll('.option-tile__count-number')].map((n) => n.textContent)).toEqual(['1', '3', '1']);
    expect(screen.getByText('5 of 6 answered')).toBeTruthy();
  });

  it('still marks the right option of a single-choice question and dims the others', () => {
    const q: PublicQuestion = { ...base, type: 'single', options: ['Tea', 'Coffee', 'Water'] };
    const { container } = render(<RevealPanel question={q} reveal={reveal({ type: 'single', choice: 1 }, { options: [1, 3, 1] })} />);
    expect(container.querySelectorAll('.option-tile__check')).toHaveLength(1);
    expect(container.querySelectorAll('.option-tile--dim')).toHaveLength(2);
  });

  it('draws a slider’s answers as a histogram along the scale with the right bands marked', () => {
    const q: PublicQuestion = { ...base, type: 'slider', slider: { min: 0, max: 10, step: 1 } };
    const histogram = [0, 0, 0, 1, 0, 0, 0, 2, 1, 0, 1];
    const { container } = render(<RevealPanel question={q} reveal={reveal({ type: 'slider', value: 7, tolerance: 1 }, { histogram })} />);
    const bands = [...container.querySelectorAll('.histogram__band')];
    expect(bands.map((b) => Number(b.getAttribute('data-count')))).toEqual(histogram);
    const right = bands.flatMap((b, i) => (b.classList.contains('histogram__band--right') ? [i] : []));
    expect(right).toEqual([6, 7, 8]);
    expect(within(bands[7] as HTMLElement).getByText(/^7: 2 answers, right$/)).toBeTruthy();
    expect(within(bands[3] as HTMLElement).getByText(/^3: 1 answer$/)).toBeTruthy();
  });

  it('labels the bands of a fine scale with their ranges', () => {
    const q: PublicQuestion = { ...base, type: 'slider', slider: { min: 0, max: 100, step: 1 } };
    const histogram = Array.from({ length: 17 }, (_, i) => (i === 6 ? 4 : 0));
    const { container } = render(<RevealPanel question={q} reveal={reveal({ type: 'slider', value: 37, tolerance: 0 }, { histogram })} />);
    expect(container.querySelectorAll('.histogram__band')).toHaveLength(17);
    expect(screen.getByText(/^36–41: 4 answers, right$/)).toBeTruthy();
    expect(screen.getByText(/^96–100: 0 answers$/)).toBeTruthy();
  });

  it('shows the right order with how many placed each item right', () => {
    const q: PublicQuestion = { ...base, type: 'ordering', items: ['Two', 'Three', 'One'] };
    const { container } = render(<RevealPanel question={q} reveal={reveal({ type: 'ordering', order: [2, 0, 1] }, { placedRight: [4, 1, 3] })} />);
    const rows = [...container.querySelectorAll('.order-reveal__item')].map((li) => [li.querySelector('.order-reveal__text')?.textContent, li.querySelector('.order-reveal__number')?.textContent]);
    expect(rows).toEqual([
      ['One', '3 of 5 placed it right'],
      ['Two', '4 of 5 placed it right'],
      ['Three', '1 of 5 placed it right'],
    ]);
  });
});
