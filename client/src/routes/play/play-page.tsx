import type { Answer, PlayerView } from '@quizbus/shared';
import { useEffect, useState } from 'react';
import { ConnectionBanner } from '../../components/connection-banner.tsx';
import { Countdown } from '../../components/countdown.tsx';
import { errorText } from '../../components/error-text.ts';
import { QuestionHeading } from '../../components/question-heading.tsx';
import { PlayerTeachingMoment } from '../../components/teaching-moment.tsx';
import type { GameClientState } from '../../net/game-client.ts';
import { playerClient, resetPlayerClient } from '../../net/player-client.ts';
import { loadPlayerSeat, savePlayerSeat } from '../../net/storage.ts';
import { useGameState } from '../../net/use-game-state.ts';
import { navigate } from '../../router/router.tsx';
import { AnswerInput } from './answer-input.tsx';
import { PhoneQuestionHeader } from './phone-question-header.tsx';
import { PlayerResultCard } from './player-result-card.tsx';
import { RerollButton } from './reroll-button.tsx';

/**
 * `/play`: the phone. It takes the seat from the join page, or after a reload from the
 * session token in localStorage (player.resume), and shows what the phase asks for.
 */
export function PlayPage() {
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
        <h1>{state.kicked ? 'You were removed from the game' : 'That game is over'}</h1>
        <p role="alert">{state.kicked ? errorText({ code: 'KICKED', message: '' }) : errorText(state.error ?? { code: 'GAME_ENDED', message: '' })}</p>
        <button type="button" className="button button--primary button--large" onClick={leave}>
          Join a game
        </button>
      </main>
    );
  }
  if (!view) {
    return (
      <main className="play play--message">
        <ConnectionBanner status={state.connection} />
        <p>Connecting…</p>
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
        <span className="play__score" aria-label={`Score ${view.me.score}`}>
          {view.me.score.toLocaleString('en')}
        </span>
      </header>
      <main className="play__main">
        <PlayPhase view={view} state={state} onLeave={leave} />
      </main>
    </div>
  );
}

function PlayPhase({ view, state, onLeave }: { view: PlayerView; state: GameClientState; onLeave: () => void }) {
  const q = view.question;
  switch (view.phase) {
    case 'lobby':
      return (
        <section className="play__waiting">
          <h1>You're in!</h1>
          <p>Look for your nickname on the big screen.</p>
          <p className="play__big-name" aria-live="polite">
            {view.me.nickname}
          </p>
          <RerollButton view={view} />
          <p className="muted">The game starts when the teacher is ready.</p>
        </section>
      );
    case 'reading':
      if (!q) return null;
      return (
        <section className="play__question">
          <QuestionHeading state={q} />
          <Countdown until={q.opensAt} totalMs={q.question.readMs} clockOffset={state.clockOffset} label="Answers open in" />
          <p className="play__ready">Get ready…</p>
        </section>
      );
    case 'open':
      if (!q) return null;
      if (view.myAnswer?.index === q.index) return <LockedIn />;
      return <OpenQuestion key={q.index} view={view} clockOffset={state.clockOffset} />;
    case 'closed':
    case 'leaderboard':
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
          <h1>{view.myAnswer ? 'Answer in!' : 'Sit this one out'}</h1>
          <p>{view.myAnswer ? 'Waiting for the results…' : 'You joined during this question. You play from the next one.'}</p>
        </section>
      );
    case 'ended': {
      const final = state.final;
      const rank = final?.rank ?? view.me.rank;
      const total = final?.playerCount ?? view.podium?.playerCount;
      return (
        <section className="final-card" aria-labelledby="final-title">
          <h1 id="final-title">Game over</h1>
          {rank ? (
            <p className="final-card__rank">
              {ordinal(rank)} place{total ? ` of ${total}` : ''}
            </p>
          ) : null}
          <p className="final-card__score">
            <span data-testid="final-score">{(final?.score ?? view.me.score).toLocaleString('en')}</span> points
          </p>
          <button type="button" className="button button--large" onClick={onLeave}>
            Play again
          </button>
        </section>
      );
    }
  }
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function LockedIn() {
  return (
    <section className="play__locked" aria-live="polite">
      <p className="play__locked-icon" aria-hidden="true">
        ✓
      </p>
      <h1>Answer locked in</h1>
      <p>Waiting for the others…</p>
    </section>
  );
}

function OpenQuestion({ view, clockOffset }: { view: PlayerView; clockOffset: number }) {
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
    else setProblem(errorText(ack.error));
  };
  return (
    <section className="play__question play__question--open">
      <PhoneQuestionHeader state={q} />
      <Countdown until={q.closesAt} totalMs={q.question.timeLimitMs} clockOffset={clockOffset} label="Time left" />
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
