import { z } from 'zod';

/** Formats a quiz can be exported in (`GET /api/quizzes/:id/export?format=`). */
export const QUIZ_EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type QuizExportFormat = (typeof QUIZ_EXPORT_FORMATS)[number];

/**
 * Formats a quiz can be imported from (`POST /api/quizzes/import?format=`): the spreadsheets,
 * and the JSON export (its uploaded images embedded as data URLs).
 */
export const QUIZ_IMPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type QuizImportFormat = (typeof QUIZ_IMPORT_FORMATS)[number];

/**
 * One reason a spreadsheet import was refused. `row` is the row number a spreadsheet program
 * shows (the header is row 1 in a CSV file, row 8 in the Kahoot! layout); absent for a problem
 * with the file as a whole. `column` is the column's name as documented (e.g. `answer_2`).
 */
export const importIssueSchema = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/**
 * The columns of a quiz spreadsheet, in the order Quizbus writes them in CSV. Only `question`
 * is required in the header; docs/protocol.md explains each. The xlsx file uses the Kahoot!
 * layout for the first ones and these names (in words) for the rest.
 */
export const QUIZ_SHEET_COLUMNS = [
  'question',
  'type',
  'answer_1',
  'answer_2',
  'answer_3',
  'answer_4',
  'answer_5',
  'answer_6',
  'correct',
  'time_limit',
  'points',
  'explanation',
  'image_url',
  'read_time',
  'slider_min',
  'slider_max',
  'slider_step',
  'slider_tolerance',
  'question_id',
  'quiz_title',
  'quiz_description',
  'quiz_read_time',
] as const;
export type QuizSheetColumn = (typeof QUIZ_SHEET_COLUMNS)[number];
