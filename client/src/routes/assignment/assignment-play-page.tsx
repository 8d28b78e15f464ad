import type { Answer, AssignmentInfo, AttemptView } from '@quizbus/shared';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Countdown } from '../../components/countdown.tsx';
import { apiErrorText } from '../../components/error-text.ts';
import { useLocale } from '../../i18n/i18n-context.ts';
import { LanguageSwitch } from '../../i18n/language-switch.tsx';
import { ApiError } from '../../net/api-error.ts';
import { answerAttempt, getAssignmentInfo, getAttempt, nextQuestion, startAttempt } from '../../net/assignment-api.ts';
import { loadAttemptSeat, saveAttemptSeat, type AttemptSeat } from '../../net/storage.ts';
import { AnswerInput } from '../play/answer-input.tsx';
import { AttemptResult } from './attempt-result.tsx';

/** A view and the moment it arrived, so the countdown runs from the server's "time left". */
interface Received {
  view: AttemptView;
  at: number;
}

/**
 * `/a/:pin`: a student's self-paced assignment. The server times every question; this page
 * counts down from the time left it was told and asks again when that runs out. The attempt's
 * token stays in this browser (localStorage), so a reload or a visit a day later resumes it.
 */
export function AssignmentPlayPage({ pin }: { pin: string }) {
  const { t, format } = useLocale();
  const [info, setInfo] = useState<AssignmentInfo | null>(null);
  const [seat, setSeat] = useState<AttemptSeat | null>(null);
  const [got, setGot] = useState<Received | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const show = (view: AttemptView) => setGot({ view, at: Date.now() });
  const fail = useCallback((err: unknown) => setProblem(apiErrorText(t, err)), [t]);

  useEffect(() => {
    let live = true;
    getAssignmentInfo(pin)
      .then(async (i) => {
        if (!live) return;
        setInfo(i);
        const held = loadAttemptSeat(i.assignmentId);
        if (!held) return;
        try {
          const view = await getAttempt(i.assignmentId, held.attemptId, held.token);
          if (!live) return;
          setSeat(held);
          setGot({ view, at: Date.now() });
        } catch (err) {
          // A seat the server no longer knows (expired, another server's data) is dropped.
          if (err instanceof ApiError && (err.code === 'UNAUTHORIZED' || err.code === 'ASSIGNMENT_NOT_FOUND')) saveAttemptSeat(i.assignmentId, null);
          else if (live) fail(err);
        }
      })
      .catch((err: unknown) => live && fail(err));
    return () => {
      live = false;
    };
  }, [pin, fail]);

  const run = async (step: () => Promise<AttemptView>) => {
    setBusy(true);
    setProblem(null);
    try {
      show(await step());
    } catch (err) {
      fail(err);
      // LATE and the like: the server's current view says what happens now.
      if (info && seat) getAttempt(info.assignmentId, seat.attemptId, seat.token).then(show, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!info) return;
    setBusy(true);
    setProblem(null);
    try {
      const started = await startAttempt(info.assignmentId, name);
      const held = { attemptId: started.view.attemptId, token: started.token };
      saveAttemptSeat(info.assignmentId, held);
      setSeat(held);
      show(started.view);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const view = got?.view;
  // When the time left runs out, the server says what that means (timeout, or answers open).
  useEffect(() => {
    if (!got || !info || !seat || got.view.status !== 'question') return;
    const wait = got.view.readRemainingMs > 0 ? got.view.readRemainingMs : got.view.remainingMs;
    const timer = setTimeout(() => void getAttempt(info.assignmentId, seat.attemptId, seat.token).then(show, () => undefined), wait + 100);
    return () => clearTimeout(timer);
  }, [got, info, seat]);

  // Before the attempt: only the language; during it: where the student is and the score.
  const header = view ? (
    <header className="play__bar">
      <span className="play__nickname">{view.status !== 'finished' ? t('assignment.questionOf', { number: view.index + 1, total: view.questionCount }) : (info?.title ?? '')}</span>
      <span className="play__score" aria-label={t('play.scoreLabel', { score: view.score })}>
        {format.number(view.score)}
      </span>
    </header>
  ) : (
    <header className="play__bar play__bar--end">
      <LanguageSwitch className="join__language" />
    </header>
  );
  const alert = problem ? (
    <p className="field__error" role="alert">
      {problem}
    </p>
  ) : null;

  if (!info || !view || !seat) {
    return (
      <div className="play">
        {header}
        <main className="play__main">
        {alert}
        {info && !info.closed ? (
          <form className="join__form card" onSubmit={(e) => void start(e)}>
            <h1>{info.title}</h1>
            <p>{t('assignment.intro', { count: info.questionCount, date: format.dateTime(info.closesAt) })}</p>
            <div className="field">
              <label htmlFor="assignment-name">{t('join.studentId')}</label>
              <input id="assignment-name" className="input" value={name} maxLength={64} autoComplete="name" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            </div>
            <button type="submit" className="button button--primary button--large button--block" disabled={busy || name.trim() === ''}>
              {t('assignment.start')}
            </button>
          </form>
        ) : null}
        {info?.closed ? (
          <section className="play__waiting">
            <h1>{info.title}</h1>
            <p>{t('error.assignmentClosed')}</p>
          </section>
        ) : null}
        {!info && !problem ? <p>{t('common.loading')}</p> : null}
        </main>
      </div>
    );
  }

  const next = () => void run(() => nextQuestion(info.assignmentId, seat.attemptId, seat.token, view.index));
  const answer = (a: Answer) => void run(() => answerAttempt(info.assignmentId, seat.attemptId, seat.token, view.index, a));
  const q = view.question;
  return (
    <div className="play">
      {header}
      <main className="play__main">
      {alert}
      {view.status === 'finished' ? (
        <section className="play__waiting">
          <h1>{t('assignment.finishedHeading')}</h1>
          <p data-testid="final-score">{t('assignment.finalScore', { score: format.number(view.score) })}</p>
        </section>
      ) : null}
      {view.status === 'question' && q ? (
        <section className="play__question play__question--open" key={view.index}>
          <h1 className="assignment__text">{q.text}</h1>
          {view.readRemainingMs > 0 ? (
            <>
              <Countdown until={got.at + view.readRemainingMs} totalMs={q.readMs} clockOffset={0} label={t('play.answersOpenIn')} />
              <p className="play__ready">{t('play.getReady')}</p>
            </>
          ) : (
            <>
              <Countdown until={got.at + view.remainingMs} totalMs={q.timeLimitMs} clockOffset={0} label={t('play.timeLeft')} />
              <div className={`answer-pad answer-pad--${q.type}`}>
                <AnswerInput question={q} disabled={busy} onAnswer={answer} />
              </div>
            </>
          )}
        </section>
      ) : null}
      {view.status === 'answered' || view.status === 'timeout' ? (
        <>
          <AttemptResult view={view} />
          <button type="button" className="button button--primary button--large button--block" disabled={busy} onClick={next}>
            {view.index + 1 < view.questionCount ? t('assignment.next') : t('assignment.seeScore')}
          </button>
        </>
      ) : null}
      </main>
    </div>
  );
}
