import type { PlayerView, ScreenView } from '@quizbus/shared';

/**
 * The starter quiz's title. Views carry no quiz id, and the starter is a bundled, read-only
 * quiz, so its title names it reliably enough for a hint that only adds a sentence.
 */
export const STARTER_QUIZ_TITLE = 'Event-driven architecture';

/**
 * A teaching moment on the reveal of the starter quiz (about event-driven architecture): the
 * reveal the class is looking at is itself an event in this game's log. Shown on the host
 * console and the display; `publicSeq` at the reveal is the question.closed event's number.
 */
export function TeachingMoment({ view }: { view: ScreenView }) {
  if (view.title !== STARTER_QUIZ_TITLE || view.phase !== 'closed' || !view.reveal) return null;
  const answered = view.reveal.distribution.answered;
  return (
    <aside className="teaching-moment" aria-label="Under the hood of this reveal">
      <p>
        This reveal is <strong>event #{view.publicSeq}</strong> (<code>question.closed</code>) in this game's log. The {answered}{' '}
        {answered === 1 ? 'answer' : 'answers'} you sent came before it, each an <code>answer.accepted</code> event of its own. Open “Under the hood” to
        watch them travel.
      </p>
    </aside>
  );
}

/**
 * The same moment on a phone: the student's own answer was an event too, and the reveal came
 * after it. Only once the question has closed (the result carries the answer's number), so it
 * tells nothing about other players while answers are open.
 */
export function PlayerTeachingMoment({ view }: { view: PlayerView }) {
  const seq = view.result?.answerSeq;
  if (view.title !== STARTER_QUIZ_TITLE || view.phase !== 'closed' || seq === undefined) return null;
  return (
    <aside className="teaching-moment" aria-label="Under the hood of your answer">
      <p>
        Your answer was <strong>event #{seq}</strong> (<code>answer.accepted</code>) in this game's log; this reveal is event #{view.publicSeq} (
        <code>question.closed</code>). The big screen's “Under the hood” shows them travel.
      </p>
    </aside>
  );
}
