import type { QuizExportFormat, QuizSummary } from '@quizbus/shared';
import { useT } from '../../i18n/i18n-context.ts';

const FORMATS: ReadonlyArray<{ format: Exclude<QuizExportFormat, 'json'>; label: string; name: string }> = [
  { format: 'csv', label: 'CSV', name: 'CSV' },
  { format: 'xlsx', label: 'Excel', name: 'Excel (xlsx)' },
];

/** Export a quiz as a spreadsheet (JSON has its own button in the library). */
export function QuizExportButtons({ quiz, busy, onExport }: { quiz: QuizSummary; busy: boolean; onExport: (format: QuizExportFormat) => void }) {
  const t = useT();
  return (
    <>
      {FORMATS.map((f) => (
        <button key={f.format} type="button" className="button" disabled={busy} onClick={() => onExport(f.format)} aria-label={t('library.exportAs', { title: quiz.title, format: f.name })}>
          {f.label}
        </button>
      ))}
    </>
  );
}
