import { gameOptionsSchema, toCorrectAnswer, toPublicQuestion, type Quiz } from '@quizbus/shared';
import { prepareQuestions } from '../../server/src/games/prepare-quiz.ts';

/** JSON sizes, in bytes, of the payloads the floor's frames copy. */
export interface FloorFrameBytes {
  shown: number;
  opened: number;
  /** One player's `question.closed`: the reveal for the phones and the player's own result. */
  closed: number;
}

/**
 * How big the game's frames are, so that the floor sends frames of the same size: the
 * messages of docs/protocol.md for the benchmark's own questions, built with the same
 * projections the server uses (public question, correct answer), with numbers of the width a
 * game of `players` has (epoch-ms stamps, five top rows of bench nicknames). Averaged over
 * the questions played.
 */
export function floorFrameBytes(quiz: Quiz, questions: number, players: number): FloorFrameBytes {
  const now = Date.now();
  const played = prepareQuestions(quiz, gameOptionsSchema.parse({}), () => 0).slice(0, questions);
  const chain = { seq: 40_000, prevSeq: 39_999 };
  const timing = { index: 0, opensAt: now, closesAt: now, serverNow: now };
  const nickname = `bench-${players}`;
  const top = Array.from({ length: 5 }, (_, i) => ({ rank: i + 1, playerId: 'p_AAAAAAAAAAAA', nickname, score: 2950 - i, movement: 0 }));
  const result = { index: 0, grade: 'correct', points: 950, streak: 2, score: 1900, rank: Math.ceil(players / 2), playerCount: players, ahead: { nickname, score: 1901 }, answerSeq: 30_000 };
  const size = (x: unknown) => JSON.stringify(x).length;
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
  return {
    shown: mean(played.map((q) => size({ ...chain, ...timing, total: players, question: toPublicQuestion(q) }))),
    opened: size({ ...chain, ...timing }),
    closed: mean(
      played.map((q) => {
        const distribution = { answered: players, total: players, correct: players, ...('options' in q && { options: q.options.map(() => players) }) };
        return size({ ...chain, closedAt: now, reveal: { index: 0, correct: toCorrectAnswer(q), distribution, top }, result });
      }),
    ),
  };
}
