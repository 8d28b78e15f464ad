import { answerStyle } from '../../components/answer-style.ts';
import { ShapeIcon } from '../../components/shape-icon.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import type { FieldErrors } from './quiz-draft.ts';

interface AnswerListEditorProps {
  /** Legend, e.g. "Answers" or "Accepted spellings". */
  legend: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Document path of the list, e.g. "questions.0.options". */
  path: string;
  errors: FieldErrors;
  min: number;
  max: number;
  /** How right answers are marked: one (radio), several (checkbox), or not at all. */
  mark?: { kind: 'one' | 'many'; correct: number[]; onCorrect: (correct: number[]) => void; errorPath: string };
  /** Show the color and shape players will see next to each option. */
  styled?: boolean;
  itemLabel: (i: number) => string;
}

/**
 * An editable list: answer options (with the right one(s) marked), accepted spellings, or
 * ordering items. Each entry has its own label and its own error message.
 */
export function AnswerListEditor({ legend, values, onChange, path, errors, min, max, mark, styled, itemLabel }: AnswerListEditorProps) {
  const t = useT();
  const set = (i: number, v: string) => onChange(values.map((x, j) => (j === i ? v : x)));
  const remove = (i: number) => {
    onChange(values.filter((_, j) => j !== i));
    if (mark) mark.onCorrect(mark.correct.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c)));
  };
  const toggle = (i: number) => {
    if (!mark) return;
    if (mark.kind === 'one') mark.onCorrect([i]);
    else mark.onCorrect(mark.correct.includes(i) ? mark.correct.filter((c) => c !== i) : [...mark.correct, i].sort((a, b) => a - b));
  };
  const listError = errors[path];
  const correctError = mark ? errors[mark.errorPath] : undefined;
  const groupName = `${path}-correct`;
  return (
    <fieldset className="answer-list">
      <legend>{legend}</legend>
      {mark ? <p className="field__hint">{mark.kind === 'one' ? t('editor.markOne') : t('editor.markMany')}</p> : null}
      <ol className="answer-list__items">
        {values.map((v, i) => {
          const style = answerStyle(i);
          const id = `${path}.${i}`;
          const err = errors[id];
          return (
            <li key={i} className="answer-list__item">
              {styled ? (
                <span className={`answer-list__swatch ${style.className}`} aria-hidden="true">
                  <ShapeIcon shape={style.shape} size={18} />
                </span>
              ) : null}
              <div className="answer-list__field">
                <label className="sr-only" htmlFor={id}>
                  {itemLabel(i)}
                </label>
                <input
                  id={id}
                  className="input"
                  value={v}
                  placeholder={itemLabel(i)}
                  data-field={id}
                  maxLength={120}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `${id}-error` : undefined}
                  onChange={(e) => set(i, e.target.value)}
                />
                {err ? (
                  <p id={`${id}-error`} className="field__error">
                    {err}
                  </p>
                ) : null}
              </div>
              {mark ? (
                <label className="answer-list__mark">
                  <input
                    type={mark.kind === 'one' ? 'radio' : 'checkbox'}
                    name={groupName}
                    checked={mark.correct.includes(i)}
                    onChange={() => toggle(i)}
                  />
                  <span>{t('editor.right')}</span>
                  <span className="sr-only"> {t('editor.rightSr', { item: itemLabel(i) })}</span>
                </label>
              ) : null}
              <button type="button" className="icon-button" disabled={values.length <= min} onClick={() => remove(i)} aria-label={t('lobby.remove', { nickname: itemLabel(i) })}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      {listError ? <p className="field__error">{listError}</p> : null}
      {correctError ? (
        <p className="field__error" data-field={mark?.errorPath} tabIndex={-1}>
          {correctError}
        </p>
      ) : null}
      {values.length < max ? (
        <button type="button" className="button button--small" onClick={() => onChange([...values, ''])}>
          {t('editor.add')}
        </button>
      ) : null}
    </fieldset>
  );
}
