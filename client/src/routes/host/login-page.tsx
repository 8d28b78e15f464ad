import { useId, useRef, useState, type FormEvent } from 'react';
import { BrandLogo } from '../../components/brand-logo.tsx';
import { apiErrorText } from '../../components/error-text.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { LanguageSwitch } from '../../i18n/language-switch.tsx';
import { ApiError, login } from '../../net/api.ts';

/** Why a login link from the address bar did not log this browser in. */
export interface LinkProblem {
  err: unknown;
}

/**
 * The teacher login, shown on the teacher's pages when this browser has no session. It says
 * where the one-time login link is (the terminal that started the server); with a
 * TEACHER_PASSWORD on the server it also has one labelled password field, whose error is
 * announced and linked to the field, focus going back to it so the teacher can type again.
 */
export function LoginPage({ onLoggedIn, passwordLogin, linkProblem }: { onLoggedIn: () => void; passwordLogin: boolean; linkProblem: LinkProblem | null }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setProblem(t('login.empty'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await login(password);
      onLoggedIn();
    } catch (err) {
      const text = err instanceof ApiError && err.code === 'UNAUTHORIZED' ? t('login.wrong') : apiErrorText(t, err);
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
      <LanguageSwitch />
      <h1>{t('login.heading')}</h1>
      {linkProblem ? (
        <p className="login__problem" role="alert">
          {linkProblem.err instanceof ApiError && linkProblem.err.code === 'UNAUTHORIZED' ? t('login.linkRefused') : apiErrorText(t, linkProblem.err)}
        </p>
      ) : null}
      <p>
        {passwordLogin ? t('login.introWithPassword') : t('login.introLinkOnly')}
      </p>
      {passwordLogin ? (
        <form className="card login__form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor={id}>{t('login.password')}</label>
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
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      ) : null}
    </main>
  );
}
