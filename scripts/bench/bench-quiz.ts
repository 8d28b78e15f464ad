import type { QuestionInput, QuizInput } from '@quizbus/shared';

/** One question of every type, in the order the benchmark cycles through them. */
const CYCLE: QuestionInput[] = [
  { type: 'single', text: 'Which word names a fact in the past tense?', options: ['Command', 'Event', 'Query', 'View'], correct: 1 },
  { type: 'multi', text: 'Which of these are message brokers?', options: ['Redis', 'RabbitMQ', 'CSS', 'Kafka'], correct: [0, 1, 3] },
  { type: 'true-false', text: 'An event log is append-only.', correct: true },
  { type: 'slider', text: 'In what year was Redis first released?', min: 2000, max: 2020, step: 1, correct: 2009, tolerance: 0 },
  { type: 'type-answer', text: 'Which protocol gives a browser a two-way connection?', accepted: ['WebSocket', 'websockets'] },
  { type: 'ordering', text: 'Put the steps of a command in order.', items: ['decide', 'append', 'publish', 'acknowledge'] },
  { type: 'poll', text: 'How was this quiz?', options: ['Great', 'Fine', 'Meh'] },
];

/**
 * The benchmark's quiz: `questions` questions cycling through every type, so every grading and
 * reveal path is on the measured path. Numbered texts keep them apart.
 */
export function benchQuiz(questions: number, readTimeSec: number, timeLimitSec: number): QuizInput {
  return {
    title: `Benchmark (${questions} questions)`,
    readTimeSec,
    questions: Array.from({ length: questions }, (_, i) => {
      const q = CYCLE[i % CYCLE.length] as QuestionInput;
      return { ...q, text: `${q.text} (${i + 1})`, timeLimitSec };
    }),
  };
}
