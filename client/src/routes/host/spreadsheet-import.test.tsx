// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { render } from '../../i18n/test-i18n.tsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishT } from '../../i18n/test-i18n.tsx';
import { describeIssue, SpreadsheetImport } from './spreadsheet-import.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SpreadsheetImport', () => {
  it('words a refused row with its number and column', () => {
    expect(describeIssue(englishT, { row: 4, column: 'time_limit', message: 'must be a whole number of seconds from 5 to 240' })).toBe(
      'Row 4, time_limit: must be a whole number of seconds from 5 to 240',
    );
    expect(describeIssue(englishT, { message: 'the file is empty' })).toBe('the file is empty');
  });

  it('uploads the file and lists every refused row in an alert that takes the focus', async () => {
    const body = {
      error: {
        code: 'BAD_REQUEST',
        message: '2 problems in the file; nothing was imported.',
        issues: [
          { row: 3, column: 'correct', message: 'answer 1 is empty' },
          { row: 5, message: 'at least 2 answers' },
        ],
      },
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const onImported = vi.fn();
    render(<SpreadsheetImport busy={false} onImported={onImported} onError={vi.fn()} />);
    const input = screen.getByLabelText('Import spreadsheet…');
    fireEvent.change(input, { target: { files: [new File(['question\nQ'], 'My quiz.csv', { type: 'text/csv' })] } });
    const alert = await screen.findByRole('alert');
    expect(fetchMock).toHaveBeenCalledWith('/api/quizzes/import?format=csv&title=My+quiz', expect.objectContaining({ method: 'POST' }));
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Row 3, correct: answer 1 is empty', 'Row 5: at least 2 answers']);
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(onImported).not.toHaveBeenCalled();
  });
});
