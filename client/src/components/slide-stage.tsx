import type { QuestionState } from '@quizbus/shared';
import { useT } from '../i18n/i18n-context.ts';
import '../styles/wall.css';

/** A slide on the big screen: title, text and image; nothing to answer, no timer. */
export function SlideStage({ state }: { state: QuestionState }) {
  const t = useT();
  const { question, index, total } = state;
  return (
    <article className="slide" aria-roledescription={t('slide.label')}>
      <p className="question-heading__meta">
        <span>{t('question.numberOf', { number: index + 1, total })}</span>
      </p>
      <h1 className="slide__title" data-fit-box="">
        {question.text}
      </h1>
      {question.body ? <p className="slide__body">{question.body}</p> : null}
      {question.imageUrl ? <img className="slide__image" src={question.imageUrl} alt="" referrerPolicy="no-referrer" /> : null}
    </article>
  );
}
