import type { Answer } from '@quizbus/shared';
import { useState } from 'react';
import { answerStyle } from '../../components/answer-style.ts';
import { ShapeIcon } from '../../components/shape-icon.tsx';
import { FitLine } from '../../components/fit-line.tsx';
import { useT } from '../../i18n/i18n-context.ts';

interface ChoiceAnswerProps {
  options: readonly string[];
  /** Several answers may be right: toggle, then submit. */
  multiple: boolean;
  disabled: boolean;
  onAnswer: (answer: Answer) => void;
}

/**
 * Big answer buttons, each with its color, shape and letter (never color alone). One tap
 * answers a single-choice question; multi-select toggles and then submits.
 */
export function ChoiceAnswer({ options, multiple, disabled, onAnswer }: ChoiceAnswerProps) {
  const t = useT();
  const [picked, setPicked] = useState<number[]>([]);
  const tap = (i: number) => {
    if (!multiple) {
      onAnswer({ kind: 'choice', choice: i });
      return;
    }
    setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i].sort((a, b) => a - b)));
  };
  return (
    <div className="choice-answer">
      <div className={`answer-grid answer-grid--${options.length}`} role="group" aria-label={multiple ? t('play.pickEvery') : t('play.answers')}>
        {options.map((text, i) => {
          const style = answerStyle(i);
          const on = picked.includes(i);
          return (
            <button
              key={i}
              type="button"
              className={`answer-button ${style.className}${multiple && on ? ' answer-button--on' : ''}`}
              disabled={disabled}
              onClick={() => tap(i)}
              {...(multiple ? { 'aria-pressed': on } : {})}
            >
              <span className="answer-button__mark">
                <ShapeIcon shape={style.shape} size={28} />
                {/* Read as "Answer A <text>"; the spaces keep the words apart for screen readers. */}
                <span className="answer-button__letter">
                  <span className="sr-only">{t('play.answer')}</span> {style.letter}
                </span>
              </span>{' '}
              {/* A long word shrinks its own button's text (not below 60 %) before it may break. */}
              <FitLine className="answer-button__text" minShare={0.6}>
                {text}
              </FitLine>
              {multiple ? <span className="answer-button__tick" aria-hidden="true">{on ? '✓' : ''}</span> : null}
            </button>
          );
        })}
      </div>
      {multiple ? (
        <button
          type="button"
          className="button button--primary button--large button--block"
          disabled={disabled || picked.length === 0}
          onClick={() => onAnswer({ kind: 'choices', choices: picked })}
        >
          {picked.length > 0 ? t('play.submitCount', { count: picked.length }) : t('play.submit')}
        </button>
      ) : null}
    </div>
  );
}
