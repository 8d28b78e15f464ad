import type { Podium } from '@quizbus/shared';

const PLACE = ['1st', '2nd', '3rd'] as const;

/** The final podium: 2nd, 1st, 3rd side by side, then 4th and 5th below. */
export function PodiumView({ podium }: { podium: Podium }) {
  const [first, second, third, ...rest] = podium.top;
  const steps = [second && { row: second, place: 1 }, first && { row: first, place: 0 }, third && { row: third, place: 2 }].filter(
    (s): s is { row: NonNullable<typeof first>; place: number } => Boolean(s),
  );
  if (steps.length === 0) return <p className="muted">Nobody played this game.</p>;
  return (
    <div className="podium">
      <ol className="podium__steps" aria-label="Podium">
        {steps.map(({ row, place }) => (
          <li key={row.playerId} className={`podium__step podium__step--${place + 1}`} value={row.rank}>
            <span className="podium__name" data-fit-box="">{row.nickname}</span>
            <span className="podium__score">{row.score.toLocaleString('en')} points</span>
            <span className="podium__block">
              <span className="podium__place">{PLACE[place]}</span>
            </span>
          </li>
        ))}
      </ol>
      {rest.length > 0 ? (
        <ol className="podium__rest" aria-label="Also on the leaderboard">
          {rest.map((r) => (
            <li key={r.playerId} value={r.rank}>
              <span className="podium__rest-name">{r.nickname}</span> <span className="podium__rest-score">{r.score.toLocaleString('en')}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="podium__count">{podium.playerCount} {podium.playerCount === 1 ? 'player' : 'players'}</p>
    </div>
  );
}
