// @vitest-environment jsdom
import { NICKNAME_MAX } from '@quizbus/shared';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../../i18n/test-i18n.tsx';
import { NicknameField, nicknameTooLong } from './nickname-field.tsx';

afterEach(cleanup);

const FAMILY = '👨\u200d👩\u200d👧';

// Typing fires `input` events (Preact's onChange listens to them, as React's does underneath).
function Field({ error = null }: { error?: string | null }) {
  const [value, setValue] = useState('');
  return <NicknameField value={value} onChange={setValue} error={error} inputRef={null} />;
}

/** The counter the field describes itself with (aria-describedby), as a screen reader reads it. */
function description(input: HTMLElement): string[] {
  return (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);
}

/** Issue 12, point 6: the join page counts a nickname as the game does and never cuts it. */
describe('NicknameField', () => {
  it('counts emoji sequences and accents as one character each, up to the limit', () => {
    render(<Field />);
    const input = screen.getByLabelText<HTMLInputElement>('Nickname');
    expect(description(input)).toEqual([`0 / ${NICKNAME_MAX}`]);
    fireEvent.input(input, { target: { value: `Zoe\u0308 ${FAMILY}👍🏽` } });
    expect(description(input)).toEqual([`6 / ${NICKNAME_MAX}`]);
    fireEvent.input(input, { target: { value: FAMILY.repeat(24) } });
    expect(description(input)).toEqual([`24 / ${NICKNAME_MAX}`]);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps every character of a name that is too long and says so', () => {
    render(<Field />);
    const input = screen.getByLabelText<HTMLInputElement>('Nickname');
    const thirty = '🦊'.repeat(30);
    fireEvent.input(input, { target: { value: thirty } });
    expect(input.value).toBe(thirty);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual([`30 / ${NICKNAME_MAX}`, `Too long: a nickname has at most ${NICKNAME_MAX} characters.`]);
    expect(screen.getByRole('alert').textContent).toBe(`Too long: a nickname has at most ${NICKNAME_MAX} characters.`);
    expect(nicknameTooLong(thirty)).toBe(true);
    expect(nicknameTooLong(`  ${FAMILY.repeat(24)}  `)).toBe(false);
  });

  it("shows the game's refusal under the field", () => {
    render(<Field error="Someone in this game already has that nickname." />);
    const input = screen.getByLabelText('Nickname');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toEqual([`0 / ${NICKNAME_MAX}`, 'Someone in this game already has that nickname.']);
  });
});
