import type { Answer, PublicQuestion, Question, Quiz } from '@quizbus/shared';

/** A source of uniform random numbers in [0, 1). */
export type Random = () => number;

const WRONG_WORDS = ['polling', 'ftp', 'cron job', 'fax', 'carrier pigeon'];

function randomInt(n: number, random: Random): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

function shuffled(n: number, random: Random): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1, random);
    [p[i], p[j]] = [p[j] as number, p[i] as number];
  }
  return p;
}

/**
 * The right answer to a question as the game displays it, worked out from the quiz document.
 * Options and items are matched by their text, so a game that shuffles its options still maps.
 * Null when there is no right answer (poll) or the document does not fit what is displayed.
 */
export function rightAnswer(doc: Question, shown: PublicQuestion): Answer | null {
  if (doc.type !== shown.type || doc.text !== shown.text) return null;
  const at = (text: string | undefined) => (text === undefined ? -1 : (shown.options ?? []).indexOf(text));
  switch (doc.type) {
    case 'single': {
      const choice = at(doc.options[doc.correct]);
      return choice < 0 ? null : { kind: 'choice', choice };
    }
    case 'multi': {
      const choices = doc.correct.map((i) => at(doc.options[i]));
      return choices.some((c) => c < 0) ? null : { kind: 'choices', choices: choices.sort((a, b) => a - b) };
    }
    case 'true-false':
      return { kind: 'choice', choice: doc.correct ? 0 : 1 };
    case 'type-answer':
      return doc.accepted[0] === undefined ? null : { kind: 'text', text: doc.accepted[0] };
    case 'slider':
      return { kind: 'number', value: doc.correct };
    case 'ordering': {
      const order = doc.items.map((item) => (shown.items ?? []).indexOf(item));
      return order.some((i) => i < 0) ? null : { kind: 'order', order };
    }
    case 'poll':
    case 'word-cloud':
    case 'open-answer':
    case 'slide':
      return null;
  }
}

/** Any answer of the right kind for the question, chosen at random (what a bot without a key sends). */
export function randomAnswer(q: PublicQuestion, random: Random): Answer {
  const options = q.options?.length ?? 2;
  switch (q.type) {
    case 'single':
    case 'true-false':
    case 'poll':
      return { kind: 'choice', choice: randomInt(options, random) };
    case 'multi': {
      const picks = shuffled(options, random).slice(0, 1 + randomInt(options, random));
      return { kind: 'choices', choices: picks.sort((a, b) => a - b) };
    }
    // A slide takes no answer; the server refuses whatever comes.
    case 'slide':
    case 'type-answer':
    case 'word-cloud':
    case 'open-answer':
      return { kind: 'text', text: WRONG_WORDS[randomInt(WRONG_WORDS.length, random)] as string };
    case 'slider': {
      const s = q.slider ?? { min: 0, max: 1, step: 1 };
      const steps = Math.max(0, Math.floor((s.max - s.min) / s.step));
      return { kind: 'number', value: Math.min(s.max, s.min + s.step * randomInt(steps + 1, random)) };
    }
    case 'ordering':
      return { kind: 'order', order: shuffled(q.items?.length ?? 2, random) };
  }
}

/** An answer that is not `right` (as far as the bot can tell), of the right kind. */
export function wrongAnswer(q: PublicQuestion, right: Answer, random: Random): Answer {
  switch (right.kind) {
    case 'choice': {
      const n = q.options?.length ?? 2;
      return { kind: 'choice', choice: (right.choice + 1 + randomInt(n - 1, random)) % n };
    }
    case 'choices': {
      const n = q.options?.length ?? 2;
      // Toggle one option: never the right set, sometimes a partial answer, never empty.
      const toggle = randomInt(n, random);
      const set = new Set(right.choices);
      if (set.has(toggle) && set.size > 1) set.delete(toggle);
      else set.add(set.has(toggle) ? (toggle + 1) % n : toggle);
      return { kind: 'choices', choices: [...set].sort((a, b) => a - b) };
    }
    case 'text':
      return { kind: 'text', text: WRONG_WORDS[randomInt(WRONG_WORDS.length, random)] as string };
    case 'number': {
      const s = q.slider ?? { min: right.value - 1, max: right.value + 1, step: 1 };
      // The end of the scale farther from the right value: outside any sensible tolerance.
      return { kind: 'number', value: right.value - s.min > s.max - right.value ? s.min : s.max };
    }
    case 'order':
      return { kind: 'order', order: [...right.order].reverse() };
  }
}

/**
 * The answers a bot gives. With a quiz document (the bot runner's --quiz-file or --quiz-id), a
 * bot answers right with probability `accuracy` and wrong otherwise. Without one it cannot know
 * the answer (the server never sends it before the close) and answers at random; the accuracy
 * it reaches is then whatever the reveal says.
 */
export class AnswerKey {
  constructor(private readonly quiz: Quiz | null) {}

  get known(): boolean {
    return this.quiz !== null;
  }

  /** The answer for the question with this index as shown. */
  pick(index: number, shown: PublicQuestion, accuracy: number, random: Random): Answer {
    const doc = this.quiz?.questions[index];
    const right = doc ? rightAnswer(doc, shown) : null;
    if (!right) return randomAnswer(shown, random);
    return random() < accuracy ? right : wrongAnswer(shown, right, random);
  }
}
