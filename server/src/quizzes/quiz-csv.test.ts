import { describe, expect, it } from 'vitest';
import { parseCsv } from '../spreadsheets/csv.ts';
import { loadBundledQuizzes } from './bundled.ts';
import { quizFromCsv, quizToCsv } from './quiz-csv.ts';
import type { QuizDocument } from './quiz-rows.ts';
import { TEMPLATE_QUIZ } from './quiz-template.ts';

/** The document without its library id: what an import gives back. */
const withoutId = ({ id: _id, ...doc }: QuizDocument) => doc;

const imported = (text: string, title = 'Fallback') => {
  const result = quizFromCsv(text, title);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.quiz;
};

describe('quiz CSV import and export', () => {
  it('round-trips a quiz with every question type', () => {
    expect(imported(quizToCsv(TEMPLATE_QUIZ))).toEqual(TEMPLATE_QUIZ);
  });

  it('round-trips every bundled quiz', () => {
    for (const quiz of loadBundledQuizzes()) expect(withoutId(imported(quizToCsv(quiz)))).toEqual(withoutId(quiz));
  });

  it('round-trips awkward text: formulas, quotes, separators, bars in accepted answers, line breaks', () => {
    const quiz: QuizDocument = {
      title: '=cmd|"/c calc"!A1',
      readTimeSec: 0,
      questions: [
        { id: 'a', type: 'single', text: '-5 °C, or "minus five"; which?', options: ['+5', '@home', "'=x", 'a\nb'], correct: 0, timeLimitSec: 5, points: 'none' },
        { id: 'b', type: 'type-answer', text: 'Type a | b', accepted: ['a | b', 'back\\slash', 'x'], timeLimitSec: 240, points: 'standard', readTimeSec: 30 },
        { id: 'c', type: 'slider', text: 'Slide', min: -10.5, max: 0.25, step: 0.05, correct: -0.1, tolerance: 0.15, timeLimitSec: 20, points: 'double' },
      ],
    };
    expect(imported(quizToCsv(quiz))).toEqual(quiz);
  });

  it('writes the documented header and the quiz fields in the first row', () => {
    const [header, first, second] = (parseCsv(quizToCsv(TEMPLATE_QUIZ)) as { ok: true; records: string[][] }).records;
    expect(header?.slice(0, 9)).toEqual(['question', 'type', 'answer_1', 'answer_2', 'answer_3', 'answer_4', 'answer_5', 'answer_6', 'correct']);
    expect(first?.at(-3)).toBe('Quiz template');
    expect(second?.at(-3)).toBe('');
  });

  it('reads a hand-made file: Kahoot-style headers, any column order, types worked out from correct', () => {
    const text = [
      'Question - max 120 characters;Answer 1 - max 75 characters;Answer 2;Answer 3;Answer 4;Time limit (sec);Correct answer(s)',
      'Capital of France?;Paris;Rome;;Madrid;30;1',
      'Even numbers?;1;2;3;4;20;"2,4"',
      'The sky is blue.;;;;;10;true',
    ].join('\n');
    const quiz = imported(text, 'Geography');
    expect(quiz.title).toBe('Geography');
    expect(quiz.questions).toEqual([
      { id: 'q1', type: 'single', text: 'Capital of France?', options: ['Paris', 'Rome', 'Madrid'], correct: 0, timeLimitSec: 30, points: 'standard' },
      { id: 'q2', type: 'multi', text: 'Even numbers?', options: ['1', '2', '3', '4'], correct: [1, 3], timeLimitSec: 20, points: 'standard' },
      { id: 'q3', type: 'true-false', text: 'The sky is blue.', correct: true, timeLimitSec: 10, points: 'standard' },
    ]);
  });

  it('reads word clouds, open answers and slides under the names teachers use; a slide’s text sits in the explanation column', () => {
    const text = [
      'question,type,time_limit,explanation,image_url,correct',
      'One word?,Word cloud,30,,,',
      'Your thoughts?,open-ended,60,,,',
      'Break,slide,,Time to discuss.,https://example.org/a.png,',
      'Stray key,wordcloud,,,,Kafka',
    ].join('\n');
    const result = quizFromCsv(text, 'Free text');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ row: 5, column: 'correct', message: expect.any(String) }]);
    const quiz = imported(text.split('\n').slice(0, 4).join('\n'));
    expect(quiz.questions).toEqual([
      { id: 'q1', type: 'word-cloud', text: 'One word?', timeLimitSec: 30, points: 'none' },
      { id: 'q2', type: 'open-answer', text: 'Your thoughts?', timeLimitSec: 60, points: 'none' },
      { id: 'q3', type: 'slide', text: 'Break', body: 'Time to discuss.', imageUrl: 'https://example.org/a.png' },
    ]);
  });

  it('maps answer numbers past an empty answer column to the right option', () => {
    const quiz = imported('question,answer_1,answer_2,answer_3,answer_4,correct\nPick,A,,C,D,4');
    expect(quiz.questions[0]).toMatchObject({ options: ['A', 'C', 'D'], correct: 2 });
  });

  it('reports every rejected row with its row number and reason, and imports nothing', () => {
    const text = [
      'question,type,answer_1,answer_2,answer_3,correct,time_limit,points,slider_min,slider_max',
      'Fine,single,a,b,,1,20,,,', // row 2: fine
      ',single,a,b,,1,20,,,', // row 3: no text
      'Too few,single,a,,,1,20,,,', // row 4: one answer
      'Bad number,single,a,b,,5,20,,,', // row 5: no answer 5 (not even a column)
      'Empty pick,,a,b,,3,20,,,', // row 6: answer 3 empty
      'Slow,single,a,b,,1,300,,,', // row 7: time limit
      'Points,single,a,b,,1,20,triple,,', // row 8: points
      'Kind,essay,a,b,,1,20,,,', // row 9: type
      'Upside down,slider,,,,5,20,,10,0', // row 10: max < min
      'Two right,single,a,b,c,"1,2",20,,,', // row 11: single with two
      'Poll,poll,a,b,,1,20,,,', // row 12: poll with an answer
      '', // blank line: skipped
      'Fine too,multi,a,b,c,"1,3",20,double,,', // row 14: fine
    ].join('\r\n');
    const result = quizFromCsv(text, 'Mixed');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { row: 3, column: 'question', message: 'must not be empty' },
      { row: 4, message: 'at least 2 answers' },
      { row: 5, column: 'correct', message: 'answer 5 is empty' },
      { row: 6, column: 'correct', message: 'answer 3 is empty' },
      { row: 7, column: 'time_limit', message: 'must be a whole number of seconds from 5 to 240' },
      { row: 8, column: 'points', message: 'must be standard, double or none (or 1000, 2000, 0)' },
      { row: 9, column: 'type', message: expect.stringContaining('unknown type "essay"') },
      { row: 10, column: 'slider_max', message: 'must be greater than min' },
      { row: 10, column: 'correct', message: 'must lie between min and max' },
      { row: 11, column: 'correct', message: expect.stringContaining('one right answer') },
      { row: 12, column: 'correct', message: 'a poll has no right answer: leave correct empty' },
    ]);
  });

  it('refuses unknown or repeated columns, a missing question column, and an empty file', () => {
    expect(quizFromCsv('question,anwser_1\nQ,a', 'x')).toEqual({ ok: false, issues: [{ row: 1, column: 'anwser_1', message: expect.stringContaining('unknown column') }] });
    expect(quizFromCsv('question,answer_1,Answer 1\nQ,a,b', 'x')).toMatchObject({ ok: false, issues: [{ row: 1, column: 'answer_1', message: 'the column answer_1 appears twice' }] });
    expect(quizFromCsv('text2,answer_1\nQ,a', 'x')).toMatchObject({ ok: false, issues: [{ row: 1, column: 'text2' }, { row: 1, message: 'no "question" column in the header row' }] });
    expect(quizFromCsv('question,correct\nQ,7', 'x')).toMatchObject({ ok: false, issues: [{ row: 2, column: 'correct', message: 'there is no answer 7: answers are numbered 1 to 6' }] });
    expect(quizFromCsv('question,correct\n', 'x')).toEqual({ ok: false, issues: [{ message: 'the file has no questions under its header row' }] });
    expect(quizFromCsv('', 'x')).toEqual({ ok: false, issues: [{ message: 'the file is empty' }] });
    expect(quizFromCsv('question\n"never closed', 'x')).toMatchObject({ ok: false, issues: [{ row: 2 }] });
  });

  it('refuses more than 100 questions and a bad quiz title', () => {
    const rows = Array.from({ length: 101 }, (_, i) => `Q${i},true-false,true`);
    expect(quizFromCsv(['question,type,correct', ...rows].join('\n'), 'x')).toEqual({
      ok: false,
      issues: [{ row: 102, message: 'a quiz holds at most 100 questions; this is question 101' }],
    });
    const long = 'T'.repeat(121);
    expect(quizFromCsv(`question,type,correct,quiz_title\nQ,true-false,true,${long}`, 'x')).toEqual({
      ok: false,
      issues: [{ row: 2, column: 'quiz_title', message: 'at most 120 characters' }],
    });
  });
});
