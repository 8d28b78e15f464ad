import { quizSchema } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { englishT } from '../../i18n/test-i18n.tsx';
import { describePath } from './error-summary.tsx';
import { draftFromQuiz, newDraft, newQuestion, quizFromDraft, validateDraft, withType } from './quiz-draft.ts';

describe('quiz drafts', () => {
  it('reports each problem at the path of its field', () => {
    const { errors } = validateDraft(newDraft(), englishT);
    expect(errors.title).toBe('Must not be empty');
    expect(errors['questions.0.text']).toBe('Must not be empty');
    expect(errors['questions.0.options.2']).toBe('Must not be empty');
  });

  it('says "Enter a number" for a number field holding text, and keeps limits readable', () => {
    const draft = newDraft();
    const q = { ...withType(newQuestion(), 'slider'), text: 'How many?', min: 'ten', timeLimitSec: '2' };
    const { errors } = validateDraft({ ...draft, title: 'T', questions: [q] }, englishT);
    expect(errors['questions.0.min']).toBe('Enter a number');
    expect(errors['questions.0.timeLimitSec']).toBe('At least 5');
  });

  it('turns a filled draft of every type into a valid quiz and back', () => {
    const types = ['single', 'multi', 'true-false', 'type-answer', 'slider', 'ordering', 'poll', 'word-cloud', 'open-answer', 'slide'] as const;
    const questions = types.map((t) => ({
      ...withType(newQuestion(), t),
      text: `A ${t} question`,
      options: ['one', 'two', 'three'],
      correct: t === 'multi' ? [0, 2] : [1],
      accepted: ['Paris'],
      items: ['first', 'second', 'third'],
      explanation: t === 'single' ? 'Because.' : '',
      body: t === 'slide' ? 'Text under the title.' : '',
    }));
    const draft = { title: 'All types', description: '', readTimeSec: '2', questions };
    const { quiz, errors } = validateDraft(draft, englishT);
    expect(errors).toEqual({});
    const parsed = quizSchema.parse(quiz);
    expect(parsed.questions.map((q) => q.type)).toEqual([...types]);
    const again = quizFromDraft(draftFromQuiz(quiz));
    expect(again).toEqual(quiz);
    // Free text never gives points; a slide carries only its title, text and image.
    expect(parsed.questions.filter((q) => q.type === 'word-cloud' || q.type === 'open-answer').map((q) => 'points' in q && q.points)).toEqual(['none', 'none']);
    expect(parsed.questions.at(-1)).toEqual({ id: undefined, type: 'slide', text: 'A slide question', body: 'Text under the title.' });
  });

  it('describes field paths in words', () => {
    expect(describePath(englishT, 'title')).toBe('Title');
    expect(describePath(englishT, 'questions.2.options.0')).toBe('Question 3, answer A');
    expect(describePath(englishT, 'questions.0.timeLimitSec')).toBe('Question 1, time limit');
  });
});
