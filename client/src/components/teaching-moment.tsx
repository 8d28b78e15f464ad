import type { PlayerView, ScreenView } from '@quizbus/shared';
import { useT } from '../i18n/i18n-context.ts';
import { richText } from '../i18n/rich-text.tsx';

const TAGS = { strong: (s: string) => <strong>{s}</strong>, code: (s: string) => <code>{s}</code> };

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
  const t = useT();
  if (view.title !== STARTER_QUIZ_TITLE || view.phase !== 'closed' || !view.reveal) return null;
  const answered = view.reveal.distribution.answered;
  return (
    <aside className="teaching-moment" aria-label={t('teach.revealLabel')}>
      <p>
        {richText(t('teach.reveal', { seq: view.publicSeq, answered }), TAGS)}
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
  const t = useT();
  const seq = view.result?.answerSeq;
  if (view.title !== STARTER_QUIZ_TITLE || view.phase !== 'closed' || seq === undefined) return null;
  return (
    <aside className="teaching-moment" aria-label={t('teach.answerLabel')}>
      <p>
        {richText(t('teach.answer', { seq, revealSeq: view.publicSeq }), TAGS)}
      </p>
    </aside>
  );
}
