import type { LeaderRow } from '@quizbus/shared';

function Movement({ by }: { by: number }) {
  if (by === 0) return <span className="movement movement--same"><span aria-hidden="true">–</span><span className="sr-only">same place</span></span>;
  const up = by > 0;
  const places = Math.abs(by);
  return (
    <span className={`movement movement--${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'} {places}</span>
      <span className="sr-only">{`${up ? 'up' : 'down'} ${places} ${places === 1 ? 'place' : 'places'}`}</span>
    </span>
  );
}

/** The top rows of the leaderboard with movement since the previous question. */
export function LeaderboardList({ rows, highlightId }: { rows: readonly LeaderRow[]; highlightId?: string }) {
  if (rows.length === 0) return <p className="muted">No scores yet.</p>;
  return (
    <ol className="leaderboard" aria-label="Leaderboard">
      {rows.map((r) => (
        <li key={r.playerId} className={`leaderboard__row${r.playerId === highlightId ? ' leaderboard__row--me' : ''}`}>
          <span className="leaderboard__rank">{r.rank}</span>
          <span className="leaderboard__name" data-fit-box="">{r.nickname}</span>
          <Movement by={r.movement} />
          <span className="leaderboard__score">{r.score.toLocaleString('en')}</span>
        </li>
      ))}
    </ol>
  );
}
