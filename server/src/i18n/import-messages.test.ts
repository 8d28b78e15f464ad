import { describe, expect, it } from 'vitest';
import { quizFromCsv } from '../quizzes/quiz-csv.ts';
import { IMPORT_MESSAGES, type ImportMessageKey, type ImportMessages } from './import-messages.ts';
import { SERVER_LOCALES } from './report-labels.ts';
import { SCHEMA_MESSAGES, translateSchemaMessage } from './schema-messages.ts';

/** Distinct placeholder values for each message: every language must show each of them. */
const PLACEHOLDERS: { [K in ImportMessageKey]: Parameters<ImportMessages[K]>[0] extends undefined ? Record<string, never> : Parameters<ImportMessages[K]>[0] } = {
  summary: { count: 7 },
  unknownColumn: { column: 'COLUMN_X', columns: 'COLUMNS_Y' },
  duplicateColumn: { column: 'COLUMN_X' },
  noQuestionColumn: {},
  tooManyQuestions: { max: 123, count: 456 },
  noQuestions: {},
  seconds: { min: 17, max: 289 },
  points: {},
  singleOneAnswer: {},
  pollNoCorrect: {},
  trueFalse: {},
  typeAnswerList: {},
  needsNumber: {},
  mustBeNumber: {},
  unknownType: { type: 'TYPE_Z' },
  answerOrType: {},
  setType: {},
  answerNumber: {},
  answerNumbersFormat: {},
  noSuchAnswer: { n: 9 },
  answerEmpty: { n: 9 },
  answerTwice: {},
  unclosedQuote: {},
  emptyFile: {},
  notXlsx: {},
  noSheet: {},
  noHeaderRow: { rows: 37 },
};

const say = (messages: ImportMessages, key: ImportMessageKey): string => (messages[key] as (p: object) => string)(PLACEHOLDERS[key]);

describe('import refusal messages in every language', () => {
  it('has every message in every language, with the same placeholders, and translated', () => {
    const keys = Object.keys(IMPORT_MESSAGES.en).sort();
    for (const locale of SERVER_LOCALES) {
      expect(Object.keys(IMPORT_MESSAGES[locale]).sort(), locale).toEqual(keys);
      for (const key of keys as ImportMessageKey[]) {
        const text = say(IMPORT_MESSAGES[locale], key);
        for (const value of Object.values(PLACEHOLDERS[key])) expect(text, `${locale} ${key}`).toContain(String(value));
        if (locale !== 'en') expect(text, `${locale} ${key}`).not.toBe(say(IMPORT_MESSAGES.en, key));
      }
    }
  });

  it('has every schema message in every other language, keeping its number', () => {
    for (const locale of SERVER_LOCALES) {
      if (locale === 'en') continue;
      expect(Object.keys(SCHEMA_MESSAGES[locale]).sort(), locale).toEqual(Object.keys(SCHEMA_MESSAGES.de).sort());
      expect(translateSchemaMessage(locale, 'at most 120 characters'), locale).toContain('120');
      expect(translateSchemaMessage(locale, 'at least 2 answers'), locale).toContain('2');
      expect(translateSchemaMessage(locale, 'must not be empty'), locale).not.toBe('must not be empty');
    }
    expect(translateSchemaMessage('en', 'must not be empty')).toBe('must not be empty');
  });

  it('words a refused CSV in the language asked for; rows and columns stay as they are', () => {
    const csv = ['question,answer_1,answer_2,correct,time_limit', 'No answers,,,1,20', 'Too slow,a,b,1,999'].join('\n');
    const en = quizFromCsv(csv, 'Broken');
    const de = quizFromCsv(csv, 'Broken', 'de');
    expect(en).toEqual({
      ok: false,
      issues: [
        { row: 2, column: 'correct', message: 'answer 1 is empty' },
        { row: 3, column: 'time_limit', message: 'must be a whole number of seconds from 5 to 240' },
      ],
    });
    expect(de).toEqual({
      ok: false,
      issues: [
        { row: 2, column: 'correct', message: 'Antwort 1 ist leer' },
        { row: 3, column: 'time_limit', message: 'muss eine ganze Zahl von Sekunden zwischen 5 und 240 sein' },
      ],
    });
    // The shared schema's own wording, translated: an answer over 120 characters.
    const tooLong = quizFromCsv(['question,answer_1,answer_2,correct', `Long,${'x'.repeat(121)},b,1`].join('\n'), 'Broken', 'pl');
    expect(tooLong).toEqual({ ok: false, issues: [{ row: 2, column: 'answer_1', message: 'najwyżej 120 znaków' }] });
    expect(quizFromCsv('', 'Empty', 'zh-CN')).toEqual({ ok: false, issues: [{ message: '文件为空' }] });
  });
});
