// @vitest-environment jsdom
import type { Answer } from '@quizbus/shared';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { render } from '../../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChoiceAnswer } from './choice-answer.tsx';

afterEach(cleanup);

describe('ChoiceAnswer', () => {
  it('gives every option its own color class, shape and letter, and answers with one tap', () => {
    const onAnswer = vi.fn<(a: Answer) => void>();
    render(<ChoiceAnswer options={['Paris', 'Rome', 'Oslo', 'Bern']} multiple={false} disabled={false} onAnswer={onAnswer} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.className.match(/answer-[a-f]\b/)?.[0])).toEqual(['answer-a', 'answer-b', 'answer-c', 'answer-d']);
    expect(buttons.every((b) => b.querySelector('svg.shape-icon path'))).toBe(true);
    expect(screen.getByRole('button', { name: /^Answer C Oslo$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Answer B Rome$/ }));
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'choice', choice: 1 });
  });

  it('toggles several answers and submits them together for a multi-select question', () => {
    const onAnswer = vi.fn<(a: Answer) => void>();
    render(<ChoiceAnswer options={['2', '3', '4', '5']} multiple disabled={false} onAnswer={onAnswer} />);
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: /^Submit/ });
    expect(submit.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /^Answer D 5$/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Answer B 3$/ }));
    expect(screen.getByRole('button', { name: /^Answer B 3$/ }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(submit);
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'choices', choices: [1, 3] });
  });

  it('shows option text with markup as plain text', () => {
    const { container } = render(<ChoiceAnswer options={['<img src=x onerror=alert(1)>', '<b>bold</b>']} multiple={false} disabled={false} onAnswer={() => undefined} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});
