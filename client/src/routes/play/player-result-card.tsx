import type { PlayerResult } from '@quizbus/shared';
import { useLocale, type MessageId } from '../../i18n/i18n-context.ts';
import { SLOT, withSlot } from '../../i18n/rich-text.tsx';

const HEADLINE: Record<PlayerResult['grade'], MessageId> = {
  correct: 'result.correct',
  partial: 'result.partial',
  wrong: 'result.wrong',
  poll: 'result.poll',
  missed: 'result.missed',
};

const ICON: Record<PlayerResult['grade'], string> = { correct: '✓', partial: '½', wrong: '✗', poll: '✓', missed: '–' };

/** What a player sees at the reveal: right or wrong, points gained, streak, total, rank, who is just ahead. */
export function PlayerResultCard({ result }: { result: PlayerResult }) {
  const { t, format } = useLocale();
  return (
    <section className={`result-card result-card--${result.grade}`} aria-labelledby="result-headline">
      <p className="result-card__icon" aria-hidden="true">
        {ICON[result.grade]}
      </p>
      <h1 id="result-headline" className="result-card__headline">
        {t(HEADLINE[result.grade])}
      </h1>
      {result.grade !== 'poll' ? <p className="result-card__points">{t('result.points', { points: result.points })}</p> : null}
      {result.streak >= 2 ? <p className="result-card__streak">{t('result.streak', { streak: result.streak })}</p> : null}
      <dl className="result-card__facts">
        <div>
          <dt>{t('result.score')}</dt>
          <dd data-testid="score">{format.number(result.score)}</dd>
        </div>
        <div>
          <dt>{t('result.place')}</dt>
          <dd>
            {t('result.rankOf', { rank: result.rank, total: result.playerCount })}
          </dd>
        </div>
      </dl>
      <p className="result-card__ahead">
        {result.ahead ? (
          <>
            {withSlot(t('result.behind', { points: result.ahead.score - result.score, nickname: SLOT }), <span className="nickname">{result.ahead.nickname}</span>)}
          </>
        ) : (
          t('result.lead')
        )}
      </p>
    </section>
  );
}
