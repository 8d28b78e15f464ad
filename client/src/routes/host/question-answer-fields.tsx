import { TextField } from '../../components/text-field.tsx';
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

/** The part of a question that depends on its type: options, right answers, scale, items. */
export function QuestionAnswerFields({ q, path, errors, onChange }: Props) {
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'poll':
      return (
        <AnswerListEditor
          legend="Answers"
          values={q.options}
          onChange={(options) => onChange({ options })}
          path={`${path}.options`}
          errors={errors}
          min={2}
          max={6}
          styled
          itemLabel={(i) => `Answer ${letter(i)}`}
          {...(q.type === 'poll'
            ? {}
            : { mark: { kind: q.type === 'single' ? 'one' : 'many', correct: q.correct, onCorrect: (correct: number[]) => onChange({ correct }), errorPath: `${path}.correct` } as const })}
        />
      );
    case 'true-false':
      return (
        <fieldset className="answer-list">
          <legend>Right answer</legend>
          <div className="radio-row">
            {[true, false].map((v) => (
              <label key={String(v)} className="radio-pill">
                <input type="radio" name={`${path}-tf`} checked={q.trueFalse === v} onChange={() => onChange({ trueFalse: v })} />
                <span>{v ? 'True' : 'False'}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'type-answer':
      return (
        <AnswerListEditor
          legend="Accepted answers"
          values={q.accepted}
          onChange={(accepted) => onChange({ accepted })}
          path={`${path}.accepted`}
          errors={errors}
          min={1}
          max={20}
          itemLabel={(i) => `Accepted spelling ${i + 1}`}
        />
      );
    case 'slider':
      return (
        <fieldset className="answer-list">
          <legend>Scale and right answer</legend>
          <div className="field-row">
            {(
              [
                ['min', 'Lowest'],
                ['max', 'Highest'],
                ['step', 'Step'],
                ['value', 'Right answer'],
                ['tolerance', 'Counts as right within ±'],
              ] as const
            ).map(([key, label]) => (
              <TextField
                key={key}
                label={label}
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
          legend="Items, in the right order (players see them shuffled)"
          values={q.items}
          onChange={(items) => onChange({ items })}
          path={`${path}.items`}
          errors={errors}
          min={2}
          max={6}
          itemLabel={(i) => `Item ${i + 1}`}
        />
      );
  }
}
