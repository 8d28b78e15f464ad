import type { GameReport, ReportCell } from '@quizbus/shared';
import { reportLabels, type ColumnKey, type ReportLabels } from '../i18n/report-labels.ts';

/**
 * The report as tables, shared by the CSV and xlsx exports so both say the same. Cells are
 * numbers where a spreadsheet should compute with them (scores, percentages, seconds) and
 * empty strings where there is no value.
 */
export type Table = { name: string; rows: Array<Array<string | number>>; summary?: boolean };

const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : Math.round(ms / 10) / 100);
const percent = (fraction: number | null) => (fraction === null ? '' : Math.round(fraction * 1000) / 10);

/** The student columns every per-student table starts with. */
function who(report: GameReport, l: ReportLabels): { head: string[]; of: (i: number) => Array<string | number> } {
  const ids = report.options.askStudentId === true;
  // Team games add the student's team after the nickname.
  const team = report.teams ? [l.teams?.team ?? 'team'] : [];
  return {
    head: [...cols(l, 'rank', 'nickname'), ...team, ...cols(l, ...(ids ? (['student_id'] as const) : []))],
    of: (i) => {
      const p = report.players[i];
      return p ? [p.rank, p.nickname, ...(report.teams ? [p.team ?? ''] : []), ...(ids ? [p.studentId ?? ''] : [])] : [];
    },
  };
}

const questionHeads = (report: GameReport, l: ReportLabels) => report.questions.map((q) => l.question(q.index + 1));
const cols = (l: ReportLabels, ...keys: ColumnKey[]) => keys.map((k) => l.columns[k]);

/** Students best first: score, right answers, accuracy, mean response time, and a grade per question. */
export function studentsTable(report: GameReport, l: ReportLabels = reportLabels()): Table {
  const w = who(report, l);
  const rows: Table['rows'] = [
    [...w.head, ...cols(l, 'score', 'correct_answers', 'questions_answered', 'accuracy_percent', 'average_response_seconds'), ...questionHeads(report, l)],
  ];
  report.players.forEach((p, i) => {
    const grades = (report.matrix[i] ?? []).map((c: ReportCell | null) => c?.grade ?? '');
    rows.push([...w.of(i), p.score, p.correct, p.answered, percent(p.accuracy), seconds(p.averageResponseMs), ...grades]);
  });
  return { name: l.sheets.students, rows };
}

/** Points per student and question (empty where the student was not in the game). */
export function pointsTable(report: GameReport, l: ReportLabels = reportLabels()): Table {
  const w = who(report, l);
  const rows: Table['rows'] = [[...w.head, l.columns.score, ...questionHeads(report, l)]];
  report.players.forEach((p, i) => rows.push([...w.of(i), p.score, ...(report.matrix[i] ?? []).map((c) => (c ? c.points : ''))]));
  return { name: l.sheets.points, rows };
}

/** What each student answered, in words, per question. */
export function answersTable(report: GameReport, l: ReportLabels = reportLabels()): Table {
  const w = who(report, l);
  const rows: Table['rows'] = [[...w.head, ...questionHeads(report, l)]];
  report.players.forEach((_p, i) => rows.push([...w.of(i), ...(report.matrix[i] ?? []).map((c) => (c ? (c.answer ?? `(${c.grade})`) : ''))]));
  return { name: l.sheets.answers, rows };
}

/** Questions hardest first: % right, how many answered, mean time, and how the answers spread. */
export function questionsTable(report: GameReport, l: ReportLabels = reportLabels()): Table {
  const rows: Table['rows'] = [
    cols(l, 'difficulty_rank', 'question_number', 'question', 'type', 'correct_answer', 'percent_correct', 'correct', 'partial', 'answered', 'players', 'average_response_seconds', 'answers'),
  ];
  report.hardestFirst.forEach((col, i) => {
    const q = report.questions[col];
    if (!q) return;
    const spread = (q.options ?? []).map((o) => `${o.text}: ${o.count}`).concat((q.values ?? []).map((v) => `${v.value}: ${v.count}`)).join(' · ');
    rows.push([i + 1, q.index + 1, q.text, q.type, q.correctAnswer, q.percentCorrect ?? '', q.correct, q.partial, q.answered, q.players, seconds(q.averageResponseMs), spread]);
  });
  return { name: l.sheets.questions, rows };
}

/** The game in a few lines: title, dates, players, average score. */
export function summaryTable(report: GameReport, l: ReportLabels = reportLabels()): Table {
  const date = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
  const s = l.summary;
  return {
    name: l.sheets.summary,
    summary: true,
    rows: [
      [s.quiz, report.title],
      [s.pin, report.pin],
      [s.started, date(report.startedAt)],
      [s.ended, date(report.endedAt)],
      [s.howItEnded, l.ended[report.endReason ?? 'running']],
      [s.players, report.playerCount],
      [s.questionsPlayed, report.questionCount],
      [s.averageScore, report.averageScore],
    ],
  };
}

/** Team games: teams best first, with score and members (just the header row for other games). */
export function teamsTable(report: GameReport, l: ReportLabels = reportLabels()): Table {
  const words = l.teams ?? { team: 'team', members: 'members', sheet: 'Teams' };
  const rows: Table['rows'] = [[l.columns.rank, words.team, l.columns.score, words.members]];
  for (const t of report.teams ?? []) rows.push([t.rank, t.name, t.score, t.members.join(', ')]);
  return { name: words.sheet, rows };
}
