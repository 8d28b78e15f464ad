// @vitest-environment jsdom
import type { Answer } from '@quizbus/shared';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { render } from '../../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrderingAnswer } from './ordering-answer.tsx';

afterEach(cleanup);

const items = ['Event', 'Log', 'Publish'];

describe('OrderingAnswer', () => {
  it('swaps two items tapped one after the other', () => {
    const onAnswer = vi.fn<(a: Answer) => void>();
    render(<OrderingAnswer items={items} disabled={false} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Place 1: Event' }));
    fireEvent.click(screen.getByRole('button', { name: 'Place 3: Publish' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock in this order' }));
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'order', order: [2, 1, 0] });
  });

  it('moves an item with the arrow buttons (keyboard and screen readers)', () => {
    const onAnswer = vi.fn<(a: Answer) => void>();
    render(<OrderingAnswer items={items} disabled={false} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move Publish up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Event down' }));
    expect(screen.getByText('Event moved to place 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lock in this order' }));
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'order', order: [2, 0, 1] });
  });
});
