import type { AttemptView } from '@quizbus/shared';
import { useLocale, type MessageId } from '../../i18n/i18n-context.ts';

const HEADLINE: Record<'correct' | 'partial' | 'wrong' | 'poll' | 'missed', MessageId> = {
  correct: 'result.correct',
  partial: 'result.partial',
  wrong: 'result.wrong',
  poll: 'result.poll',
  missed: 'result.missed',
};

/** The student's own result for the question just done: right or wrong and the points, never the right answer (others may still play it). */
export function AttemptResult({ view }: { view: AttemptView }) {
  const { t, format } = useLocale();
  const grade = view.result?.grade ?? 'missed';
  return (
    <section className={`result-card result-card--${grade}`} aria-labelledby="attempt-result">
      <h1 id="attempt-result" className="result-card__headline">
        {t(HEADLINE[grade])}
      </h1>
      {grade !== 'poll' ? <p className="result-card__points">{t('result.points', { points: view.result?.points ?? 0 })}</p> : null}
      {view.streak >= 2 ? <p className="result-card__streak">{t('result.streak', { streak: view.streak })}</p> : null}
      <dl className="result-card__facts">
        <div>
          <dt>{t('result.score')}</dt>
          <dd data-testid="score">{format.number(view.score)}</dd>
        </div>
      </dl>
    </section>
  );
}
