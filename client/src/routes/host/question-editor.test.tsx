// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '../../i18n/test-i18n.tsx';
import { QuestionEditor } from './question-editor.tsx';
import { newQuestion } from './quiz-draft.ts';

afterEach(cleanup);

const props = { index: 0, count: 2, errors: {}, onMove: vi.fn(), onRemove: vi.fn() };

describe('QuestionEditor for the free-text kinds and slides', () => {
  it('edits a slide as title, text and image only: no timer, points or explanation', () => {
    const onChange = vi.fn();
    render(<QuestionEditor {...props} q={newQuestion('slide')} onChange={onChange} />);
    expect(screen.queryByLabelText('Time limit (seconds)')).toBeNull();
    expect(screen.queryByLabelText('Points')).toBeNull();
    fireEvent.input(screen.getByLabelText('Text under the title'), { target: { value: 'Events are facts.' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'slide', body: 'Events are facts.' }));
  });

  it('gives a word cloud and an open answer a timer but no points to choose', () => {
    for (const type of ['word-cloud', 'open-answer'] as const) {
      render(<QuestionEditor {...props} q={newQuestion(type)} onChange={vi.fn()} />);
      expect(screen.getByLabelText('Time limit (seconds)')).toBeTruthy();
      const points = screen.getByLabelText<HTMLSelectElement>('Points');
      expect(points.disabled).toBe(true);
      expect(points.value).toBe('none');
      cleanup();
    }
  });
});
