import type { PublicQuestion, Reveal } from '@quizbus/shared';
import { OptionTiles } from './option-tiles.tsx';

/** Indexes of the right options of a choice question, for highlighting. */
export function correctChoices(reveal: Reveal): number[] {
  const c = reveal.correct;
  if (c.type === 'single' || c.type === 'true-false') return [c.choice];
  if (c.type === 'multi') return c.choices;
  return [];
}

/**
 * The reveal of a closed question for the big screen: how the room answered (distribution),
 * the right answer for every question type, and the explanation.
 */
export function RevealPanel({ question, reveal }: { question: PublicQuestion; reveal: Reveal }) {
  const { distribution: d, correct } = reveal;
  return (
    <section className="reveal" aria-label="Answer">
      {question.options ? (
        <OptionTiles options={question.options} correct={correct.type === 'poll' ? question.options.map((_, i) => i) : correctChoices(reveal)} counts={d.options ?? []} />
      ) : null}
      {correct.type === 'type-answer' ? (
        <div className="reveal__block">
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
        <div className="reveal__block">
          <p className="reveal__label">Right answer</p>
          <p className="reveal__answer">
            {correct.value}
            {correct.tolerance > 0 ? <span className="reveal__tolerance"> (± {correct.tolerance})</span> : null}
          </p>
        </div>
      ) : null}
      {correct.type === 'ordering' && question.items ? (
        <div className="reveal__block">
          <p className="reveal__label">Right order</p>
          <ol className="reveal__order">
            {correct.order.map((i) => (
              <li key={i}>{question.items?.[i]}</li>
            ))}
          </ol>
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
