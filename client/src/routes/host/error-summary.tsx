import { useEffect, useRef } from 'react';
import { useT, type MessageId, type Translate } from '../../i18n/i18n-context.ts';
import type { FieldErrors } from './quiz-draft.ts';

const FIELD_NAMES: Record<string, MessageId> = {
  title: 'field.title',
  description: 'field.description',
  readTimeSec: 'field.readTime',
  questions: 'field.questions',
  text: 'field.text',
  imageUrl: 'field.imageUrl',
  timeLimitSec: 'field.timeLimit',
  points: 'field.points',
  explanation: 'field.explanation',
  correct: 'field.correct',
  min: 'field.min',
  max: 'field.max',
  step: 'field.step',
  tolerance: 'field.tolerance',
};

/** A field's document path in words: "questions.2.options.0" → "Question 3, answer A". */
export function describePath(t: Translate, path: string): string {
  const [head, index, field, item] = path.split('.');
  if (head !== 'questions' || index === undefined) {
    const name = FIELD_NAMES[head ?? ''];
    return name ? t(name) : path || t('field.quiz');
  }
  const question = Number(index) + 1;
  if (field === undefined) return t('field.question', { question });
  const n = Number(item);
  if (field === 'options' && item !== undefined) return t('field.option', { question, letter: String.fromCharCode(65 + n) });
  if (field === 'accepted' && item !== undefined) return t('field.accepted', { question, n: n + 1 });
  if (field === 'items' && item !== undefined) return t('field.item', { question, n: n + 1 });
  const name = FIELD_NAMES[field];
  return t('field.questionField', { question, field: name ? t(name) : field });
}

/**
 * The list of problems at the top of the editor after a failed save. It takes the focus so
 * screen-reader users hear it; each entry moves the focus to its field.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldErrors; attempt: number }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (entries.length === 0) return null;
  const focus = (path: string) => {
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t('editor.toFix', { count: entries.length })}</h2>
      <ul>
        {entries.slice(0, 12).map(([path, message]) => (
          <li key={path}>
            <button type="button" className="link-button" onClick={() => focus(path)}>
              {describePath(t, path)}: {message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
