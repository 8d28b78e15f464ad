import type { PlayerResult } from '@quizbus/shared';

const HEADLINE: Record<PlayerResult['grade'], string> = {
  correct: 'Correct!',
  partial: 'Partly right',
  wrong: 'Not quite',
  poll: 'Thanks for voting',
  missed: "Time's up",
};

const ICON: Record<PlayerResult['grade'], string> = { correct: '✓', partial: '½', wrong: '✗', poll: '✓', missed: '–' };

/** What a player sees at the reveal: right or wrong, points gained, streak, total, rank, who is just ahead. */
export function PlayerResultCard({ result }: { result: PlayerResult }) {
  return (
    <section className={`result-card result-card--${result.grade}`} aria-labelledby="result-headline">
      <p className="result-card__icon" aria-hidden="true">
        {ICON[result.grade]}
      </p>
      <h1 id="result-headline" className="result-card__headline">
        {HEADLINE[result.grade]}
      </h1>
      {result.grade !== 'poll' ? <p className="result-card__points">+{result.points.toLocaleString('en')} points</p> : null}
      {result.streak >= 2 ? <p className="result-card__streak">Answer streak: {result.streak} in a row</p> : null}
      <dl className="result-card__facts">
        <div>
          <dt>Score</dt>
          <dd data-testid="score">{result.score.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Place</dt>
          <dd>
            {result.rank} of {result.playerCount}
          </dd>
        </div>
      </dl>
      <p className="result-card__ahead">
        {result.ahead ? (
          <>
            {(result.ahead.score - result.score).toLocaleString('en')} points behind <span className="nickname">{result.ahead.nickname}</span>
          </>
        ) : (
          'You are in the lead!'
        )}
      </p>
    </section>
  );
}
