import { graphemeCount, NICKNAME_MAX } from '@quizbus/shared';
import { useId, type Ref } from 'react';
import { useT } from '../../i18n/i18n-context.ts';

/** Whether a nickname is longer than the game takes, counted as the game counts (graphemes, trimmed). */
export function nicknameTooLong(nickname: string): boolean {
  return graphemeCount(nickname.trim()) > NICKNAME_MAX;
}

interface NicknameFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The game's refusal (NICKNAME_INVALID, NICKNAME_TAKEN…), shown under the field. */
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * The join page's nickname: a counter of characters as a reader counts them (👨‍👩‍👧 is one,
 * as the game counts), and a visible message once the name is too long. Nothing is cut: the
 * field has no maxLength, which would count UTF-16 units and drop the end of an emoji name.
 */
export function NicknameField({ value, onChange, error, inputRef }: NicknameFieldProps) {
  const t = useT();
  const id = useId();
  const length = graphemeCount(value.trim());
  const shownError = length > NICKNAME_MAX ? t('join.nicknameTooLong', { max: NICKNAME_MAX }) : error;
  return (
    <div className="field">
      <label htmlFor={id}>{t('join.nickname')}</label>
      <input
        id={id}
        ref={inputRef}
        className="input"
        autoComplete="nickname"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? `${id}-count ${id}-error` : `${id}-count`}
      />
      <p id={`${id}-count`} className={`field__counter${length > NICKNAME_MAX ? ' field__counter--over' : ''}`}>
        {t('join.nicknameCount', { count: length, max: NICKNAME_MAX })}
      </p>
      {shownError ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
