// @vitest-environment jsdom
import type { TeacherSession } from '@quizbus/shared';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportPage } from '../report/report-page.tsx';
import { TeacherGate } from './teacher-gate.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
  localStorage.clear();
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const session = (loggedIn: boolean): TeacherSession => ({ access: 'login', passwordRequired: false, loggedIn, thisMachine: false, anyReport: loggedIn });

/**
 * A server with one login token that works once, and a report that opens only with a session.
 * Login answers wait for `release()` (a slow network), so a second session check could overtake them.
 */
function fakeServer() {
  let loggedIn = false;
  const logins: unknown[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetchMock = vi.fn(async (path: string, init: RequestInit = {}) => {
    if (path === '/api/login') {
      logins.push(JSON.parse(String(init.body)));
      await released;
      if (loggedIn) return json({ error: { code: 'UNAUTHORIZED', message: 'That login link has been used or has expired.' } }, 401);
      loggedIn = true;
      return new Response(null, { status: 204 });
    }
    if (path === '/api/session') return json(session(loggedIn));
    if (path.startsWith('/api/reports/')) {
      if (!loggedIn) return json({ error: { code: 'LOGIN_REQUIRED', message: 'Log in as a teacher first.' } }, 401);
      return json({ missing: 'fields' }, 500);
    }
    return json({ error: { code: 'NOT_FOUND', message: 'No such route.' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { logins, release };
}

describe('TeacherGate', () => {
  it('trades the address\'s login token for a session once, even when StrictMode runs effects twice, and drops it from the address', async () => {
    const { logins, release } = fakeServer();
    window.history.replaceState(null, '', '/host?login=tok-123&saved=x');
    render(
      <StrictMode>
        <TeacherGate>
          <p>the library</p>
        </TeacherGate>
      </StrictMode>,
    );
    await waitFor(() => expect(logins).toHaveLength(1));
    release();
    await screen.findByText('the library');
    expect(logins).toEqual([{ token: 'tok-123' }]);
    expect(`${window.location.pathname}${window.location.search}`).toBe('/host?saved=x');
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy();
  });

  it('shows where the link is, and no password field, without a session', async () => {
    fakeServer();
    render(
      <TeacherGate>
        <p>the library</p>
      </TeacherGate>,
    );
    await screen.findByRole('heading', { name: 'Teacher login' });
    expect(screen.getByText(/printed in the terminal/)).toBeTruthy();
    expect(screen.queryByLabelText('Teacher password')).toBeNull();
    expect(screen.queryByText('the library')).toBeNull();
  });

  it('opens a report without a host token only through the login (issue 12, point 7)', async () => {
    fakeServer();
    render(
      <TeacherGate onlyWhenAsked>
        <ReportPage gameId="g_abcdefghijkl" />
      </TeacherGate>,
    );
    // No host token kept here and no session: the server says LOGIN_REQUIRED, the gate shows the login.
    await screen.findByRole('heading', { name: 'Teacher login' });
  });
});
