import { QUESTION_TYPES, type PointsLevel, type QuestionType } from '@quizbus/shared';
import { useId } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { QuestionAnswerFields } from './question-answer-fields.tsx';
import { withType, type DraftQuestion, type FieldErrors } from './quiz-draft.ts';

export const TYPE_NAMES: Record<QuestionType, string> = {
  single: 'Single choice',
  multi: 'Multiple select',
  'true-false': 'True or false',
  'type-answer': 'Type the answer',
  slider: 'Slider (number)',
  ordering: 'Put in order',
  poll: 'Poll (no points)',
};

interface QuestionEditorProps {
  q: DraftQuestion;
  index: number;
  count: number;
  errors: FieldErrors;
  onChange: (q: DraftQuestion) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One question of the quiz being edited: type, text, answers, time, points, image, explanation. */
export function QuestionEditor({ q, index, count, errors, onChange, onMove, onRemove }: QuestionEditorProps) {
  const path = `questions.${index}`;
  const patch = (p: Partial<DraftQuestion>) => onChange({ ...q, ...p });
  const ids = { type: useId(), points: useId() };
  const err = (k: string) => errors[`${path}.${k}`];
  return (
    <fieldset className="question-editor card" aria-labelledby={`${ids.type}-legend`}>
      <div className="question-editor__head">
        <h2 className="question-editor__title" id={`${ids.type}-legend`}>
          Question {index + 1}
        </h2>
        <div className="question-editor__tools">
          <button type="button" className="icon-button" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move question ${index + 1} up`}>
            ↑
          </button>
          <button type="button" className="icon-button" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move question ${index + 1} down`}>
            ↓
          </button>
          <button type="button" className="button button--small button--quiet" disabled={count === 1} onClick={onRemove}>
            Delete question
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.type}>Type</label>
        <select id={ids.type} className="input" value={q.type} onChange={(e) => onChange(withType(q, e.target.value as QuestionType))}>
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_NAMES[t]}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Question" multiline maxLength={400} value={q.text} onChange={(text) => patch({ text })} error={err('text')} path={`${path}.text`} />
      <QuestionAnswerFields q={q} path={path} errors={errors} onChange={patch} />
      <div className="field-row">
        <TextField
          label="Time limit (seconds)"
          inputMode="numeric"
          value={q.timeLimitSec}
          onChange={(timeLimitSec) => patch({ timeLimitSec })}
          error={err('timeLimitSec')}
          path={`${path}.timeLimitSec`}
          hint="5 to 240"
        />
        <div className="field">
          <label htmlFor={ids.points}>Points</label>
          <select id={ids.points} className="input" value={q.points} disabled={q.type === 'poll'} onChange={(e) => patch({ points: e.target.value as PointsLevel })}>
            <option value="standard">Standard (1000)</option>
            <option value="double">Double (2000)</option>
            <option value="none">None</option>
          </select>
        </div>
        <TextField
          label="Read time (seconds)"
          inputMode="numeric"
          value={q.readTimeSec}
          onChange={(readTimeSec) => patch({ readTimeSec })}
          error={err('readTimeSec')}
          path={`${path}.readTimeSec`}
          hint="Empty: the quiz's"
        />
      </div>
      <TextField label="Image URL (optional)" type="url" value={q.imageUrl} onChange={(imageUrl) => patch({ imageUrl })} error={err('imageUrl')} path={`${path}.imageUrl`} />
      <TextField
        label="Explanation shown at the reveal (optional)"
        multiline
        maxLength={600}
        value={q.explanation}
        onChange={(explanation) => patch({ explanation })}
        error={err('explanation')}
        path={`${path}.explanation`}
      />
    </fieldset>
  );
}
