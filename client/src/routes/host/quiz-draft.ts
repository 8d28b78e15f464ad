import {
  quizSchema,
  type PointsLevel,
  type QuestionInput,
  type QuestionType,
  type Quiz,
  type QuizInput,
} from '@quizbus/shared';
import type { Translate } from '../../i18n/i18n-context.ts';
import { validationText } from './validation-text.ts';

/**
 * The editor's working copy of a quiz. Inputs hold strings (a number field may be half
 * typed), so the draft is converted to a quiz document only to validate and save; field
 * errors come back keyed by the document path ("questions.0.options.1").
 */
export interface DraftQuestion {
  /** React key; survives reordering. */
  key: string;
  id?: string;
  type: QuestionType;
  text: string;
  imageUrl: string;
  /** The image shows on phones too (imageOnPhones). */
  imageOnPhones: boolean;
  timeLimitSec: string;
  /** Empty: the quiz's read time. */
  readTimeSec: string;
  points: PointsLevel;
  explanation: string;
  /** single, multi, poll */
  options: string[];
  /** single: one index; multi: several. */
  correct: number[];
  trueFalse: boolean;
  accepted: string[];
  min: string;
  max: string;
  step: string;
  value: string;
  tolerance: string;
  /** ordering: in the right order. */
  items: string[];
  /** slide: the text under the title. */
  body: string;
}

export interface QuizDraft {
  title: string;
  description: string;
  readTimeSec: string;
  questions: DraftQuestion[];
}

/** Field path → message, e.g. { 'questions.0.text': 'must not be empty' }. */
export type FieldErrors = Record<string, string>;

let keyCounter = 0;
const newKey = () => `q${Date.now().toString(36)}${(keyCounter += 1)}`;

/** A blank question of a type, with sensible starting values. */
export function newQuestion(type: QuestionType = 'single'): DraftQuestion {
  return {
    key: newKey(),
    type,
    text: '',
    imageUrl: '',
    imageOnPhones: false,
    timeLimitSec: '20',
    readTimeSec: '',
    points: unscored(type) ? 'none' : 'standard',
    explanation: '',
    options: ['', '', '', ''],
    correct: [0],
    trueFalse: true,
    accepted: [''],
    min: '0',
    max: '100',
    step: '1',
    value: '50',
    tolerance: '0',
    items: ['', '', ''],
    body: '',
  };
}

/** Types that never give points: polls, word clouds, open answers and slides. */
function unscored(type: QuestionType): boolean {
  return type === 'poll' || type === 'word-cloud' || type === 'open-answer' || type === 'slide';
}

export function newDraft(): QuizDraft {
  return { title: '', description: '', readTimeSec: '3', questions: [newQuestion()] };
}

/** Changes a question's type, keeping what carries over (text, times, options). */
export function withType(q: DraftQuestion, type: QuestionType): DraftQuestion {
  const correct = type === 'single' ? [q.correct[0] ?? 0] : q.correct.length > 0 ? q.correct : [0];
  return { ...q, type, correct, points: unscored(type) ? 'none' : q.points === 'none' ? 'standard' : q.points };
}

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The editor's copy of a saved quiz. */
export function draftFromQuiz(quiz: Quiz | QuizInput): QuizDraft {
  return {
    title: quiz.title,
    description: quiz.description ?? '',
    readTimeSec: str(quiz.readTimeSec ?? 3),
    questions: quiz.questions.map((q) => {
      if (q.type === 'slide') {
        return { ...newQuestion('slide'), ...(q.id ? { id: q.id } : {}), text: q.text, imageUrl: q.imageUrl ?? '', body: q.body ?? '' };
      }
      const d: DraftQuestion = {
        ...newQuestion(q.type),
        ...(q.id ? { id: q.id } : {}),
        text: q.text,
        imageUrl: q.imageUrl ?? '',
        imageOnPhones: q.imageOnPhones === true,
        timeLimitSec: str(q.timeLimitSec ?? 20),
        readTimeSec: str(q.readTimeSec),
        points: q.points ?? 'standard',
        explanation: q.explanation ?? '',
      };
      switch (q.type) {
        case 'single':
          return { ...d, options: [...q.options], correct: [q.correct] };
        case 'multi':
          return { ...d, options: [...q.options], correct: [...q.correct] };
        case 'poll':
          return { ...d, options: [...q.options] };
        case 'true-false':
          return { ...d, trueFalse: q.correct };
        case 'type-answer':
          return { ...d, accepted: [...q.accepted] };
        case 'slider':
          return { ...d, min: str(q.min), max: str(q.max), step: str(q.step ?? 1), value: str(q.correct), tolerance: str(q.tolerance ?? 0) };
        case 'ordering':
          return { ...d, items: [...q.items] };
        case 'word-cloud':
        case 'open-answer':
          return d;
      }
    }),
  };
}

/** A number from a field: undefined when empty, NaN when not a number (zod reports both). */
function num(s: string): number | undefined {
  return s.trim() === '' ? undefined : Number(s);
}

/** The quiz document a draft stands for (not yet validated). */
export function quizFromDraft(draft: QuizDraft): QuizInput {
  const questions = draft.questions.map((d): QuestionInput => {
    if (d.type === 'slide') {
      return {
        ...(d.id ? { id: d.id } : {}),
        type: 'slide',
        text: d.text,
        ...(d.body.trim() ? { body: d.body } : {}),
        ...(d.imageUrl.trim() ? { imageUrl: d.imageUrl.trim() } : {}),
      };
    }
    const base = {
      ...(d.id ? { id: d.id } : {}),
      text: d.text,
      ...(d.imageUrl.trim() ? { imageUrl: d.imageUrl.trim() } : {}),
      ...(d.imageUrl.trim() && d.imageOnPhones ? { imageOnPhones: true } : {}),
      timeLimitSec: num(d.timeLimitSec) as number,
      ...(d.readTimeSec.trim() ? { readTimeSec: num(d.readTimeSec) as number } : {}),
      points: d.points,
      ...(d.explanation.trim() ? { explanation: d.explanation } : {}),
    };
    switch (d.type) {
      case 'single':
        return { ...base, type: 'single', options: d.options, correct: d.correct[0] ?? -1 };
      case 'multi':
        return { ...base, type: 'multi', options: d.options, correct: d.correct };
      case 'poll':
        return { ...base, type: 'poll', options: d.options };
      case 'true-false':
        return { ...base, type: 'true-false', correct: d.trueFalse };
      case 'type-answer':
        return { ...base, type: 'type-answer', accepted: d.accepted };
      case 'slider':
        return {
          ...base,
          type: 'slider',
          min: num(d.min) as number,
          max: num(d.max) as number,
          step: num(d.step) as number,
          correct: num(d.value) as number,
          tolerance: num(d.tolerance) as number,
        };
      case 'ordering':
        return { ...base, type: 'ordering', items: d.items };
      case 'word-cloud':
      case 'open-answer':
        return { ...base, type: d.type, points: 'none' };
    }
  });
  return {
    title: draft.title,
    ...(draft.description.trim() ? { description: draft.description } : {}),
    readTimeSec: num(draft.readTimeSec),
    questions,
  };
}

/** Checks a draft with the shared quiz schema: the same rules the server applies on save. */
export function validateDraft(draft: QuizDraft, t: Translate): { quiz: QuizInput; errors: FieldErrors } {
  const quiz = quizFromDraft(draft);
  const parsed = quizSchema.safeParse(quiz);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= validationText(t, issue);
    }
  }
  return { quiz, errors };
}

/** Server issues ({ path, message }) in the same shape as local errors. */
export function errorsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues) errors[i.path.map(String).join('.')] ??= i.message;
  return errors;
}
