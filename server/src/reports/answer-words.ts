import type { Answer, GameQuestion } from '@quizbus/shared';

/** An answer in words, as the player saw the options: "Mars", "2, 5", "Alpha › Bravo", "1969". */
export function answerInWords(q: GameQuestion, a: Answer): string {
  switch (a.kind) {
    case 'choice':
      return 'options' in q ? (q.options[a.choice] ?? String(a.choice)) : String(a.choice);
    case 'choices':
      return 'options' in q ? a.choices.map((c) => q.options[c] ?? String(c)).join(', ') : a.choices.join(', ');
    case 'text':
      return a.text.trim();
    case 'number':
      return String(a.value);
    case 'order':
      return q.type === 'ordering' ? a.order.map((i) => q.items[i] ?? String(i)).join(' › ') : a.order.join(', ');
  }
}

/** A question's right answer in words; empty for a poll. */
export function correctInWords(q: GameQuestion): string {
  switch (q.type) {
    case 'single':
    case 'true-false':
      return q.options[q.correct] ?? '';
    case 'multi':
      return q.correct.map((c) => q.options[c] ?? '').join(', ');
    case 'type-answer':
      return q.accepted.join(' / ');
    case 'slider':
      return q.tolerance > 0 ? `${q.correct} ± ${q.tolerance}` : String(q.correct);
    case 'ordering':
      return q.solution.map((i) => q.items[i] ?? '').join(' › ');
    case 'poll':
    case 'word-cloud':
    case 'open-answer':
    case 'slide':
      return '';
  }
}
