import type { TeacherSession } from '@quizbus/shared';
import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, getSession, LOGIN_REQUIRED_EVENT, loginWithLink, logout } from '../../net/api.ts';
import { LoginPage } from './login-page.tsx';

type Gate = 'checking' | 'in' | 'login';

const SessionContext = createContext<TeacherSession | null>(null);

/** The teacher session the nearest gate knows (null while checking, or outside a gate). */
export function useTeacherSession(): TeacherSession | null {
  return useContext(SessionContext);
}

/**
 * Takes a one-time login token out of the address (`/host?login=…`) at once, so it does not
 * stay in the address bar, the history or a bookmark, and returns it.
 */
function takeLoginToken(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('login');
  if (token === null) return null;
  url.searchParams.delete('login');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token;
}

let linkLogin: Promise<string | null> | null = null;

/**
 * Logs in with the address's login token, if it has one; resolves with what went wrong, or
 * null. One exchange per token even when effects run twice (React's StrictMode in development):
 * the second run joins the first's.
 */
function loginFromAddress(): Promise<string | null> {
  if (linkLogin) return linkLogin;
  const token = takeLoginToken();
  if (!token) return Promise.resolve(null);
  linkLogin = loginWithLink(token)
    .then(
      () => null,
      (err: unknown) => (err instanceof ApiError ? err.message : 'That login link did not work.'),
    )
    .finally(() => {
      linkLogin = null;
    });
  return linkLogin;
}

/**
 * Guards the teacher's pages (library, editor, reports). It first trades a login link's token
 * for the session cookie, then asks the server: with TEACHER_ACCESS=open it shows the pages as
 * they are; otherwise the login until this browser has a session, and again whenever the API
 * answers LOGIN_REQUIRED (the session ran out, or another tab logged out). `onlyWhenAsked`
 * shows the page first and the login only on such an answer (a report opens with the host
 * token this browser kept, no login needed). The host console is not behind it: it runs on
 * the game's host token.
 */
export function TeacherGate({ children, onlyWhenAsked = false }: { children: ReactNode; onlyWhenAsked?: boolean }) {
  const [gate, setGate] = useState<Gate>(onlyWhenAsked ? 'in' : 'checking');
  const [session, setSession] = useState<TeacherSession | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  // A new key after a login remounts the page, so it loads what the 401 stopped.
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    const check = async () => {
      const problem = await loginFromAddress();
      if (live && problem) setLinkProblem(problem);
      const s = await getSession();
      if (!live) return;
      setSession(s);
      if (!onlyWhenAsked) setGate(s.loggedIn ? 'in' : 'login');
    };
    // An unreachable server shows the page, whose own requests then say what is wrong.
    check().catch(() => live && setGate('in'));
    const required = () => setGate('login');
    window.addEventListener(LOGIN_REQUIRED_EVENT, required);
    return () => {
      live = false;
      window.removeEventListener(LOGIN_REQUIRED_EVENT, required);
    };
  }, [onlyWhenAsked]);

  if (gate === 'checking') return null;
  if (gate === 'login') {
    return (
      <LoginPage
        passwordLogin={session?.passwordRequired ?? true}
        linkProblem={linkProblem}
        onLoggedIn={() => {
          setLinkProblem(null);
          void getSession().then(setSession, () => undefined);
          setGate('in');
          setRound((r) => r + 1);
        }}
      />
    );
  }
  const canLogOut = session !== null && session.access === 'login' && session.loggedIn && !session.thisMachine;
  return (
    <SessionContext.Provider value={session}>
      <Fragment key={round}>{children}</Fragment>
      {canLogOut ? (
        <footer className="teacher-bar">
          <button type="button" className="button button--quiet button--small" onClick={() => void logout().finally(() => setGate('login'))}>
            Log out
          </button>
        </footer>
      ) : null}
    </SessionContext.Provider>
  );
}
