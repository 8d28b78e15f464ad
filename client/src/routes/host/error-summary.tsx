import { useEffect, useRef } from 'react';
import type { FieldErrors } from './quiz-draft.ts';

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  readTimeSec: 'read time',
  questions: 'Questions',
  text: 'question text',
  imageUrl: 'image URL',
  timeLimitSec: 'time limit',
  points: 'points',
  explanation: 'explanation',
  correct: 'right answer',
  min: 'lowest value',
  max: 'highest value',
  step: 'step',
  tolerance: 'tolerance',
};

/** A field's document path in words: "questions.2.options.0" → "Question 3, answer A". */
export function describePath(path: string): string {
  const [head, index, field, item] = path.split('.');
  if (head !== 'questions' || index === undefined) return FIELD_NAMES[head ?? ''] ?? (path || 'Quiz');
  const q = `Question ${Number(index) + 1}`;
  if (field === undefined) return q;
  const n = Number(item);
  if (field === 'options' && item !== undefined) return `${q}, answer ${String.fromCharCode(65 + n)}`;
  if (field === 'accepted' && item !== undefined) return `${q}, accepted answer ${n + 1}`;
  if (field === 'items' && item !== undefined) return `${q}, item ${n + 1}`;
  return `${q}, ${FIELD_NAMES[field] ?? field}`;
}

/**
 * The list of problems at the top of the editor after a failed save. It takes the focus so
 * screen-reader users hear it; each entry moves the focus to its field.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldErrors; attempt: number }) {
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
      <h2>
        {entries.length === 1 ? 'One thing to fix' : `${entries.length} things to fix`} before saving
      </h2>
      <ul>
        {entries.slice(0, 12).map(([path, message]) => (
          <li key={path}>
            <button type="button" className="link-button" onClick={() => focus(path)}>
              {describePath(path)}: {message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
