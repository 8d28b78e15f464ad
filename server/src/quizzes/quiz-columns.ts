import { QUIZ_SHEET_COLUMNS, type QuizSheetColumn } from '@quizbus/shared';

/**
 * The column headers of the xlsx export, in sheet order from column B. The first seven are the
 * Kahoot! question template's own headers, word for word, so the file opens in Kahoot! too;
 * the rest carry what Kahoot's layout has no room for (other question types, points, …).
 * Column A holds the question number, as in Kahoot's template.
 */
export const XLSX_HEADERS: ReadonlyArray<readonly [QuizSheetColumn, string]> = [
  ['question', 'Question - max 120 characters'],
  ['answer_1', 'Answer 1 - max 75 characters'],
  ['answer_2', 'Answer 2 - max 75 characters'],
  ['answer_3', 'Answer 3 - max 75 characters'],
  ['answer_4', 'Answer 4 - max 75 characters'],
  ['time_limit', 'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs'],
  ['correct', 'Correct answer(s) - choose at least one'],
  ['type', 'Type'],
  ['answer_5', 'Answer 5'],
  ['answer_6', 'Answer 6'],
  ['points', 'Points'],
  ['explanation', 'Explanation'],
  ['image_url', 'Image URL'],
  ['read_time', 'Read time (sec)'],
  ['slider_min', 'Slider min'],
  ['slider_max', 'Slider max'],
  ['slider_step', 'Slider step'],
  ['slider_tolerance', 'Slider tolerance'],
  ['question_id', 'Question id'],
  ['quiz_title', 'Quiz title'],
  ['quiz_description', 'Quiz description'],
  ['quiz_read_time', 'Quiz read time (sec)'],
];

const KNOWN = new Set<string>(QUIZ_SHEET_COLUMNS);

/** Other names people give these columns. */
const ALIASES: Record<string, QuizSheetColumn> = {
  text: 'question',
  question_text: 'question',
  question_type: 'type',
  kind: 'type',
  right_answer: 'correct',
  id: 'question_id',
  title: 'quiz_title',
};

/** Header starts, tried in order after the exact names (Kahoot's headers carry their limits). */
const PREFIXES: ReadonlyArray<readonly [RegExp, QuizSheetColumn | 'answer']> = [
  [/^quiz_title/, 'quiz_title'],
  [/^quiz_description/, 'quiz_description'],
  [/^quiz_read_time/, 'quiz_read_time'],
  [/^question_id/, 'question_id'],
  [/^answer_?([1-6])(?:_|$)/, 'answer'],
  [/^option_?([1-6])(?:_|$)/, 'answer'],
  [/^time_limit/, 'time_limit'],
  [/^correct/, 'correct'],
  [/^read_time/, 'read_time'],
  [/^image/, 'image_url'],
  [/^slider_min/, 'slider_min'],
  [/^slider_max/, 'slider_max'],
  [/^slider_step/, 'slider_step'],
  [/^slider_tolerance/, 'slider_tolerance'],
  [/^question(?:_|$)/, 'question'],
  [/^type(?:_|$)/, 'type'],
  [/^points?(?:_|$)/, 'points'],
  [/^explanation/, 'explanation'],
];

/** "Time limit (sec) – 5, 10…" → "time_limit_sec_5_10…": lower case, accents off, runs of other characters as one underscore. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The column a header names: exact names first (`answer_1`), then other usual names, then
 * the start of longer headers such as Kahoot's "Answer 1 - max 75 characters". Null for an
 * empty header (ignored, like Kahoot's number column) and for one no rule knows.
 */
export function columnFor(header: string): QuizSheetColumn | null {
  const key = headerKey(header);
  if (key === '') return null;
  if (KNOWN.has(key)) return key as QuizSheetColumn;
  const alias = ALIASES[key];
  if (alias) return alias;
  for (const [pattern, column] of PREFIXES) {
    const m = pattern.exec(key);
    if (!m) continue;
    return column === 'answer' ? (`answer_${m[1] as string}` as QuizSheetColumn) : column;
  }
  return null;
}
