import { importMessages } from '../i18n/import-messages.ts';
import type { ServerLocale } from '../i18n/report-labels.ts';
import { schemaParseOptions, translateSchemaMessage } from '../i18n/schema-messages.ts';
import { questionSchema, type ImportIssue, type Question, type QuestionType, type QuizSheetColumn } from '@quizbus/shared';

/** The non-empty cells of one spreadsheet row, by column. */
export type SheetCells = Partial<Record<QuizSheetColumn, string>>;

const ANSWER_COLUMNS = ['answer_1', 'answer_2', 'answer_3', 'answer_4', 'answer_5', 'answer_6'] as const;

/** Names teachers use for each question type (after lower-casing and dropping spaces, dashes, slashes). */
const TYPE_NAMES: Record<string, QuestionType> = {
  single: 'single', singlechoice: 'single', quiz: 'single', choice: 'single',
  multi: 'multi', multiple: 'multi', multiplechoice: 'multi', multiselect: 'multi',
  truefalse: 'true-false', tf: 'true-false',
  typeanswer: 'type-answer', text: 'type-answer', typed: 'type-answer', open: 'type-answer',
  slider: 'slider', number: 'slider', range: 'slider',
  ordering: 'ordering', order: 'ordering', puzzle: 'ordering', sequence: 'ordering',
  poll: 'poll', survey: 'poll',
  wordcloud: 'word-cloud', cloud: 'word-cloud', words: 'word-cloud',
  openanswer: 'open-answer', openended: 'open-answer', openquestion: 'open-answer', freetext: 'open-answer',
  slide: 'slide', content: 'slide', info: 'slide',
};

/** Where a schema problem shows up in the sheet, by the document field it is about. */
const FIELD_COLUMNS: Record<string, QuizSheetColumn> = {
  text: 'question',
  type: 'type',
  correct: 'correct',
  accepted: 'correct',
  timeLimitSec: 'time_limit',
  readTimeSec: 'read_time',
  points: 'points',
  explanation: 'explanation',
  body: 'explanation',
  imageUrl: 'image_url',
  min: 'slider_min',
  max: 'slider_max',
  step: 'slider_step',
  tolerance: 'slider_tolerance',
  id: 'question_id',
};

type Parsed = { ok: true; question: Question } | { ok: false; issues: ImportIssue[] };

/**
 * One spreadsheet row as a question, checked by the quiz schema, or the row's problems with
 * their columns. The columns mean (docs/protocol.md has the table):
 * - answers 1–6: the options (single, multi, poll), the items in their right order (ordering);
 * - correct: the right answer numbers, "1" or "1,3" (single, multi); true/false or 1/2
 *   (true-false); the accepted spellings separated by | (type-answer); the value (slider);
 * - an empty type is worked out from correct, as in Kahoot's layout: one number is single
 *   choice, several are multi-select, true/false is true-false.
 */
export function questionFromCells(cells: SheetCells, row: number, locale: ServerLocale = 'en'): Parsed {
  const t = importMessages(locale);
  const issues: ImportIssue[] = [];
  const problem = (column: QuizSheetColumn | undefined, message: string) => issues.push({ row, ...(column && { column }), message });
  const correct = cells.correct ?? '';
  const answers = ANSWER_COLUMNS.map((column) => ({ column, value: cells[column] ?? '' }));
  const filled = answers.filter((a) => a.value !== '');

  const type = questionType(cells.type, correct, problem, locale);
  if (!type) return { ok: false, issues };

  const doc: Record<string, unknown> = { type, text: cells.question ?? '' };
  if (cells.question_id !== undefined) doc.id = cells.question_id;
  const seconds = (column: 'time_limit' | 'read_time', field: string, min: number, max: number) => {
    const raw = cells[column];
    if (raw === undefined) return;
    const n = wholeSeconds(raw);
    if (n === undefined || n < min || n > max) problem(column, t.seconds({ min, max }));
    else doc[field] = n;
  };
  seconds('time_limit', 'timeLimitSec', 5, 240);
  seconds('read_time', 'readTimeSec', 0, 30);
  if (cells.points !== undefined) {
    const points = pointsLevel(cells.points);
    if (points) doc.points = points;
    else problem('points', t.points());
  }
  if (cells.explanation !== undefined) doc.explanation = cells.explanation;
  if (cells.image_url !== undefined) doc.imageUrl = cells.image_url;

  switch (type) {
    case 'single':
    case 'multi': {
      doc.options = filled.map((a) => a.value);
      const picks = answerNumbers(correct, answers, problem, locale);
      if (picks === undefined) break;
      const indexes = picks.map((n) => filled.findIndex((a) => a.column === ANSWER_COLUMNS[n - 1]));
      if (type === 'single') {
        if (indexes.length !== 1) problem('correct', t.singleOneAnswer());
        else doc.correct = indexes[0];
      } else {
        doc.correct = indexes;
      }
      break;
    }
    case 'poll':
      doc.options = filled.map((a) => a.value);
      if (correct !== '') problem('correct', t.pollNoCorrect());
      break;
    case 'true-false': {
      const value = correct.toLowerCase();
      if (['true', '1', 'yes', 'wahr', 'vrai'].includes(value)) doc.correct = true;
      else if (['false', '2', 'no', 'falsch', 'faux'].includes(value)) doc.correct = false;
      else problem('correct', t.trueFalse());
      break;
    }
    case 'type-answer': {
      const accepted = splitSpellings(correct);
      if (accepted.length === 0) problem('correct', t.typeAnswerList());
      doc.accepted = accepted;
      break;
    }
    case 'slider': {
      const number = (column: QuizSheetColumn, field: string, required: boolean) => {
        const raw = cells[column];
        if (raw === undefined) {
          if (required) problem(column, t.needsNumber());
          return;
        }
        const n = decimal(raw);
        if (n === undefined) problem(column, t.mustBeNumber());
        else doc[field] = n;
      };
      number('slider_min', 'min', true);
      number('slider_max', 'max', true);
      number('slider_step', 'step', false);
      number('slider_tolerance', 'tolerance', false);
      number('correct', 'correct', true);
      break;
    }
    case 'ordering':
      doc.items = filled.map((a) => a.value);
      break;
    case 'word-cloud':
    case 'open-answer':
    case 'slide':
      // Nothing to grade: an answer key here is a mistake worth saying, not silently dropped.
      if (correct !== '') problem('correct', t.pollNoCorrect());
      // A slide's text under the title sits in the explanation column (the sheet has no other).
      if (type === 'slide' && doc.explanation !== undefined) {
        doc.body = doc.explanation;
        delete doc.explanation;
      }
      break;
  }
  if (issues.length > 0) return { ok: false, issues };

  const checked = questionSchema.safeParse(doc, schemaParseOptions(locale));
  if (checked.success) return { ok: true, question: checked.data };
  for (const i of checked.error.issues) {
    const [field, index] = i.path;
    const list = field === 'options' || field === 'items' ? (type === 'ordering' ? doc.items : doc.options) : undefined;
    let column: QuizSheetColumn | undefined = FIELD_COLUMNS[String(field)];
    if (list !== undefined) column = typeof index === 'number' ? filled[index]?.column : undefined;
    const message = list !== undefined && typeof index !== 'number' ? i.message.replace(/options|items/, 'answers') : i.message;
    problem(column, translateSchemaMessage(locale, message));
  }
  return { ok: false, issues };
}

function questionType(raw: string | undefined, correct: string, problem: (c: QuizSheetColumn | undefined, m: string) => void, locale: ServerLocale): QuestionType | null {
  const t = importMessages(locale);
  if (raw !== undefined) {
    const type = TYPE_NAMES[raw.toLowerCase().replace(/[\s\-_/]+/g, '')];
    if (!type) problem('type', t.unknownType({ type: raw }));
    return type ?? null;
  }
  if (/^\d+(?:\s*[,;]\s*\d+)*$/.test(correct)) return correct.split(/[,;]/).length > 1 ? 'multi' : 'single';
  if (/^(true|false)$/i.test(correct)) return 'true-false';
  if (correct === '') problem('correct', t.answerOrType());
  else problem('type', t.setType());
  return null;
}

/** "1, 3" → [1, 3], each naming an answer column that is filled. */
function answerNumbers(correct: string, answers: ReadonlyArray<{ column: string; value: string }>, problem: (c: QuizSheetColumn | undefined, m: string) => void, locale: ServerLocale): number[] | undefined {
  const t = importMessages(locale);
  if (correct === '') {
    problem('correct', t.answerNumber());
    return undefined;
  }
  if (!/^\d+(?:\s*[,;]\s*\d+)*$/.test(correct)) {
    problem('correct', t.answerNumbersFormat());
    return undefined;
  }
  const numbers = correct.split(/[,;]/).map((s) => Number.parseInt(s, 10));
  for (const n of numbers) {
    if (n < 1 || n > 6) {
      problem('correct', t.noSuchAnswer({ n }));
      return undefined;
    }
    if (answers[n - 1]?.value === '') {
      problem('correct', t.answerEmpty({ n }));
      return undefined;
    }
  }
  if (new Set(numbers).size !== numbers.length) {
    problem('correct', t.answerTwice());
    return undefined;
  }
  return numbers;
}

/** Whole seconds: "20", "20.0", "20 s", "20 sec". */
function wholeSeconds(raw: string): number | undefined {
  const m = /^(\d+)(?:\.0+)?\s*(?:s|sec|secs|seconds?)?$/i.exec(raw.trim());
  return m ? Number(m[1]) : undefined;
}

/** A number with a dot or a decimal comma ("12,5" from a spreadsheet in German or French). */
function decimal(raw: string): number | undefined {
  const s = raw.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function pointsLevel(raw: string): 'standard' | 'double' | 'none' | undefined {
  const s = raw.trim().toLowerCase();
  if (s === 'standard' || s === '1000' || s === 'normal' || s === 'x1') return 'standard';
  if (s === 'double' || s === '2000' || s === 'x2') return 'double';
  if (s === 'none' || s === '0' || s === 'no points') return 'none';
  return undefined;
}

/** "Zürich | Zurich" → ["Zürich", "Zurich"]; `\|` is a bar inside a spelling, `\\` a backslash. */
export function splitSpellings(raw: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i] as string;
    if (c === '\\' && (raw[i + 1] === '|' || raw[i + 1] === '\\')) {
      current += raw[i + 1];
      i += 1;
    } else if (c === '|') {
      out.push(current.trim());
      current = '';
    } else current += c;
  }
  out.push(current.trim());
  return out.filter((s) => s !== '');
}

/** The inverse of splitSpellings. */
export function joinSpellings(spellings: readonly string[]): string {
  return spellings.map((s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join(' | ');
}

/** A question as the cells of one row (numbers where a spreadsheet should see numbers). */
export function cellsOfQuestion(q: Question): Partial<Record<QuizSheetColumn, string | number>> {
  const cells: Partial<Record<QuizSheetColumn, string | number>> = { question: q.text, type: q.type };
  const list = (values: readonly string[]) => values.forEach((v, i) => (cells[ANSWER_COLUMNS[i] as QuizSheetColumn] = v));
  switch (q.type) {
    case 'single':
      list(q.options);
      cells.correct = q.correct + 1;
      break;
    case 'multi':
      list(q.options);
      cells.correct = q.correct.map((c) => c + 1).join(',');
      break;
    case 'poll':
      list(q.options);
      break;
    case 'true-false':
      // As Kahoot's layout would have it: two answers and the right one's number.
      list(['True', 'False']);
      cells.correct = q.correct ? 1 : 2;
      break;
    case 'type-answer':
      cells.correct = joinSpellings(q.accepted);
      break;
    case 'slider':
      cells.correct = q.correct;
      cells.slider_min = q.min;
      cells.slider_max = q.max;
      cells.slider_step = q.step;
      cells.slider_tolerance = q.tolerance;
      break;
    case 'ordering':
      list(q.items);
      break;
    case 'word-cloud':
    case 'open-answer':
      break;
    case 'slide':
      // No timer and no points; the text under the title goes in the explanation column.
      if (q.body !== undefined) cells.explanation = q.body;
      if (q.imageUrl !== undefined) cells.image_url = q.imageUrl;
      if (q.id !== undefined) cells.question_id = q.id;
      return cells;
  }
  cells.time_limit = q.timeLimitSec;
  cells.points = q.points;
  if (q.explanation !== undefined) cells.explanation = q.explanation;
  if (q.imageUrl !== undefined) cells.image_url = q.imageUrl;
  if (q.readTimeSec !== undefined) cells.read_time = q.readTimeSec;
  if (q.id !== undefined) cells.question_id = q.id;
  return cells;
}
