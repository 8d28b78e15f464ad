import type { Podium } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';

/** The final podium: 2nd, 1st, 3rd side by side, then 4th and 5th below. */
export function PodiumView({ podium }: { podium: Podium }) {
  const { t, format } = useLocale();
  const [first, second, third, ...rest] = podium.top;
  const steps = [second && { row: second, place: 1 }, first && { row: first, place: 0 }, third && { row: third, place: 2 }].filter(
    (s): s is { row: NonNullable<typeof first>; place: number } => Boolean(s),
  );
  if (steps.length === 0) return <p className="muted">{t('podium.nobody')}</p>;
  return (
    <div className="podium">
      <ol className="podium__steps" aria-label={t('podium.title')}>
        {steps.map(({ row, place }) => (
          <li key={row.playerId} className={`podium__step podium__step--${place + 1}`} value={row.rank}>
            <span className="podium__name" data-fit-box="">{row.nickname}</span>
            <span className="podium__score">{t('podium.points', { points: row.score })}</span>
            <span className="podium__block">
              <span className="podium__place">{t('podium.place', { place: place + 1 })}</span>
            </span>
          </li>
        ))}
      </ol>
      {rest.length > 0 ? (
        <ol className="podium__rest" aria-label={t('podium.rest')}>
          {rest.map((r) => (
            <li key={r.playerId} value={r.rank}>
              <span className="podium__rest-name">{r.nickname}</span> <span className="podium__rest-score">{format.number(r.score)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="podium__count">{t('common.players', { count: podium.playerCount })}</p>
    </div>
  );
}
