import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { getSession, LOGIN_REQUIRED_EVENT, logout } from '../../net/api.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { LoginPage } from './login-page.tsx';

type Gate = 'checking' | 'open' | 'login' | 'session';

/**
 * Guards the teacher's pages (library, editor). Without a TEACHER_PASSWORD on the server it
 * shows them as they are; with one it shows the login until this browser has a session, and
 * again whenever the API answers LOGIN_REQUIRED (the session ran out, or another tab logged out).
 * The host console is not behind it: it runs on the game's host token.
 */
export function TeacherGate({ children }: { children: ReactNode }) {
  const t = useT();
  const [gate, setGate] = useState<Gate>('checking');
  // A new key after a login remounts the page, so it loads what the 401 stopped.
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    getSession()
      .then((s) => live && setGate(!s.passwordRequired ? 'open' : s.loggedIn ? 'session' : 'login'))
      .catch(() => live && setGate('open'));
    const required = () => setGate('login');
    window.addEventListener(LOGIN_REQUIRED_EVENT, required);
    return () => {
      live = false;
      window.removeEventListener(LOGIN_REQUIRED_EVENT, required);
    };
  }, []);

  if (gate === 'checking') return null;
  if (gate === 'login') {
    return (
      <LoginPage
        onLoggedIn={() => {
          setGate('session');
          setRound((r) => r + 1);
        }}
      />
    );
  }
  return (
    <>
      <Fragment key={round}>{children}</Fragment>
      {gate === 'session' ? (
        <footer className="teacher-bar">
          <button type="button" className="button button--quiet button--small" onClick={() => void logout().finally(() => setGate('login'))}>
            {t('login.logout')}
          </button>
        </footer>
      ) : null}
    </>
  );
}
