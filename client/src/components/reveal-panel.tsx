import type { PublicQuestion, Reveal } from '@quizbus/shared';
import { OptionTiles } from './option-tiles.tsx';
import { useT } from '../i18n/i18n-context.ts';
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
  const t = useT();
  const { distribution: d, correct } = reveal;
  return (
    <section className="reveal" aria-label={t('play.answer')}>
      {question.options ? (
        <OptionTiles options={question.options} {...(correct.type === 'poll' ? {} : { correct: correctChoices(reveal) })} counts={d.options ?? []} />
      ) : null}
      {correct.type === 'type-answer' ? (
        <div className="reveal__block reveal__block--texts">
          <p className="reveal__label">{t('reveal.accepted')}</p>
          <p className="reveal__answer">{correct.accepted.join(' · ')}</p>
          {d.texts && d.texts.length > 0 ? (
            <ul className="reveal__texts" aria-label={t('reveal.frequent')}>
              {d.texts.map((entry) => (
                <li key={entry.text} className={entry.correct ? 'reveal__text--right' : 'reveal__text--wrong'}>
                  <span className="reveal__text-word">{entry.text}</span>
                  <span className="reveal__text-count">
                    {entry.count}
                    <span className="sr-only">{entry.correct ? t('reveal.srRight') : t('reveal.srWrong')}</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {correct.type === 'slider' ? (
        <div className="reveal__block reveal__block--slider">
          <div className="reveal__headline">
            <p className="reveal__label">{t('reveal.rightAnswer')}</p>
            <p className="reveal__answer">
              {correct.value}
              {correct.tolerance > 0 ? <span className="reveal__tolerance"> (± {correct.tolerance})</span> : null}
            </p>
          </div>
          {question.slider && d.histogram ? <SliderHistogram scale={question.slider} counts={d.histogram} value={correct.value} tolerance={correct.tolerance} /> : null}
        </div>
      ) : null}
      {correct.type === 'ordering' && question.items ? (
        <div className="reveal__block reveal__block--ordering">
          <p className="reveal__label">{d.placedRight ? t('reveal.rightOrderPlaced') : t('reveal.rightOrder')}</p>
          <OrderingReveal items={question.items} order={correct.order} placedRight={d.placedRight} answered={d.answered} />
        </div>
      ) : null}
      <p className="reveal__tally">
        {correct.type === 'poll'
          ? t('reveal.pollTally', { answered: d.answered, total: d.total })
          : t('reveal.tally', { correct: d.correct, total: d.total, answered: d.answered })}
      </p>
      {reveal.explanation ? (
        <aside className="reveal__explanation">
          <p className="reveal__label">{t('reveal.why')}</p>
          <p>{reveal.explanation}</p>
        </aside>
      ) : null}
    </section>
  );
}
