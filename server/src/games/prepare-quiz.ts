import { POINTS_LEVELS, type GameOptions, type GameQuestion, type Question, type Quiz } from '@quizbus/shared';
import type { RandomInt } from './tokens.ts';

/** Fisher–Yates: a uniformly random permutation of 0..n-1. */
export function permutation(n: number, random: RandomInt): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [p[i], p[j]] = [p[j] as number, p[i] as number];
  }
  return p;
}

/**
 * Turns a quiz into the questions a game runs: times in ms, points as numbers, choice options
 * shuffled when the game asks for it, ordering items always scrambled (never shown solved).
 * Randomness lives here, outside the engine; the result is recorded in game.created.
 */
export function prepareQuestions(quiz: Quiz, options: GameOptions, random: RandomInt): GameQuestion[] {
  return quiz.questions.map((q) => prepare(q, quiz.readTimeSec, options, random));
}

function prepare(q: Question, quizReadSec: number, options: GameOptions, random: RandomInt): GameQuestion {
  // A slide has no timer and no points: it stays up until the host moves on.
  if (q.type === 'slide') {
    return {
      type: 'slide',
      text: q.text,
      timeLimitMs: 0,
      readMs: 0,
      points: 0,
      ...(q.body !== undefined && { body: q.body }),
      ...(q.imageUrl !== undefined && { imageUrl: q.imageUrl }),
    };
  }
  const common = {
    text: q.text,
    timeLimitMs: q.timeLimitSec * 1000,
    readMs: (q.readTimeSec ?? quizReadSec) * 1000,
    points: POINTS_LEVELS[q.points],
    ...(q.imageUrl !== undefined && { imageUrl: q.imageUrl }),
    ...(q.imageOnPhones === true && { imageOnPhones: true }),
    ...(q.explanation !== undefined && { explanation: q.explanation }),
  };
  // order[i] = authoring index of the option shown at position i
  const shuffle = (n: number) => (options.shuffleAnswers ? permutation(n, random) : Array.from({ length: n }, (_, i) => i));
  const shownAt = (order: number[], authoring: number) => order.indexOf(authoring);
  switch (q.type) {
    case 'single': {
      const order = shuffle(q.options.length);
      return { ...common, type: 'single', options: order.map((i) => q.options[i] as string), correct: shownAt(order, q.correct) };
    }
    case 'multi': {
      const order = shuffle(q.options.length);
      const correct = q.correct.map((c) => shownAt(order, c)).sort((a, b) => a - b);
      return { ...common, type: 'multi', options: order.map((i) => q.options[i] as string), correct };
    }
    case 'poll': {
      const order = shuffle(q.options.length);
      return { ...common, type: 'poll', options: order.map((i) => q.options[i] as string) };
    }
    case 'true-false':
      // True stays first: players expect it there.
      return { ...common, type: 'true-false', options: ['True', 'False'], correct: q.correct ? 0 : 1 };
    case 'type-answer':
      return { ...common, type: 'type-answer', accepted: q.accepted };
    case 'word-cloud':
    case 'open-answer':
      return { ...common, type: q.type, points: 0 };
    case 'slider':
      return { ...common, type: 'slider', min: q.min, max: q.max, step: q.step, correct: q.correct, tolerance: q.tolerance };
    case 'ordering': {
      let order = permutation(q.items.length, random);
      // A scramble that happens to be the solution would give the answer away.
      for (let tries = 0; tries < 10 && order.every((v, i) => v === i); tries += 1) order = permutation(q.items.length, random);
      if (order.every((v, i) => v === i)) order = [...order.slice(1), order[0] as number];
      const items = order.map((i) => q.items[i] as string);
      const solution = q.items.map((_, authoring) => shownAt(order, authoring));
      return { ...common, type: 'ordering', items, solution };
    }
  }
}
