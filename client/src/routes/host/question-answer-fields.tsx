import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { AnswerListEditor } from './answer-list-editor.tsx';
import type { DraftQuestion, FieldErrors } from './quiz-draft.ts';

interface Props {
  q: DraftQuestion;
  /** Document path of the question, e.g. "questions.0". */
  path: string;
  errors: FieldErrors;
  onChange: (patch: Partial<DraftQuestion>) => void;
}

const letter = (i: number) => String.fromCharCode(65 + i);

/** The slider's fields: draft key and label. */
const SLIDER_FIELDS = [
  ['min', 'editor.lowest'],
  ['max', 'editor.highest'],
  ['step', 'editor.step'],
  ['value', 'reveal.rightAnswer'],
  ['tolerance', 'editor.tolerance'],
] as const;

/** The part of a question that depends on its type: options, right answers, scale, items. */
export function QuestionAnswerFields({ q, path, errors, onChange }: Props) {
  const t = useT();
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'poll':
      return (
        <AnswerListEditor
          legend={t('play.answers')}
          values={q.options}
          onChange={(options) => onChange({ options })}
          path={`${path}.options`}
          errors={errors}
          min={2}
          max={6}
          styled
          itemLabel={(i) => t('editor.answerLetter', { letter: letter(i) })}
          {...(q.type === 'poll'
            ? {}
            : { mark: { kind: q.type === 'single' ? 'one' : 'many', correct: q.correct, onCorrect: (correct: number[]) => onChange({ correct }), errorPath: `${path}.correct` } as const })}
        />
      );
    case 'true-false':
      return (
        <fieldset className="answer-list">
          <legend>{t('reveal.rightAnswer')}</legend>
          <div className="radio-row">
            {[true, false].map((v) => (
              <label key={String(v)} className="radio-pill">
                <input type="radio" name={`${path}-tf`} checked={q.trueFalse === v} onChange={() => onChange({ trueFalse: v })} />
                <span>{v ? t('editor.true') : t('editor.false')}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'type-answer':
      return (
        <AnswerListEditor
          legend={t('reveal.accepted')}
          values={q.accepted}
          onChange={(accepted) => onChange({ accepted })}
          path={`${path}.accepted`}
          errors={errors}
          min={1}
          max={20}
          itemLabel={(i) => t('editor.spelling', { n: i + 1 })}
        />
      );
    case 'slider':
      return (
        <fieldset className="answer-list">
          <legend>{t('editor.scale')}</legend>
          <div className="field-row">
            {SLIDER_FIELDS.map(([key, label]) => (
              <TextField
                key={key}
                label={t(label)}
                inputMode="decimal"
                value={q[key]}
                onChange={(v) => onChange({ [key]: v })}
                path={`${path}.${key === 'value' ? 'correct' : key}`}
                error={errors[`${path}.${key === 'value' ? 'correct' : key}`]}
              />
            ))}
          </div>
        </fieldset>
      );
    case 'ordering':
      return (
        <AnswerListEditor
          legend={t('editor.items')}
          values={q.items}
          onChange={(items) => onChange({ items })}
          path={`${path}.items`}
          errors={errors}
          min={2}
          max={6}
          itemLabel={(i) => t('editor.item', { n: i + 1 })}
        />
      );
    case 'word-cloud':
    case 'open-answer':
      return <p className="field__hint">{q.type === 'word-cloud' ? t('editor.wordCloudHint') : t('editor.openAnswerHint')}</p>;
    case 'slide':
      return (
        <TextField
          label={t('editor.slideBody')}
          multiline
          maxLength={1000}
          value={q.body}
          onChange={(body) => onChange({ body })}
          path={`${path}.body`}
          error={errors[`${path}.body`]}
        />
      );
  }
}
