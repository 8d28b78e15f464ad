import type { ImportIssue, Quiz } from '@quizbus/shared';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { apiErrorText } from '../../components/error-text.ts';
import { useT, type Translate } from '../../i18n/i18n-context.ts';
import { downloadTemplate, importQuizFile, ImportRefused } from '../../net/file-api.ts';

/** How a refused row reads: "Row 4, time_limit: must be a whole number …". */
export function describeIssue(t: Translate, issue: ImportIssue): string {
  const where = [issue.row !== undefined ? t('import.row', { row: issue.row }) : null, issue.column ?? null].filter(Boolean).join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Import a quiz from a CSV or xlsx file (the Kahoot! layout works too), plus the two
 * templates to start from. A refused file changes nothing; its problems are listed with their
 * row numbers in an alert that takes the focus, so a screen reader reads them at once.
 */
export function SpreadsheetImport({ busy, onImported, onError }: { busy: boolean; onImported: (quiz: Quiz) => void; onError: (message: string) => void }) {
  const t = useT();
  const inputId = useId();
  const [refused, setRefused] = useState<{ file: string; message: string; rows: ImportIssue[] } | null>(null);
  const [working, setWorking] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refused) listRef.current?.focus();
  }, [refused]);

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setRefused(null);
    setWorking(true);
    importQuizFile(file)
      .then(onImported)
      .catch((err: unknown) => {
        if (err instanceof ImportRefused && err.rows.length > 0) setRefused({ file: file.name, message: err.message, rows: err.rows });
        else onError(`${file.name}: ${apiErrorText(t, err)}`);
      })
      .finally(() => setWorking(false));
  };

  const template = (format: 'csv' | 'xlsx') => {
    downloadTemplate(format).catch((err: unknown) => onError(apiErrorText(t, err)));
  };

  return (
    <div className="spreadsheet-import">
      <div className="spreadsheet-import__buttons">
        <label className={`button${busy || working ? ' button--disabled' : ''}`} htmlFor={inputId}>
          {working ? t('import.busy') : t('import.button')}
        </label>
        <input
          id={inputId}
          className="sr-only"
          type="file"
          accept=".csv,.xlsx,.json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json"
          disabled={busy || working}
          onChange={pick}
          aria-describedby={`${inputId}-hint`}
        />
        <span id={`${inputId}-hint`} className="spreadsheet-import__hint muted">
          {t('import.hint')}{' '}
          <button type="button" className="link-button" onClick={() => template('csv')}>
            CSV
          </button>{' '}
          ·{' '}
          <button type="button" className="link-button" onClick={() => template('xlsx')}>
            {t('import.excel')}
          </button>
        </span>
      </div>
      {refused ? (
        <div className="import-problems notice notice--error" role="alert" tabIndex={-1} ref={listRef}>
          <h2 className="import-problems__title">
            {refused.file}: {refused.message}
          </h2>
          <ul>
            {refused.rows.map((issue, i) => (
              <li key={i}>{describeIssue(t, issue)}</li>
            ))}
          </ul>
          <button type="button" className="button button--quiet button--small" onClick={() => setRefused(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
