import { useId, useRef, useState, type FormEvent } from 'react';
import { BrandLogo } from '../../components/brand-logo.tsx';
import { ApiError, login } from '../../net/api.ts';

/**
 * The teacher login, shown on the teacher's pages when this browser has no session. It says
 * where the one-time login link is (the terminal that started the server); with a
 * TEACHER_PASSWORD on the server it also has one labelled password field, whose error is
 * announced and linked to the field, focus going back to it so the teacher can type again.
 */
export function LoginPage({ onLoggedIn, passwordLogin, linkProblem }: { onLoggedIn: () => void; passwordLogin: boolean; linkProblem: string | null }) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setProblem('Type the teacher password.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await login(password);
      onLoggedIn();
    } catch (err) {
      const text = err instanceof ApiError && err.code === 'UNAUTHORIZED' ? 'That password is not right.' : err instanceof ApiError ? err.message : 'Logging in did not work.';
      setProblem(text);
      setPassword('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page page--narrow login">
      <BrandLogo />
      <h1>Teacher login</h1>
      {linkProblem ? (
        <p className="login__problem" role="alert">
          {linkProblem}
        </p>
      ) : null}
      <p>
        Open the teacher login link that Quizbus printed in the terminal where it was started, or scan its QR code. Each link works once.
        {passwordLogin ? ' Or type the teacher password.' : ''} Students do not need it: they join with the game PIN.
      </p>
      {passwordLogin ? (
        <form className="card login__form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor={id}>Teacher password</label>
            <input
              ref={input}
              id={id}
              className="input"
              type="password"
              autoComplete="current-password"
              // The login is the only thing on this screen.
              autoFocus
              value={password}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-error` : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p id={`${id}-error`} className="field__error" role="alert" hidden={!problem}>
              {problem}
            </p>
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Logging in…' : 'Log in'}
          </button>
        </form>
      ) : null}
    </main>
  );
}
