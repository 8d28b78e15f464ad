import type { PublicQuestion, Reveal } from '@quizbus/shared';
import { OptionTiles } from './option-tiles.tsx';
import { OrderingReveal } from './ordering-reveal.tsx';
import { SliderHistogram } from './slider-histogram.tsx';

/** Indexes of the right options of a choice question, for highlighting. */
export function correctChoices(reveal: Reveal): number[] {
  const c = reveal.correct;
  if (c.type === 'single' || c.type === 'true-false') return [c.choice];
  if (c.type === 'multi') return c.choices;
  return [];
}

/**
 * The reveal of a closed question for the big screen: how the room answered (distribution),
 * the right answer for every question type, and the explanation. A poll shows the spread
 * only; a slider the spread along the scale; ordering how many placed each item right.
 */
export function RevealPanel({ question, reveal }: { question: PublicQuestion; reveal: Reveal }) {
  const { distribution: d, correct } = reveal;
  return (
    <section className="reveal" aria-label="Answer">
      {question.options ? (
        <OptionTiles options={question.options} {...(correct.type === 'poll' ? {} : { correct: correctChoices(reveal) })} counts={d.options ?? []} />
      ) : null}
      {correct.type === 'type-answer' ? (
        <div className="reveal__block reveal__block--texts">
          <p className="reveal__label">Accepted answers</p>
          <p className="reveal__answer">{correct.accepted.join(' · ')}</p>
          {d.texts && d.texts.length > 0 ? (
            <ul className="reveal__texts" aria-label="Most frequent answers">
              {d.texts.map((t) => (
                <li key={t.text} className={t.correct ? 'reveal__text--right' : 'reveal__text--wrong'}>
                  <span className="reveal__text-word">{t.text}</span>
                  <span className="reveal__text-count">
                    {t.count}
                    <span className="sr-only">{t.correct ? ', right' : ', wrong'}</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {correct.type === 'slider' ? (
        <div className="reveal__block reveal__block--slider">
          <p className="reveal__label">
            Right answer{' '}
            <span className="reveal__answer">
              {correct.value}
              {correct.tolerance > 0 ? <span className="reveal__tolerance"> (± {correct.tolerance})</span> : null}
            </span>
          </p>
          {question.slider && d.histogram ? <SliderHistogram scale={question.slider} counts={d.histogram} value={correct.value} tolerance={correct.tolerance} /> : null}
        </div>
      ) : null}
      {correct.type === 'ordering' && question.items ? (
        <div className="reveal__block reveal__block--ordering">
          <p className="reveal__label">Right order{d.placedRight ? ' · placed right' : ''}</p>
          <OrderingReveal items={question.items} order={correct.order} placedRight={d.placedRight} answered={d.answered} />
        </div>
      ) : null}
      <p className="reveal__tally">
        {correct.type === 'poll'
          ? `${d.answered} of ${d.total} answered`
          : `${d.correct} of ${d.total} got it right · ${d.answered} answered`}
      </p>
      {reveal.explanation ? (
        <aside className="reveal__explanation">
          <p className="reveal__label">Why</p>
          <p>{reveal.explanation}</p>
        </aside>
      ) : null}
    </section>
  );
}
