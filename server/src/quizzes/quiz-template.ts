import { quizSchema } from '@quizbus/shared';
import type { QuizDocument } from './quiz-rows.ts';

/**
 * The example quiz behind the downloadable templates (template.csv, template.xlsx) and
 * docs/examples: one question of each type, so every column is shown in use.
 */
export const TEMPLATE_QUIZ: QuizDocument = quizSchema.parse({
  title: 'Quiz template',
  description: 'One example question of each type. Replace them with your own.',
  readTimeSec: 3,
  questions: [
    {
      type: 'single',
      text: 'Which planet is known as the red planet?',
      options: ['Venus', 'Mars', 'Jupiter', 'Saturn'],
      correct: 1,
      timeLimitSec: 20,
      explanation: 'Iron oxide dust makes Mars look red.',
    },
    { type: 'multi', text: 'Which of these are prime numbers?', options: ['2', '4', '5', '9'], correct: [0, 2], timeLimitSec: 30, points: 'double' },
    { type: 'true-false', text: 'Water boils at 100 °C at sea level.', correct: true, timeLimitSec: 10 },
    { type: 'type-answer', text: 'What is the capital of Switzerland?', accepted: ['Bern', 'Berne'], timeLimitSec: 30 },
    { type: 'slider', text: 'In which year did people first walk on the Moon?', min: 1950, max: 2000, step: 1, correct: 1969, tolerance: 1, timeLimitSec: 30 },
    { type: 'ordering', text: 'Put these in order, smallest first.', items: ['Atom', 'Cell', 'Organ', 'Human'], timeLimitSec: 30 },
    { type: 'poll', text: 'Which topic should we review next?', options: ['Planets', 'Numbers', 'Cities'], timeLimitSec: 20, points: 'none' },
    { type: 'word-cloud', text: 'One word for today’s lesson?', timeLimitSec: 30, points: 'none' },
    { type: 'open-answer', text: 'What would you like to know more about?', timeLimitSec: 60, points: 'none' },
    { type: 'slide', text: 'Well done!', body: 'Next: the answers and a short discussion.' },
  ].map((q, i) => ({ ...q, id: `q${i + 1}` })),
});
