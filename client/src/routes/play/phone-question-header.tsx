import type { QuestionState } from '@quizbus/shared';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { QuestionHeading } from '../../components/question-heading.tsx';
import { useT } from '../../i18n/i18n-context.ts';

/**
 * The question above the answer pad on a phone: a few lines at most, so the pad keeps the
 * screen (the big screen carries the question, as in class). When the text does not fit, a
 * button opens the whole question over the pad, so a player without a display can read it.
 * The question's image comes to the phone only when the teacher ticked that the question
 * needs it (imageOnPhones); otherwise the phone never even downloads it.
 */
export function PhoneQuestionHeader({ state }: { state: QuestionState }) {
  const t = useT();
  const image = state.question.imageOnPhones === true && Boolean(state.question.imageUrl);
  const [open, setOpen] = useState(false);
  const [clamped, setClamped] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  const back = useRef<HTMLButtonElement | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const text = el.querySelector('.question-heading__text');
      const hidden = text ? text.scrollHeight > text.clientHeight + 1 || (text as HTMLElement).offsetParent === null : false;
      setClamped(hidden || image);
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => resize.disconnect();
  }, [state.question.text, image]);

  useEffect(() => {
    if (open) back.current?.focus();
  }, [open]);

  return (
    <div className="phone-question" ref={box}>
      <QuestionHeading state={state} image={image} />
      {clamped ? (
        <button type="button" className="phone-question__more" aria-expanded={open} onClick={() => setOpen(true)}>
          {t('play.readWhole')}
        </button>
      ) : null}
      {open ? (
        <div className="phone-question__full" role="dialog" aria-modal="true" aria-label={t('play.wholeQuestion')}>
          <QuestionHeading state={state} level={2} image={image} />
          <button type="button" ref={back} className="button button--primary button--large button--block" onClick={() => setOpen(false)}>
            {t('play.backToAnswers')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
