import type { ScreenView } from '@quizbus/shared';
import { Countdown } from './countdown.tsx';
import { LeaderboardList } from './leaderboard-list.tsx';
import { LobbyPanel } from './lobby-panel.tsx';
import { OptionTiles } from './option-tiles.tsx';
import { PodiumView } from './podium-view.tsx';
import { QuestionHeading } from './question-heading.tsx';
import { RevealPanel } from './reveal-panel.tsx';
import { ResponseWallView, type WallModeration } from './response-wall.tsx';
import { SlideStage } from './slide-stage.tsx';
import { useT } from '../i18n/i18n-context.ts';
import { TeachingMoment } from './teaching-moment.tsx';
import { TeamLeaderboard } from './team-leaderboard.tsx';
import { TeamPodium } from './team-podium.tsx';
import { useFitText } from './use-fit-text.ts';

interface ScreenStageProps {
  view: ScreenView;
  clockOffset: number;
  joinUrl: string | null;
  onKick?: (playerId: string, nickname: string) => void;
  /** Host console: hide words of a word cloud, approve open answers. */
  moderation?: WallModeration;
}

/**
 * What the big screen shows in each phase; the display shows only this, the host console
 * adds its controls around it.
 */
export function ScreenStage({ view, clockOffset, joinUrl, onKick, moderation }: ScreenStageProps) {
  const t = useT();
  const fit = useFitText<HTMLElement>();
  const q = view.question;
  switch (view.phase) {
    case 'lobby':
      return <LobbyPanel view={view} joinUrl={joinUrl} {...(onKick ? { onKick } : {})} />;
    case 'reading':
    case 'open': {
      if (!q) return null;
      const open = view.phase === 'open';
      return (
        <section className="stage stage--question" ref={fit}>
          <QuestionHeading state={q} />
          <div className="stage__status">
            {open ? (
              <Countdown until={q.closesAt} totalMs={q.question.timeLimitMs} clockOffset={clockOffset} label={t('play.timeLeft')} size="large" />
            ) : (
              <Countdown until={q.opensAt} totalMs={q.question.readMs + (view.teamTalkMs ?? 0)} clockOffset={clockOffset} label={t('play.answersOpenIn')} size="large" />
            )}
            <p className="stage__answered" aria-live="off">
              <span className="stage__answered-number">{view.answered ?? 0}</span> {t('stage.ofAnswered', { total: view.playerCount })}
            </p>
          </div>
          {q.question.options ? <OptionTiles options={q.question.options} /> : null}
          {q.question.items ? (
            <ol className="stage__items" aria-label={t('stage.items')}>
              {q.question.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ol>
          ) : null}
          {q.question.slider ? (
            <p className="stage__hint">
              {t('stage.sliderHint', { min: q.question.slider.min, max: q.question.slider.max })}
            </p>
          ) : null}
          {q.question.type === 'type-answer' ? <p className="stage__hint">{t('stage.typeHint')}</p> : null}
          {view.wall && open ? <ResponseWallView wall={view.wall} moderation={moderation} /> : null}
          {!open ? <p className="stage__hint">{view.teamTalkMs ? t('stage.teamTalk') : t('stage.readHint')}</p> : null}
        </section>
      );
    }
    case 'closed':
      if (!q || !view.reveal) return null;
      if (q.question.type === 'slide') {
        return (
          <section className="stage stage--slide" ref={fit}>
            <SlideStage state={q} />
          </section>
        );
      }
      if (view.wall) {
        // Free text has no right answer: the cloud or the approved answers are the reveal.
        return (
          <section className="stage stage--wall" ref={fit}>
            <QuestionHeading state={q} />
            <ResponseWallView wall={view.wall} moderation={moderation} />
          </section>
        );
      }
      return (
        <section className="stage stage--reveal" ref={fit}>
          <QuestionHeading state={q} />
          <RevealPanel question={q.question} reveal={view.reveal} />
          <TeachingMoment view={view} />
        </section>
      );
    case 'leaderboard':
      return (
        <section className="stage stage--leaderboard" aria-labelledby="leaderboard-title" ref={fit}>
          <h1 id="leaderboard-title" className="stage__title">
            {view.teams ? t('teams.leaderboardTitle') : t('leaderboard.title')}
          </h1>
          {q ? (
            <p className="stage__subtitle">
              {t('stage.after', { number: q.index + 1, total: q.total })}
            </p>
          ) : null}
          {view.teams ? <TeamLeaderboard teams={view.teams} /> : <LeaderboardList rows={view.leaderboard ?? view.reveal?.top ?? []} />}
        </section>
      );
    case 'ended':
      return (
        <section className="stage stage--podium" aria-labelledby="podium-title" ref={fit}>
          <h1 id="podium-title" className="stage__title">
            {view.podium?.teams ? t('teams.podiumTitle') : t('podium.title')}
          </h1>
          <p className="stage__subtitle">{view.title}</p>
          {view.podium?.teams ? <TeamPodium teams={view.podium.teams} playerCount={view.podium.playerCount} /> : view.podium ? <PodiumView podium={view.podium} /> : null}
        </section>
      );
  }
}
