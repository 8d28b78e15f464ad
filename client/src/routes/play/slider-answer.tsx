import type { Answer } from '@quizbus/shared';
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n-context.ts';

interface SliderAnswerProps {
  min: number;
  max: number;
  step: number;
  disabled: boolean;
  onAnswer: (answer: Answer) => void;
}

/** The middle of the scale, on a step. */
function middle(min: number, max: number, step: number): number {
  return min + Math.round((max - min) / 2 / step) * step;
}

/** A slider question: a range input (arrow keys work), the value in large digits, submit. */
export function SliderAnswer({ min, max, step, disabled, onAnswer }: SliderAnswerProps) {
  const t = useT();
  const [value, setValue] = useState(() => middle(min, max, step));
  const id = useId();
  return (
    <div className="slider-answer">
      <label htmlFor={id} className="slider-answer__label">
        {t('play.yourAnswer')}
      </label>
      <output className="slider-answer__value" htmlFor={id} aria-live="off">
        {value}
      </output>
      <input id={id} className="slider-answer__range" type="range" min={min} max={max} step={step} value={value} onChange={(e) => setValue(Number(e.target.value))} />
      <div className="slider-answer__scale" aria-hidden="true">
        <span>{min}</span>
        <span>{max}</span>
      </div>
      <button type="button" className="button button--primary button--large button--block" disabled={disabled} onClick={() => onAnswer({ kind: 'number', value })}>
        {t('play.submitValue', { value })}
      </button>
    </div>
  );
}
