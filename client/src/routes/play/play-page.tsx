import type { Answer, PlayerView } from '@quizbus/shared';
import { useEffect, useState } from 'react';
import { ConnectionBanner } from '../../components/connection-banner.tsx';
import { Countdown } from '../../components/countdown.tsx';
import { errorText } from '../../components/error-text.ts';
import { QuestionHeading } from '../../components/question-heading.tsx';
import { PlayerTeachingMoment } from '../../components/teaching-moment.tsx';
import { useLocale, useT } from '../../i18n/i18n-context.ts';
import type { GameClientState } from '../../net/game-client.ts';
import { playerClient, resetPlayerClient } from '../../net/player-client.ts';
import { loadPlayerSeat, savePlayerSeat } from '../../net/storage.ts';
import { useGameState } from '../../net/use-game-state.ts';
import { SoundToggle } from '../../sound/sound-toggle.tsx';
import { navigate } from '../../router/router.tsx';
import { AnswerInput } from './answer-input.tsx';
import { PhoneQuestionHeader } from './phone-question-header.tsx';
import { PlayerResultCard } from './player-result-card.tsx';
import { RerollButton } from './reroll-button.tsx';
import { TeamBadge } from './team-badge.tsx';
import { TeamFinal } from './team-final.tsx';

/**
 * `/play`: the phone. It takes the seat from the join page, or after a reload from the
 * session token in localStorage (player.resume), and shows what the phase asks for.
 */
export function PlayPage() {
  const { t, format } = useLocale();
  const client = playerClient();
  const state = useGameState(client);
  const [noSeat, setNoSeat] = useState(false);

  useEffect(() => {
    if (client.who) return;
    const seat = loadPlayerSeat();
    if (!seat) {
      setNoSeat(true);
      navigate('/', { replace: true });
      return;
    }
    void client.attach({ role: 'player', pin: seat.pin, sessionToken: seat.sessionToken });
  }, [client]);

  // The seat is over (game ended, removed, or refused): forget it and start from the join page.
  const leave = () => {
    savePlayerSeat(null);
    resetPlayerClient();
    navigate('/');
  };

  const view = state.view?.role === 'player' ? state.view : null;
  if (noSeat) return null;
  if (state.kicked || (state.error && !client.who)) {
    return (
      <main className="play play--message">
        <h1>{state.kicked ? t('play.removed') : t('play.over')}</h1>
        <p role="alert">{state.kicked ? errorText(t, { code: 'KICKED', message: '' }) : errorText(t, state.error ?? { code: 'GAME_ENDED', message: '' })}</p>
        <button type="button" className="button button--primary button--large" onClick={leave}>
          {t('play.joinGame')}
        </button>
      </main>
    );
  }
  if (!view) {
    return (
      <main className="play play--message">
        <ConnectionBanner status={state.connection} />
        <p>{t('common.connecting')}</p>
      </main>
    );
  }
  // With answers open the page is exactly the screen: header, question, countdown and the pad.
  const pad = view.phase === 'open' && view.question !== undefined && view.myAnswer?.index !== view.question.index;
  return (
    <div className={`play${pad ? ' play--pad' : ''}`}>
      <ConnectionBanner status={state.connection} />
      <header className="play__bar">
        <span className="play__nickname">{view.me.nickname}</span>
        {view.me.team ? <span className="play__team">{view.me.team.name}</span> : null}
        <span className="play__score" aria-label={t('play.scoreLabel', { score: view.me.score })}>
          {format.number(view.me.score)}
        </span>
        <SoundToggle screen="player" view={view} clockOffset={state.clockOffset} compact />
      </header>
      <main className="play__main">
        <PlayPhase view={view} state={state} onLeave={leave} />
      </main>
    </div>
  );
}

function PlayPhase({ view, state, onLeave }: { view: PlayerView; state: GameClientState; onLeave: () => void }) {
  const { t, format } = useLocale();
  const q = view.question;
  switch (view.phase) {
    case 'lobby':
      return (
        <section className="play__waiting">
          <h1>{t('play.youreIn')}</h1>
          <p>{t('play.lookForName')}</p>
          <p className="play__big-name" aria-live="polite">
            {view.me.nickname}
          </p>
          <RerollButton view={view} />
          <TeamBadge view={view} />
          <p className="muted">{t('play.startsWhenReady')}</p>
        </section>
      );
    case 'reading':
      if (!q) return null;
      return (
        <section className="play__question">
          {/* The image only where the question needs it on phones (imageOnPhones), as while answering. */}
          <QuestionHeading state={q} image={q.question.imageOnPhones === true} />
          <Countdown until={q.opensAt} totalMs={q.question.readMs + (view.teamTalkMs ?? 0)} clockOffset={state.clockOffset} label={t('play.answersOpenIn')} />
          <p className="play__ready">{view.teamTalkMs && view.me.team ? t('play.teamTalk', { team: view.me.team.name }) : t('play.getReady')}</p>
        </section>
      );
    case 'open':
      if (!q) return null;
      if (view.myAnswer?.index === q.index) return <LockedIn />;
      return <OpenQuestion key={q.index} view={view} clockOffset={state.clockOffset} />;
    case 'closed':
    case 'leaderboard':
      if (q?.question.type === 'slide') {
        return (
          <section className="play__waiting">
            <h1>{q.question.text}</h1>
            <p>{t('play.slideLook')}</p>
          </section>
        );
      }
      if (view.result && view.result.index === q?.index) {
        return (
          <>
            <PlayerResultCard result={view.result} />
            <PlayerTeachingMoment view={view} />
          </>
        );
      }
      return (
        <section className="play__waiting">
          <h1>{view.myAnswer ? t('play.answerIn') : t('play.sitOut')}</h1>
          <p>{view.myAnswer ? t('play.waitingResults') : t('play.joinedDuring')}</p>
        </section>
      );
    case 'ended': {
      const final = state.final;
      const rank = final?.rank ?? view.me.rank;
      const total = final?.playerCount ?? view.podium?.playerCount;
      return (
        <section className="final-card" aria-labelledby="final-title">
          <h1 id="final-title">{t('play.gameOver')}</h1>
          {rank ? (
            <p className="final-card__rank">
              {total ? t('play.finalPlaceOf', { rank, total }) : t('play.finalPlace', { rank })}
            </p>
          ) : null}
          <TeamFinal view={view} />
          <p className="final-card__score">
            <span data-testid="final-score">{format.number(final?.score ?? view.me.score)}</span> {t('play.pointsUnit', { count: final?.score ?? view.me.score })}
          </p>
          <button type="button" className="button button--large" onClick={onLeave}>
            {t('play.again')}
          </button>
        </section>
      );
    }
  }
}

function LockedIn() {
  const t = useT();
  return (
    <section className="play__locked" aria-live="polite">
      <p className="play__locked-icon" aria-hidden="true">
        ✓
      </p>
      <h1>{t('play.lockedIn')}</h1>
      <p>{t('play.waitingOthers')}</p>
    </section>
  );
}

function OpenQuestion({ view, clockOffset }: { view: PlayerView; clockOffset: number }) {
  const t = useT();
  const q = view.question;
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!q) return null;
  const submit = async (answer: Answer) => {
    setSending(true);
    setProblem(null);
    const client = playerClient();
    const ack = await client.send('answer.submit', { index: q.index, answer });
    setSending(false);
    if (ack.ok) client.markAnswered(ack.index, ack.responseMs);
    else setProblem(errorText(t, ack.error));
  };
  return (
    <section className="play__question play__question--open">
      <PhoneQuestionHeader state={q} />
      <Countdown until={q.closesAt} totalMs={q.question.timeLimitMs} clockOffset={clockOffset} label={t('play.timeLeft')} />
      <div className={`answer-pad answer-pad--${q.question.type}`}>
        <AnswerInput question={q.question} disabled={sending} onAnswer={(a) => void submit(a)} />
      </div>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
