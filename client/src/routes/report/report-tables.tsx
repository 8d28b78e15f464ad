import type { GameReport, ReportCell } from '@quizbus/shared';
import { useLocale, type MessageId } from '../../i18n/i18n-context.ts';
import type { Formatters } from '../../i18n/format.ts';

const seconds = (format: Formatters, ms: number | null) => (ms === null ? '—' : format.duration(ms));
/** A ratio 0..1 as a percentage in the locale's way ("75 %", "75%", "٧٥٪"). */
const percent = (format: Formatters, ratio: number | null) => (ratio === null ? '—' : format.percent(ratio));

/** Questions with no right answer: their kind instead of a share correct. */
const UNGRADED: Partial<Record<GameReport['questions'][number]['type'], MessageId>> = {
  poll: 'report.poll',
  'word-cloud': 'type.wordCloud',
  'open-answer': 'type.openAnswer',
  slide: 'type.slide',
};

/** One student per row, best first. The student id column shows only when the game asked for it. */
export function StudentsTable({ report }: { report: GameReport }) {
  const { t, format } = useLocale();
  const ids = report.options.askStudentId === true;
  return (
    <section className="report__section" aria-labelledby="report-students">
      <h2 id="report-students">{t('report.students')}</h2>
      <div className="report__scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('report.rank')}</th>
              <th scope="col">{t('join.nickname')}</th>
              {ids ? <th scope="col">{t('join.studentId')}</th> : null}
              <th scope="col">{t('result.score')}</th>
              <th scope="col">{t('report.correct')}</th>
              <th scope="col">{t('report.accuracy')}</th>
              <th scope="col">{t('report.averageTime')}</th>
            </tr>
          </thead>
          <tbody>
            {report.players.map((p) => (
              <tr key={p.playerId}>
                <td>{p.rank}</td>
                <th scope="row">{p.nickname}</th>
                {ids ? <td>{p.studentId ?? '—'}</td> : null}
                <td>{format.number(p.score)}</td>
                <td>{t('result.rankOf', { rank: p.correct, total: p.scoredQuestions })}</td>
                <td>{percent(format, p.accuracy)}</td>
                <td>{seconds(format, p.averageResponseMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Questions hardest first, with how the class answered. */
export function QuestionsTable({ report }: { report: GameReport }) {
  const { t, format } = useLocale();
  return (
    <section className="report__section" aria-labelledby="report-questions">
      <h2 id="report-questions">{t('report.hardest')}</h2>
      <ol className="report-questions">
        {report.hardestFirst.map((col) => {
          const q = report.questions[col];
          if (!q) return null;
          const kind = UNGRADED[q.type];
          const spread = [...(q.options ?? []).map((o) => ({ label: o.text, count: o.count, correct: o.correct })), ...(q.values ?? []).map((v) => ({ label: v.value, count: v.count, correct: v.correct }))];
          return (
            <li key={q.index} className="report-question card">
              <h3 className="report-question__title">
                {t('report.q', { number: q.index + 1 })}. {q.text}
              </h3>
              <p className="report-question__figures">
                <strong>{kind ? t(kind) : t('report.percentCorrect', { percent: percent(format, q.percentCorrect === null ? null : q.percentCorrect / 100) })}</strong> ·{' '}
                {t('reveal.pollTally', { answered: q.answered, total: q.players })} · {t('report.averageOf', { time: seconds(format, q.averageResponseMs) })}
                {q.skippedBeforeOpen ? ` · ${t('report.skipped')}` : ''}
              </p>
              {q.correctAnswer ? <p className="report-question__answer">{t('report.rightAnswer', { answer: q.correctAnswer })}</p> : null}
              {spread.length > 0 ? (
                <ul className="report-question__spread">
                  {spread.map((s, i) => (
                    <li key={i} className={s.correct ? 'is-correct' : undefined}>
                      <span className="report-question__bar" style={{ width: `${q.answered === 0 ? 0 : Math.round((s.count / Math.max(1, q.answered)) * 100)}%` }} aria-hidden="true" />
                      <span>
                        {s.label}
                        {s.correct ? ` ${t('report.rightMark')}` : ''}: {s.count}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const MARK: Record<ReportCell['grade'], string> = { correct: '✓', partial: '½', wrong: '✗', poll: '•', missed: '–' };
const GRADE: Record<ReportCell['grade'], MessageId> = { correct: 'grade.correct', partial: 'grade.partial', wrong: 'grade.wrong', poll: 'grade.poll', missed: 'grade.missed' };

/** The student × question matrix: a mark per cell, its answer and points in words for screen readers and on hover. */
export function MatrixTable({ report }: { report: GameReport }) {
  const t = useLocale().t;
  return (
    <section className="report__section" aria-labelledby="report-matrix">
      <h2 id="report-matrix">{t('report.every')}</h2>
      <div className="report__scroll">
        <table className="report-table report-matrix">
          <thead>
            <tr>
              <th scope="col">{t('report.student')}</th>
              {report.questions.map((q) => (
                <th key={q.index} scope="col" title={q.text}>
                  {t('report.q', { number: q.index + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.players.map((p, row) => (
              <tr key={p.playerId}>
                <th scope="row">{p.nickname}</th>
                {(report.matrix[row] ?? []).map((c, col) => {
                  const words = c
                    ? t(c.answer ? 'report.cellAnswer' : 'report.cell', { grade: t(GRADE[c.grade]), answer: c.answer ?? '', points: c.points })
                    : t('report.notInGame');
                  return (
                    <td key={col} className={c ? `report-matrix__cell report-matrix__cell--${c.grade}` : 'report-matrix__cell'} title={words}>
                      <span aria-hidden="true">{c ? MARK[c.grade] : ''}</span>
                      <span className="sr-only">{words}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
