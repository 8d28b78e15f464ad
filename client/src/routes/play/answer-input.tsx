import type { Answer, PublicQuestion } from '@quizbus/shared';
import { ChoiceAnswer } from './choice-answer.tsx';
import { OrderingAnswer } from './ordering-answer.tsx';
import { SliderAnswer } from './slider-answer.tsx';
import { TextAnswer } from './text-answer.tsx';

/** The server's limit for a word-cloud entry (server/src/engine/responses.ts). */
const WORD_MAX_CHARS = 40;

/** The right input for the question's type. */
export function AnswerInput({ question, disabled, onAnswer }: { question: PublicQuestion; disabled: boolean; onAnswer: (a: Answer) => void }) {
  switch (question.type) {
    case 'single':
    case 'true-false':
    case 'poll':
    case 'multi':
      return <ChoiceAnswer options={question.options ?? []} multiple={question.type === 'multi'} disabled={disabled} onAnswer={onAnswer} />;
    case 'type-answer':
    case 'open-answer':
      return <TextAnswer disabled={disabled} onAnswer={onAnswer} />;
    case 'word-cloud':
      return <TextAnswer disabled={disabled} onAnswer={onAnswer} maxLength={WORD_MAX_CHARS} />;
    case 'slide':
      return null;
    case 'slider': {
      const s = question.slider ?? { min: 0, max: 100, step: 1 };
      return <SliderAnswer min={s.min} max={s.max} step={s.step} disabled={disabled} onAnswer={onAnswer} />;
    }
    case 'ordering':
      return <OrderingAnswer items={question.items ?? []} disabled={disabled} onAnswer={onAnswer} />;
  }
}
