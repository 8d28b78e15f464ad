import type { GameReport, ReportCell } from '@quizbus/shared';

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n)} %`);

/** One student per row, best first. The student id column shows only when the game asked for it. */
export function StudentsTable({ report }: { report: GameReport }) {
  const ids = report.options.askStudentId === true;
  return (
    <section className="report__section" aria-labelledby="report-students">
      <h2 id="report-students">Students</h2>
      <div className="report__scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Nickname</th>
              {ids ? <th scope="col">Name or student id</th> : null}
              <th scope="col">Score</th>
              <th scope="col">Correct</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Average time</th>
            </tr>
          </thead>
          <tbody>
            {report.players.map((p) => (
              <tr key={p.playerId}>
                <td>{p.rank}</td>
                <th scope="row">{p.nickname}</th>
                {ids ? <td>{p.studentId ?? '—'}</td> : null}
                <td>{p.score.toLocaleString('en')}</td>
                <td>
                  {p.correct} of {p.scoredQuestions}
                </td>
                <td>{percent(p.accuracy === null ? null : p.accuracy * 100)}</td>
                <td>{seconds(p.averageResponseMs)}</td>
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
  return (
    <section className="report__section" aria-labelledby="report-questions">
      <h2 id="report-questions">Questions, hardest first</h2>
      <ol className="report-questions">
        {report.hardestFirst.map((col) => {
          const q = report.questions[col];
          if (!q) return null;
          const spread = [...(q.options ?? []).map((o) => ({ label: o.text, count: o.count, correct: o.correct })), ...(q.values ?? []).map((v) => ({ label: v.value, count: v.count, correct: v.correct }))];
          return (
            <li key={q.index} className="report-question card">
              <h3 className="report-question__title">
                Q{q.index + 1}. {q.text}
              </h3>
              <p className="report-question__figures">
                <strong>{q.type === 'poll' ? 'Poll' : `${percent(q.percentCorrect)} correct`}</strong> · {q.answered} of {q.players} answered · average {seconds(q.averageResponseMs)}
                {q.skippedBeforeOpen ? ' · skipped before answers opened' : ''}
              </p>
              {q.correctAnswer ? <p className="report-question__answer">Right answer: {q.correctAnswer}</p> : null}
              {spread.length > 0 ? (
                <ul className="report-question__spread">
                  {spread.map((s, i) => (
                    <li key={i} className={s.correct ? 'is-correct' : undefined}>
                      <span className="report-question__bar" style={{ width: `${q.answered === 0 ? 0 : Math.round((s.count / Math.max(1, q.answered)) * 100)}%` }} aria-hidden="true" />
                      <span>
                        {s.label}
                        {s.correct ? ' (right)' : ''}: {s.count}
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

/** The student × question matrix: a mark per cell, its answer and points in words for screen readers and on hover. */
export function MatrixTable({ report }: { report: GameReport }) {
  return (
    <section className="report__section" aria-labelledby="report-matrix">
      <h2 id="report-matrix">Every answer</h2>
      <div className="report__scroll">
        <table className="report-table report-matrix">
          <thead>
            <tr>
              <th scope="col">Student</th>
              {report.questions.map((q) => (
                <th key={q.index} scope="col" title={q.text}>
                  Q{q.index + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.players.map((p, row) => (
              <tr key={p.playerId}>
                <th scope="row">{p.nickname}</th>
                {(report.matrix[row] ?? []).map((c, col) => {
                  const words = c ? `${c.grade}${c.answer ? `: ${c.answer}` : ''}, ${c.points} points` : 'not in the game';
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
