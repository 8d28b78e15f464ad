import type { Podium } from '@quizbus/shared';
import { useLocale } from '../i18n/i18n-context.ts';

/** One place on a podium: a player or a team, in rank order. */
export interface PodiumEntry {
  key: string;
  name: string;
  score: number;
  rank: number;
  /** Under the score: a team's members. */
  detail?: string;
}

/**
 * The podium's shape, for players and teams alike: 2nd, 1st, 3rd side by side, the rest below,
 * and the player count under it (which also keeps the rising steps off the box's edge, so the
 * fit does not shrink them).
 */
export function PodiumSteps({ entries, label, playerCount, className = 'podium', stepTestId }: { entries: readonly PodiumEntry[]; label: string; playerCount: number; className?: string; stepTestId?: string }) {
  const { t, format } = useLocale();
  const [first, second, third, ...rest] = entries;
  const steps = [second && { entry: second, place: 1 }, first && { entry: first, place: 0 }, third && { entry: third, place: 2 }].filter(
    (s): s is { entry: PodiumEntry; place: number } => Boolean(s),
  );
  return (
    <div className={className}>
      <ol className="podium__steps" aria-label={label}>
        {steps.map(({ entry, place }) => (
          <li key={entry.key} className={`podium__step podium__step--${place + 1}`} value={entry.rank} data-testid={stepTestId}>
            <span className="podium__name" data-fit-box="">{entry.name}</span>
            <span className="podium__score">{t('podium.points', { points: entry.score })}</span>
            {entry.detail !== undefined ? <span className="team-podium__members">{entry.detail}</span> : null}
            <span className="podium__block">
              <span className="podium__place">{t('podium.place', { place: place + 1 })}</span>
            </span>
          </li>
        ))}
      </ol>
      {rest.length > 0 ? (
        <ol className="podium__rest" aria-label={t('podium.rest')}>
          {rest.map((e) => (
            <li key={e.key} value={e.rank}>
              <span className="podium__rest-name">{e.name}</span> <span className="podium__rest-score">{format.number(e.score)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="podium__count">{t('common.players', { count: playerCount })}</p>
    </div>
  );
}

/** The final podium of players. */
export function PodiumView({ podium }: { podium: Podium }) {
  const { t } = useLocale();
  if (podium.top.length === 0) return <p className="muted">{t('podium.nobody')}</p>;
  const entries = podium.top.map((r) => ({ key: r.playerId, name: r.nickname, score: r.score, rank: r.rank }));
  return <PodiumSteps entries={entries} label={t('podium.title')} playerCount={podium.playerCount} />;
}
