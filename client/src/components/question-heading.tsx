import type { QuestionState } from '@quizbus/shared';
import { useT, type MessageId } from '../i18n/i18n-context.ts';

const TYPE_HINT: Record<QuestionState['question']['type'], MessageId> = {
  single: 'hint.single',
  multi: 'play.pickEvery',
  'true-false': 'hint.trueFalse',
  'type-answer': 'hint.typeAnswer',
  slider: 'hint.slider',
  ordering: 'hint.ordering',
  poll: 'hint.poll',
  'word-cloud': 'hint.wordCloud',
  'open-answer': 'hint.openAnswer',
  slide: 'slide.label',
};

/** Types that never give points, so "no points" would say nothing. */
const UNGRADED = new Set<QuestionState['question']['type']>(['poll', 'word-cloud', 'open-answer', 'slide']);

/**
 * "Question 2 of 5", the question text (plain text, wraps any long word) and its image.
 * `image: false` leaves the image out (a phone, unless the question needs it there).
 */
export function QuestionHeading({ state, level = 1, image = true }: { state: QuestionState; level?: 1 | 2; image?: boolean }) {
  const t = useT();
  const { question, index, total } = state;
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <header className="question-heading">
      <p className="question-heading__meta">
        <span>{t('question.numberOf', { number: index + 1, total })}</span>
        <span className="question-heading__hint">{t(TYPE_HINT[question.type])}</span>
        {question.points === 2000 ? <span className="badge">{t('question.double')}</span> : null}
        {question.points === 0 && !UNGRADED.has(question.type) ? <span className="badge">{t('question.noPoints')}</span> : null}
      </p>
      {/* dir="auto": a quiz written in one script reads right on a screen set to the other (an English question on an Arabic phone keeps its "?" at the end). */}
      <Heading className="question-heading__text" data-fit-box="" dir="auto">
        {question.text}
      </Heading>
      {image && question.imageUrl ? <img className="question-heading__image" src={question.imageUrl} alt="" referrerPolicy="no-referrer" /> : null}
    </header>
  );
}
