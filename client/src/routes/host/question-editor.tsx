import { QUESTION_TYPES, type PointsLevel, type QuestionType } from '@quizbus/shared';
import { useId } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { useT, type MessageId } from '../../i18n/i18n-context.ts';
import { QuestionAnswerFields } from './question-answer-fields.tsx';
import { QuestionImageField } from './question-image-field.tsx';
import { withType, type DraftQuestion, type FieldErrors } from './quiz-draft.ts';

export const TYPE_NAMES: Record<QuestionType, MessageId> = {
  single: 'type.single',
  multi: 'type.multi',
  'true-false': 'type.trueFalse',
  'type-answer': 'type.typeAnswer',
  slider: 'type.slider',
  ordering: 'type.ordering',
  poll: 'type.poll',
  'word-cloud': 'type.wordCloud',
  'open-answer': 'type.openAnswer',
  slide: 'type.slide',
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
  const t = useT();
  const path = `questions.${index}`;
  const patch = (p: Partial<DraftQuestion>) => onChange({ ...q, ...p });
  const ids = { type: useId(), points: useId() };
  const err = (k: string) => errors[`${path}.${k}`];
  return (
    <fieldset className="question-editor card" aria-labelledby={`${ids.type}-legend`}>
      <div className="question-editor__head">
        <h2 className="question-editor__title" id={`${ids.type}-legend`}>
          {t('field.question', { question: index + 1 })}
        </h2>
        <div className="question-editor__tools">
          <button type="button" className="icon-button" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('editor.moveUp', { question: index + 1 })}>
            ↑
          </button>
          <button type="button" className="icon-button" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('editor.moveDown', { question: index + 1 })}>
            ↓
          </button>
          <button type="button" className="button button--small button--quiet" disabled={count === 1} onClick={onRemove}>
            {t('editor.deleteQuestion')}
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.type}>{t('editor.type')}</label>
        <select id={ids.type} className="input" value={q.type} onChange={(e) => onChange(withType(q, e.target.value as QuestionType))}>
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(TYPE_NAMES[type])}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t('editor.question')} multiline maxLength={400} value={q.text} onChange={(text) => patch({ text })} error={err('text')} path={`${path}.text`} />
      <QuestionAnswerFields q={q} path={path} errors={errors} onChange={patch} />
      {q.type === 'slide' ? null : (
      <div className="field-row">
        <TextField
          label={t('editor.timeLimit')}
          inputMode="numeric"
          value={q.timeLimitSec}
          onChange={(timeLimitSec) => patch({ timeLimitSec })}
          error={err('timeLimitSec')}
          path={`${path}.timeLimitSec`}
          hint={t('editor.timeLimitHint')}
        />
        <div className="field">
          <label htmlFor={ids.points}>{t('editor.points')}</label>
          <select id={ids.points} className="input" value={q.points} disabled={q.type === 'poll' || q.type === 'word-cloud' || q.type === 'open-answer'} onChange={(e) => patch({ points: e.target.value as PointsLevel })}>
            <option value="standard">{t('editor.pointsStandard')}</option>
            <option value="double">{t('editor.pointsDouble')}</option>
            <option value="none">{t('editor.pointsNone')}</option>
          </select>
        </div>
        <TextField
          label={t('editor.questionReadTime')}
          inputMode="numeric"
          value={q.readTimeSec}
          onChange={(readTimeSec) => patch({ readTimeSec })}
          error={err('readTimeSec')}
          path={`${path}.readTimeSec`}
          hint={t('editor.questionReadTimeHint')}
        />
      </div>
      )}
      <QuestionImageField q={q} index={index} error={err('imageUrl')} path={`${path}.imageUrl`} onChange={patch} />
      {q.type === 'slide' ? null : (
      <TextField
        label={t('editor.explanation')}
        multiline
        maxLength={600}
        value={q.explanation}
        onChange={(explanation) => patch({ explanation })}
        error={err('explanation')}
        path={`${path}.explanation`}
      />
      )}
    </fieldset>
  );
}
