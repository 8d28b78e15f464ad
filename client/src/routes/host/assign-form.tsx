import { MAX_ASSIGNMENT_ATTEMPTS, type CreateAssignmentResponse } from '@quizbus/shared';
import { useState, type FormEvent } from 'react';
import { apiErrorText } from '../../components/error-text.ts';
import { QrCode } from '../../components/qr-code.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { createAssignment } from '../../net/assignment-api.ts';
import { Link } from '../../router/router.tsx';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** A time as a datetime-local input shows it, in the browser's time zone. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * "Assign" in the library: a deadline and the attempts per student, then the assignment's PIN,
 * link and QR code to hand out, and the way to its progress and report.
 */
export function AssignForm({ quizId, title, onClose }: { quizId: string; title: string; onClose: () => void }) {
  const t = useT();
  const [deadline, setDeadline] = useState(() => localInputValue(Date.now() + WEEK_MS));
  const [attempts, setAttempts] = useState(1);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<CreateAssignmentResponse | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setMade(await createAssignment(quizId, new Date(deadline).getTime(), { maxAttempts: attempts }));
    } catch (err) {
      setProblem(apiErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (made) {
    return (
      <section className="assign-made" aria-label={t('assign.formLabel', { title })}>
        <p>{t('assign.created', { pin: made.pin })}</p>
        <p>
          <a href={made.joinUrl} data-testid="assignment-link">
            {made.joinUrl}
          </a>
        </p>
        <QrCode text={made.joinUrl} label={t('assign.qr')} />
        <p className="start-form__actions">
          <Link className="button button--primary" href={`/host/assignments/${made.assignmentId}`}>
            {t('assign.progressLink')}
          </Link>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.dismiss')}
          </button>
        </p>
      </section>
    );
  }
  return (
    <form className="start-form" onSubmit={(e) => void submit(e)} aria-label={t('assign.formLabel', { title })}>
      <div className="field">
        <label htmlFor={`deadline-${quizId}`}>{t('assign.deadline')}</label>
        <input id={`deadline-${quizId}`} className="input" type="datetime-local" required value={deadline} onInput={(e) => setDeadline((e.target as HTMLInputElement).value)} />
      </div>
      <div className="field">
        <label htmlFor={`attempts-${quizId}`}>{t('assign.attempts')}</label>
        <input
          id={`attempts-${quizId}`}
          className="input"
          type="number"
          min={1}
          max={MAX_ASSIGNMENT_ATTEMPTS}
          value={attempts}
          onInput={(e) => setAttempts(Math.max(1, Math.min(MAX_ASSIGNMENT_ATTEMPTS, Number((e.target as HTMLInputElement).value) || 1)))}
        />
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      <div className="start-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('assign.create')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
