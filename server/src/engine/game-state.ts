import type { CommandRecord } from './command-memory.ts';
import type { TeamState } from './teams.ts';
import type { Answer, GameOptions, GameQuestion, Grade, Phase } from '@quizbus/shared';

/** One accepted answer, as scored when it was accepted. */
export interface AnswerRecord {
  readonly answer: Answer;
  readonly responseMs: number;
  readonly grade: Grade;
  /** Points including the streak bonus; credited at the close. */
  readonly points: number;
  /** Streak after this answer. */
  readonly streak: number;
  /** Word cloud, open answer: the word filter caught it; it stays off every screen. */
  readonly blocked?: boolean;
  /** The answer.accepted event's number in the game's log (the phone's teaching moment names it). */
  readonly seq: number;
}

export interface PlayerState {
  readonly id: string;
  /** Changes only by a re-roll (player.renamed), in games with generated nicknames. */
  nickname: string;
  /** Case- and width-folded nickname, for uniqueness. */
  nicknameKey: string;
  readonly tokenHash: string;
  /** Name or student id (games with askStudentId); for the host's reports, never in a view. */
  readonly studentId?: string;
  /** Nickname re-rolls used. */
  rerolls: number;
  /** 0-based order of joining; the last tie-break. */
  readonly joinOrder: number;
  /** Question index that was running when the player joined (-1 in the lobby). */
  readonly joinedDuring: number;
  connected: boolean;
  /**
   * The node whose socket seated the player last (join, resume); undefined for commands without
   * one. A disconnect from another node is stale: the player moved on and is still here.
   */
  via: string | undefined;
  kicked: boolean;
  score: number;
  streak: number;
  correctCount: number;
  /** Sum of response times over scored questions (the time limit for a missed one). */
  totalResponseMs: number;
  /** Rank after the latest close (1-based), null before the first. */
  rank: number | null;
  /** Rank before the latest close, for leaderboard movement. */
  prevRank: number | null;
  /** Team games: the player's team index (teams.ts). */
  team?: number;
  /** Answers by question index. */
  readonly answers: Array<AnswerRecord | undefined>;
}

/** The question on screen and its running tallies, so that nothing per answer is O(players). */
export interface QuestionRun {
  readonly index: number;
  readonly opensAt: number;
  readonly closesAt: number;
  answered: number;
  /** Players who answered and are still connected: drives the close-when-all-answered rule. */
  answeredConnected: number;
  correct: number;
  /** Per-option answer counts for choice questions. */
  readonly optionCounts: number[];
  /** Normalised type-answer text → count. */
  readonly texts: Map<string, { text: string; count: number; correct: boolean }>;
  /** Slider: answers per band of the scale (see sliderBucketOf); empty for other types. */
  readonly sliderCounts: number[];
  /** Ordering: per item (display index), answers that put it in its right place. */
  readonly placedRight: number[];
  /** Word cloud: merged keys the host took off the cloud. */
  readonly hiddenWords: Set<string>;
  /** Open answer: players whose answer the host approved for the display, in approval order. */
  readonly approved: Set<string>;
  /** Word cloud, open answer: answers the word filter caught. */
  blocked: number;
  /** Players who joined while this question ran; they sit it out. */
  readonly lateJoiners: Set<string>;
  closedReason: 'deadline' | 'skipped' | 'all-answered' | 'slide' | null;
}

/**
 * The state of one game, built only by `evolve` from the game's events.
 *
 * Ownership: `evolve` updates the maps and player records of the state it is given and returns
 * it, so that an answer costs O(1) even with 10,000 players. Whoever calls `evolve` owns the
 * state; `decide` and the projections only read it.
 */
export interface GameState {
  readonly gameId: string;
  readonly pin: string;
  readonly quizId: string;
  readonly title: string;
  readonly questions: readonly GameQuestion[];
  readonly options: GameOptions;
  readonly hostTokenHash: string;
  readonly createdAt: number;
  seq: number;
  /** Seq of the latest event every client hears, and of the one before it. */
  publicSeq: number;
  prevPublicSeq: number;
  /** Time of the latest event. */
  lastEventAt: number;
  phase: Phase;
  /** Index of the question on screen or last shown; -1 before the first. */
  questionIndex: number;
  locked: boolean;
  endReason: 'finished' | 'host' | 'idle' | null;
  readonly players: Map<string, PlayerState>;
  readonly byNickname: Map<string, string>;
  readonly byToken: Map<string, string>;
  /** Recent commands by hashed id, oldest first (command-memory.ts): repeats get their outcome. */
  readonly commands: Map<string, CommandRecord>;
  /** Players ever joined (kicked included): the next join order. */
  joinCount: number;
  /** Sum of the time limits of the scored questions closed so far (a late joiner's start). */
  scoredTimeMs: number;
  /** Not kicked. */
  activeCount: number;
  /** Not kicked and connected. */
  connectedCount: number;
  /** Player ids by rank after the latest close (kicked players removed). */
  ranking: string[];
  current: QuestionRun | null;
  /** Team games only (teams.ts). */
  readonly teams?: TeamState[];
}

/** The question with index i, which the engine has checked exists. */
export function questionAt(state: GameState, index: number): GameQuestion {
  const q = state.questions[index];
  if (!q) throw new Error(`question ${index} does not exist in game ${state.gameId}`);
  return q;
}

/** Whether a question counts towards scores and streaks (polls and 0-point questions do not). */
export function isScored(q: GameQuestion): boolean {
  return q.type !== 'poll' && !isResponseKind(q) && q.type !== 'slide' && q.points > 0;
}

/** Word cloud and open answer: free text shown to the room (after filter and host), never graded. */
export function isResponseKind(q: GameQuestion): q is Extract<GameQuestion, { type: 'word-cloud' | 'open-answer' }> {
  return q.type === 'word-cloud' || q.type === 'open-answer';
}
