import type { QuizExportFormat, QuizSummary } from '@quizbus/shared';

const FORMATS: ReadonlyArray<{ format: Exclude<QuizExportFormat, 'json'>; label: string; name: string }> = [
  { format: 'csv', label: 'CSV', name: 'CSV' },
  { format: 'xlsx', label: 'Excel', name: 'Excel (xlsx)' },
];

/** Export a quiz as a spreadsheet (JSON has its own button in the library). */
export function QuizExportButtons({ quiz, busy, onExport }: { quiz: QuizSummary; busy: boolean; onExport: (format: QuizExportFormat) => void }) {
  return (
    <>
      {FORMATS.map((f) => (
        <button key={f.format} type="button" className="button" disabled={busy} onClick={() => onExport(f.format)} aria-label={`Export ${quiz.title} as ${f.name}`}>
          {f.label}
        </button>
      ))}
    </>
  );
}
