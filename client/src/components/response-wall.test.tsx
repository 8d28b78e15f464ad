// @vitest-environment jsdom
import type { ResponseWall } from '@quizbus/shared';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '../i18n/test-i18n.tsx';
import { ResponseWallView } from './response-wall.tsx';

afterEach(cleanup);

describe('ResponseWallView', () => {
  it('shows the display’s cloud with sizes by count and no controls', () => {
    const wall: ResponseWall = { index: 1, words: [{ key: 'cafe', text: 'Café', count: 3 }, { key: 'kafka', text: 'Kafka', count: 1 }] };
    const { container } = render(<ResponseWallView wall={wall} />);
    const words = [...container.querySelectorAll<HTMLElement>('.wall__word')];
    expect(words.map((w) => w.querySelector('.wall__word-text')?.textContent)).toEqual(['Café', 'Kafka']);
    expect(words.map((w) => w.style.fontSize)).toEqual(['3em', '1em']);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('gives the host a hide or show button per word and the filter’s count', () => {
    const onHideWord = vi.fn();
    const wall: ResponseWall = { index: 1, blocked: 2, words: [{ key: 'cafe', text: 'Café', count: 2, hidden: false }, { key: 'kafka', text: 'Kafka', count: 1, hidden: true }] };
    render(<ResponseWallView wall={wall} moderation={{ onHideWord, onApprove: vi.fn() }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hide “Café”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show “Kafka”' }));
    expect(onHideWord.mock.calls).toEqual([[1, 'cafe', true], [1, 'kafka', false]]);
    expect(screen.getByText('2 answers caught by the word filter')).toBeTruthy();
  });

  it('lets the host approve and withdraw open answers; the display says what it waits for', () => {
    const onApprove = vi.fn();
    const host: ResponseWall = { index: 2, answers: [{ playerId: 'p1', text: 'A fact', approved: true }, { playerId: 'p2', text: 'A thought', approved: false }] };
    render(<ResponseWallView wall={host} moderation={{ onHideWord: vi.fn(), onApprove }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Take off screen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show on screen' }));
    expect(onApprove.mock.calls).toEqual([[2, 'p1', false], [2, 'p2', true]]);
    cleanup();
    render(<ResponseWallView wall={{ index: 2, answers: [] }} />);
    expect(screen.getByText('Answers appear here once the host approves them.')).toBeTruthy();
  });
});
