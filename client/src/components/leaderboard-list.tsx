import type { LeaderRow } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';

function Movement({ by }: { by: number }) {
  const { t } = useLocale();
  if (by === 0) return <span className="movement movement--same"><span aria-hidden="true">–</span><span className="sr-only">{t('leaderboard.same')}</span></span>;
  const up = by > 0;
  const places = Math.abs(by);
  return (
    <span className={`movement movement--${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'} {places}</span>
      <span className="sr-only">{up ? t('leaderboard.up', { places }) : t('leaderboard.down', { places })}</span>
    </span>
  );
}

/** The top rows of the leaderboard with movement since the previous question. */
export function LeaderboardList({ rows, highlightId }: { rows: readonly LeaderRow[]; highlightId?: string }) {
  const { t, format } = useLocale();
  if (rows.length === 0) return <p className="muted">{t('leaderboard.empty')}</p>;
  return (
    <ol className="leaderboard" aria-label={t('leaderboard.title')}>
      {rows.map((r) => (
        <li key={r.playerId} className={`leaderboard__row${r.playerId === highlightId ? ' leaderboard__row--me' : ''}`}>
          <span className="leaderboard__rank">{r.rank}</span>
          <span className="leaderboard__name" data-fit-box="">{r.nickname}</span>
          <Movement by={r.movement} />
          <span className="leaderboard__score">{format.number(r.score)}</span>
        </li>
      ))}
    </ol>
  );
}
