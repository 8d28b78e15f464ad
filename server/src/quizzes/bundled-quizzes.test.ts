import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { quizSchema, QUESTION_TYPES, type Quiz } from '@quizbus/shared';

const QUIZ_DIR = new URL('../../quizzes/', import.meta.url);

const files = readdirSync(QUIZ_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

function load(name: string) {
  const raw: unknown = JSON.parse(readFileSync(new URL(name, QUIZ_DIR), 'utf8'));
  return quizSchema.safeParse(raw);
}

function loadQuiz(name: string): Quiz {
  const result = load(name);
  if (!result.success) throw new Error(`${name}: ${result.error.message}`);
  return result.data as Quiz;
}

/** The cheat sheet's five multiple-choice questions, with the text of the correct option. */
const CHEAT_SHEET_MCQS: ReadonlyArray<{ text: string; correct: string }> = [
  {
    text: 'Which FastAPI feature allows running code after sending a response without blocking the user?',
    correct: 'Background tasks',
  },
  { text: 'In event-driven architecture, components communicate by:', correct: 'Sending and reacting to events' },
  {
    text: 'Which of these is a common message broker used with FastAPI for event-driven apps?',
    correct: 'RabbitMQ',
  },
  {
    text: "What role do WebSockets play in FastAPI's event-driven architecture?",
    correct: 'Enable real-time two-way communication',
  },
  {
    text: 'Why is event-driven architecture good for scalability?',
    correct: 'It decouples components and handles tasks asynchronously',
  },
];

describe('bundled quizzes', () => {
  it('include the two shipped quizzes', () => {
    expect(files).toEqual(expect.arrayContaining(['event-driven-architecture.json', 'general-knowledge.json']));
  });

  describe.each(files)('%s', (name) => {
    it('parses with quizSchema', () => {
      const result = load(name);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(result.success).toBe(true);
    });

    it('is named <id>.json', () => {
      const quiz = loadQuiz(name);
      expect(quiz.id).toBeDefined();
      expect(`${quiz.id}.json`).toBe(name);
    });

    it('gives every question a unique id and an explanation', () => {
      const quiz = loadQuiz(name);
      const ids = quiz.questions.map((q) => q.id);
      for (const id of ids) expect(id).toMatch(/^q\d+$/);
      expect(new Set(ids).size).toBe(ids.length);
      for (const q of quiz.questions) {
        expect(q.type === 'slide' ? q.body : q.explanation, `question ${q.id}`).toBeTruthy();
      }
    });

    it('scores polls with no points', () => {
      const quiz = loadQuiz(name);
      for (const q of quiz.questions) {
        if (q.type === 'poll') expect(q.points, `question ${q.id}`).toBe('none');
      }
    });
  });

  describe('event-driven-architecture', () => {
    const quiz = loadQuiz('event-driven-architecture.json');

    it('has the expected title', () => {
      expect(quiz.title).toBe('Event-driven architecture');
    });

    it.each(CHEAT_SHEET_MCQS)("contains the cheat sheet's question: $text", ({ text, correct }) => {
      const q = quiz.questions.find((question) => question.text === text);
      expect(q, `missing question: ${text}`).toBeDefined();
      if (q?.type !== 'single') throw new Error(`expected a single question, got ${q?.type}`);
      expect(q.options).toHaveLength(4);
      expect(q.options[q.correct]).toBe(correct);
    });

    it.each(['true-false', 'type-answer', 'ordering', 'poll', 'multi'] as const)('has at least one %s question', (type) => {
      expect(quiz.questions.some((q) => q.type === type)).toBe(true);
    });

    it('uses only known question types', () => {
      for (const q of quiz.questions) expect(QUESTION_TYPES).toContain(q.type);
    });
  });
});
