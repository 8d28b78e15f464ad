import type { Answer } from '@quizbus/shared';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-context.ts';

/** A type-answer, word-cloud or open-answer question: one text field and a submit button (Enter submits too). */
export function TextAnswer({ disabled, onAnswer, maxLength = 200 }: { disabled: boolean; onAnswer: (answer: Answer) => void; maxLength?: number }) {
  const t = useT();
  const [text, setText] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onAnswer({ kind: 'text', text: text.trim() });
  };
  return (
    <form className="text-answer" onSubmit={submit}>
      <label htmlFor={id}>{t('play.yourAnswer')}</label>
      <input id={id} className="input input--large" value={text} maxLength={maxLength} autoComplete="off" autoCapitalize="off" onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button button--primary button--large button--block" disabled={disabled || !text.trim()}>
        {t('play.submit')}
      </button>
    </form>
  );
}
