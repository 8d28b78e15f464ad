import { RESULTS_CSV_COLUMNS } from '@quizbus/shared';
import type { GameState, PlayerState } from '../engine/game-state.ts';
import { compareStanding } from '../engine/ranking.ts';
import { reportLabels, type ReportLabels } from '../i18n/report-labels.ts';

/**
 * One CSV field. Quoted when it holds a separator, quote or line break; a leading = + - @
 * (or tab/CR) gets an apostrophe so a spreadsheet shows a nickname like `=HYPERLINK(…)` as
 * text instead of running it (CSV formula injection).
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The results of a game as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so
 * spreadsheet programs read accented nicknames right). Players still in the game, in
 * leaderboard order: score, then total response time, then join order.
 */
export function resultsCsv(state: GameState, labels: ReportLabels = reportLabels()): string {
  const players: PlayerState[] = [...state.players.values()].filter((p) => !p.kicked).sort(compareStanding);
  const questionColumns = state.questions.map((_, i) => labels.question(i + 1));
  const rows: Array<Array<string | number>> = [[...RESULTS_CSV_COLUMNS.map((key) => labels.columns[key]), ...questionColumns]];
  players.forEach((p, i) => {
    const answers = p.answers.filter((a) => a !== undefined);
    const totalMs = answers.reduce((sum, a) => sum + a.responseMs, 0);
    const average = answers.length === 0 ? '' : (totalMs / answers.length / 1000).toFixed(2);
    const grades = state.questions.map((_, q) => {
      const a = p.answers[q];
      if (a) return a.grade;
      const closedForPlayer = q < state.questionIndex || (q === state.questionIndex && (state.current?.closedReason ?? null) !== null);
      return closedForPlayer && p.joinedDuring < q ? 'missed' : '';
    });
    rows.push([i + 1, p.nickname, p.score, p.correctCount, answers.length, average, ...grades]);
  });
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
