import { multiSelectShare, speedPoints, streakBonus } from '@quizbus/shared';
import type { Answer, GameOptions, GameQuestion, Grade } from '@quizbus/shared';
import { isScored } from './game-state.ts';
import { responseProblem } from './responses.ts';

/** Arabic letters a phone keyboard or a hurried hand writes either way: alef maqsura and ya, ta marbuta and ha. */
const ARABIC_FOLD: Record<string, string> = { ى: 'ي', ة: 'ه' };

/**
 * Folds a typed answer for comparison: accents removed, case folded, all whitespace removed.
 * "  Event-Driven " and "event‑driven" compare equal; so do "Zürich" and "zurich". In every
 * script: compatibility forms fold (full-width "ＡＢＣ１" is "abc1", as a Chinese or Japanese
 * keyboard types it); Arabic loses its vowel marks (harakat), hamza on alef (أ إ آ → ا) and
 * tatweel, writes ى as ي and ة as ه, and Arabic-Indic digits are plain digits.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/gu, '')
    .replace(/[ىة]/gu, (c) => ARABIC_FOLD[c] ?? c)
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .toLocaleLowerCase('en-US')
    .replace(/[\s\u200b]+/gu, '')
    .replace(/[‐‑‒–—―]/gu, '-');
}

/** Whether i is an index into a list of n (the wire schema checks this too; the engine does not rely on it). */
const isIndex = (i: number, n: number): boolean => Number.isInteger(i) && i >= 0 && i < n;

/** Why an answer does not fit its question, or null when it does. */
export function answerProblem(q: GameQuestion, a: Answer): string | null {
  switch (q.type) {
    case 'single':
    case 'true-false':
    case 'poll':
      if (a.kind !== 'choice') return `a ${q.type} question takes { kind: "choice" }`;
      return isIndex(a.choice, q.options.length) ? null : `choice must be below ${q.options.length}`;
    case 'multi': {
      if (a.kind !== 'choices') return 'a multi question takes { kind: "choices" }';
      if (a.choices.length === 0) return 'choices must name at least one option';
      if (new Set(a.choices).size !== a.choices.length) return 'choices must not repeat';
      return a.choices.every((c) => isIndex(c, q.options.length)) ? null : `choices must be below ${q.options.length}`;
    }
    case 'type-answer':
      if (a.kind !== 'text') return 'a type-answer question takes { kind: "text" }';
      return normalizeText(a.text).length > 0 ? null : 'the answer is empty';
    case 'slider':
      if (a.kind !== 'number') return 'a slider question takes { kind: "number" }';
      return a.value >= q.min && a.value <= q.max ? null : `value must lie between ${q.min} and ${q.max}`;
    case 'ordering': {
      if (a.kind !== 'order') return 'an ordering question takes { kind: "order" }';
      const n = q.items.length;
      const seen = new Set(a.order);
      const isPermutation = a.order.length === n && seen.size === n && a.order.every((i) => isIndex(i, n));
      return isPermutation ? null : `order must list each item index 0..${n - 1} once`;
    }
    case 'word-cloud':
    case 'open-answer':
      return responseProblem(q, a);
    case 'slide':
      return 'a slide takes no answers';
  }
}

/** Grade and share of the points (1 for right, 0 for wrong, between for partial multi-select). */
export function grade(q: GameQuestion, a: Answer): { grade: Grade; share: number } {
  const right = { grade: 'correct' as const, share: 1 };
  const wrong = { grade: 'wrong' as const, share: 0 };
  switch (q.type) {
    case 'poll':
    case 'word-cloud':
    case 'open-answer':
    case 'slide':
      return { grade: 'poll', share: 0 };
    case 'single':
    case 'true-false':
      return a.kind === 'choice' && a.choice === q.correct ? right : wrong;
    case 'multi': {
      if (a.kind !== 'choices') return wrong;
      const share = multiSelectShare(a.choices, q.correct);
      if (share >= 1) return right;
      return share > 0 ? { grade: 'partial', share } : wrong;
    }
    case 'type-answer': {
      if (a.kind !== 'text') return wrong;
      const given = normalizeText(a.text);
      return q.accepted.some((s) => normalizeText(s) === given) ? right : wrong;
    }
    case 'slider':
      // The epsilon keeps 0.1 + 0.2 style float sums from missing a tolerance edge.
      return a.kind === 'number' && Math.abs(a.value - q.correct) <= q.tolerance + 1e-9 ? right : wrong;
    case 'ordering':
      return a.kind === 'order' && a.order.length === q.solution.length && a.order.every((v, i) => v === q.solution[i])
        ? right
        : wrong;
  }
}

/**
 * Scores one answer: points (streak bonus included) and the streak after it. Polls and
 * 0-point questions leave the streak as it was; a partial or wrong answer resets it.
 */
export function score(
  q: GameQuestion,
  a: Answer,
  responseMs: number,
  streakBefore: number,
  options: GameOptions,
): { grade: Grade; points: number; streak: number } {
  const g = grade(q, a);
  if (!isScored(q)) return { grade: g.grade, points: 0, streak: streakBefore };
  const base = speedPoints(q.points, responseMs, q.timeLimitMs, options.accuracyMode);
  if (g.grade === 'correct') {
    const streak = streakBefore + 1;
    return { grade: g.grade, points: base + (options.streakBonus ? streakBonus(streak) : 0), streak };
  }
  return { grade: g.grade, points: Math.round(base * g.share), streak: 0 };
}
