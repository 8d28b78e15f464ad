import type { QuestionState } from '@quizbus/shared';

const TYPE_HINT: Record<QuestionState['question']['type'], string> = {
  single: 'Pick one answer',
  multi: 'Pick every right answer',
  'true-false': 'True or false?',
  'type-answer': 'Type the answer',
  slider: 'Pick a number on the slider',
  ordering: 'Put them in the right order',
  poll: 'Poll: no right or wrong',
};

/** "Question 2 of 5", the question text (plain text, wraps any long word) and its image. */
export function QuestionHeading({ state, level = 1 }: { state: QuestionState; level?: 1 | 2 }) {
  const { question, index, total } = state;
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <header className="question-heading">
      <p className="question-heading__meta">
        <span>
          Question {index + 1} of {total}
        </span>
        <span className="question-heading__hint">{TYPE_HINT[question.type]}</span>
        {question.points === 2000 ? <span className="badge">Double points</span> : null}
        {question.points === 0 && question.type !== 'poll' ? <span className="badge">No points</span> : null}
      </p>
      <Heading className="question-heading__text" data-fit-box="">{question.text}</Heading>
      {question.imageUrl ? <img className="question-heading__image" src={question.imageUrl} alt="" referrerPolicy="no-referrer" /> : null}
    </header>
  );
}
