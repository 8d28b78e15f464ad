import type { GameReport, ReportCell } from '@quizbus/shared';

/**
 * The report as tables, shared by the CSV and xlsx exports so both say the same. Cells are
 * numbers where a spreadsheet should compute with them (scores, percentages, seconds) and
 * empty strings where there is no value.
 */
export type Table = { name: string; rows: Array<Array<string | number>> };

const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : Math.round(ms / 10) / 100);
const percent = (fraction: number | null) => (fraction === null ? '' : Math.round(fraction * 1000) / 10);

/** The student columns every per-student table starts with. */
function who(report: GameReport): { head: string[]; of: (i: number) => Array<string | number> } {
  const ids = report.options.askStudentId === true;
  return {
    head: ['rank', 'nickname', ...(ids ? ['student_id'] : [])],
    of: (i) => {
      const p = report.players[i];
      return p ? [p.rank, p.nickname, ...(ids ? [p.studentId ?? ''] : [])] : [];
    },
  };
}

const questionHeads = (report: GameReport) => report.questions.map((q) => `q${q.index + 1}`);

/** Students best first: score, right answers, accuracy, mean response time, and a grade per question. */
export function studentsTable(report: GameReport): Table {
  const w = who(report);
  const rows: Table['rows'] = [[...w.head, 'score', 'correct_answers', 'questions_answered', 'accuracy_percent', 'average_response_seconds', ...questionHeads(report)]];
  report.players.forEach((p, i) => {
    const grades = (report.matrix[i] ?? []).map((c: ReportCell | null) => c?.grade ?? '');
    rows.push([...w.of(i), p.score, p.correct, p.answered, percent(p.accuracy), seconds(p.averageResponseMs), ...grades]);
  });
  return { name: 'Students', rows };
}

/** Points per student and question (empty where the student was not in the game). */
export function pointsTable(report: GameReport): Table {
  const w = who(report);
  const rows: Table['rows'] = [[...w.head, 'score', ...questionHeads(report)]];
  report.players.forEach((p, i) => rows.push([...w.of(i), p.score, ...(report.matrix[i] ?? []).map((c) => (c ? c.points : ''))]));
  return { name: 'Points', rows };
}

/** What each student answered, in words, per question. */
export function answersTable(report: GameReport): Table {
  const w = who(report);
  const rows: Table['rows'] = [[...w.head, ...questionHeads(report)]];
  report.players.forEach((_p, i) => rows.push([...w.of(i), ...(report.matrix[i] ?? []).map((c) => (c ? (c.answer ?? `(${c.grade})`) : ''))]));
  return { name: 'Answers', rows };
}

/** Questions hardest first: % right, how many answered, mean time, and how the answers spread. */
export function questionsTable(report: GameReport): Table {
  const rows: Table['rows'] = [
    ['difficulty_rank', 'question_number', 'question', 'type', 'correct_answer', 'percent_correct', 'correct', 'partial', 'answered', 'players', 'average_response_seconds', 'answers'],
  ];
  report.hardestFirst.forEach((col, i) => {
    const q = report.questions[col];
    if (!q) return;
    const spread = (q.options ?? []).map((o) => `${o.text}: ${o.count}`).concat((q.values ?? []).map((v) => `${v.value}: ${v.count}`)).join(' · ');
    rows.push([i + 1, q.index + 1, q.text, q.type, q.correctAnswer, q.percentCorrect ?? '', q.correct, q.partial, q.answered, q.players, seconds(q.averageResponseMs), spread]);
  });
  return { name: 'Questions', rows };
}

/** The game in a few lines: title, dates, players, average score. */
export function summaryTable(report: GameReport): Table {
  const date = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
  return {
    name: 'Summary',
    rows: [
      ['quiz', report.title],
      ['game PIN', report.pin],
      ['started', date(report.startedAt)],
      ['ended', date(report.endedAt)],
      ['how it ended', report.endReason ?? 'still running'],
      ['players', report.playerCount],
      ['questions played', report.questionCount],
      ['average score', report.averageScore],
    ],
  };
}
