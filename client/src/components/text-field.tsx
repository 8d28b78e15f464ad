import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field and linked to it for screen readers. */
  error?: string | undefined;
  hint?: string;
  multiline?: boolean;
  /** data-field: the document path, so an error summary can focus the field. */
  path?: string;
}

/** A labelled input (or textarea) with its validation message right under it. */
export function TextField({ label, value, onChange, error, hint, multiline, path, className, ...rest }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    className: `input${multiline ? ' input--multiline' : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-field': path,
    ...rest,
  };
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} /> : <input {...common} onChange={(e) => onChange(e.target.value)} />}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
