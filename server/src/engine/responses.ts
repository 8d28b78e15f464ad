import type { Answer, CloudWord, EventDraft, GameQuestion, OpenAnswerEntry, ResponseWall } from '@quizbus/shared';
import type { Command, Decision } from './commands.ts';
import { reject } from './commands.ts';
import { isResponseKind, questionAt, type GameState, type PlayerState } from './game-state.ts';
import { normalizeText } from './grading.ts';

/**
 * Word cloud and open answer: what players type, merged into a cloud or collected for the host
 * to approve, and what each screen may see of it. Pure, like the rest of the engine.
 */

/** The longest word-cloud entry (characters, trimmed): a word or three, not a sentence. */
export const WORD_MAX_CHARS = 40;
/** The most words a cloud carries to the screens, and open answers to the host. */
const WORDS_MAX = 60;
const ANSWERS_MAX = 300;

/** The merged form of a word: "Café", " cafe " and "CAFÉ" are one word in the cloud. */
export function wordKey(text: string): string {
  return normalizeText(text);
}

/** Why a text does not fit a word-cloud or open-answer question, or null when it does. */
export function responseProblem(q: Extract<GameQuestion, { type: 'word-cloud' | 'open-answer' }>, a: Answer): string | null {
  if (a.kind !== 'text') return `a ${q.type} question takes { kind: "text" }`;
  if (wordKey(a.text).length === 0) return 'the answer is empty';
  if (q.type === 'word-cloud' && [...a.text.trim()].length > WORD_MAX_CHARS) return `a word must be at most ${WORD_MAX_CHARS} characters`;
  return null;
}

type HostOf<T extends 'hide-word' | 'approve'> = Extract<Command, { type: T }>;

/** The running question if it is of `type` and still on screen (answering, reveal or leaderboard). */
function runningOf(state: GameState, index: number, type: 'word-cloud' | 'open-answer'): string | null {
  const run = state.current;
  if (!run || run.index !== index || state.phase === 'lobby' || state.phase === 'ended') return 'That question is not on screen.';
  return questionAt(state, index).type === type ? null : `That question is not a ${type} question.`;
}

/** host.hideWord: take a word off the cloud, or put it back. Idempotent. */
export function decideHideWord(state: GameState, c: HostOf<'hide-word'>): Decision<'hide-word'> {
  const problem = runningOf(state, c.index, 'word-cloud');
  if (problem) return reject('WRONG_PHASE', problem);
  const key = wordKey(c.word);
  if (!key) return reject('BAD_REQUEST', 'Name a word.');
  const hidden = state.current?.hiddenWords.has(key) ?? false;
  if (hidden === c.hidden) return { ok: true, events: [], reply: {} };
  const event: EventDraft = { type: 'word.hidden', data: { index: c.index, key, hidden: c.hidden } };
  return { ok: true, events: [event], reply: {} };
}

/** host.approveAnswer: show a player's open answer on the display, or take it off. Idempotent. */
export function decideApprove(state: GameState, c: HostOf<'approve'>): Decision<'approve'> {
  const problem = runningOf(state, c.index, 'open-answer');
  if (problem) return reject('WRONG_PHASE', problem);
  const p = state.players.get(c.playerId);
  const a = p && !p.kicked ? p.answers[c.index] : undefined;
  // A filtered answer cannot be approved: the filter's word is final on the big screen.
  if (!a || a.blocked) return reject('UNKNOWN_ANSWER', 'That player has no answer to approve for this question.');
  const approved = state.current?.approved.has(c.playerId) ?? false;
  if (approved === c.approved) return { ok: true, events: [], reply: {} };
  const event: EventDraft = { type: 'answer.approved', data: { index: c.index, playerId: c.playerId, approved: c.approved } };
  return { ok: true, events: [event], reply: {} };
}

/** The shown spelling of an answer: trimmed, inner runs of space as one. */
export function shownText(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/**
 * The words or answers of the word-cloud or open-answer question on screen, for the host (all
 * that passed the filter) or a display (visible words, approved answers). Undefined for any
 * other question. O(players) for open answers: sent throttled, never per answer.
 */
export function responseWall(s: GameState, role: 'host' | 'display'): ResponseWall | undefined {
  const run = s.current;
  if (!run || s.phase === 'lobby' || s.phase === 'ended') return undefined;
  const q = questionAt(s, run.index);
  if (!isResponseKind(q)) return undefined;
  const wall: ResponseWall = { index: run.index };
  if (role === 'host') wall.blocked = run.blocked;
  if (q.type === 'word-cloud') {
    const words: CloudWord[] = [];
    for (const [key, w] of run.texts) {
      const hidden = run.hiddenWords.has(key);
      if (w.count <= 0 || (hidden && role === 'display')) continue;
      words.push(role === 'host' ? { key, text: w.text, count: w.count, hidden } : { key, text: w.text, count: w.count });
    }
    words.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    wall.words = words.slice(0, WORDS_MAX);
    return wall;
  }
  wall.answers = role === 'host' ? hostAnswers(s, run.index) : approvedAnswers(s, run.index);
  return wall;
}

function answerOf(p: PlayerState | undefined, index: number): string | undefined {
  const a = p && !p.kicked ? p.answers[index] : undefined;
  return a && !a.blocked && a.answer.kind === 'text' ? shownText(a.answer.text) : undefined;
}

function hostAnswers(s: GameState, index: number): OpenAnswerEntry[] {
  const approved = s.current?.approved ?? new Set<string>();
  const rows: Array<OpenAnswerEntry & { seq: number }> = [];
  for (const p of s.players.values()) {
    const text = answerOf(p, index);
    const a = p.answers[index];
    if (text !== undefined && a) rows.push({ playerId: p.id, text, approved: approved.has(p.id), seq: a.seq });
  }
  rows.sort((a, b) => a.seq - b.seq);
  return rows.slice(-ANSWERS_MAX).map(({ seq: _seq, ...row }) => row);
}

function approvedAnswers(s: GameState, index: number): OpenAnswerEntry[] {
  const out: OpenAnswerEntry[] = [];
  for (const id of s.current?.approved ?? []) {
    const text = answerOf(s.players.get(id), index);
    if (text !== undefined) out.push({ playerId: id, text });
  }
  return out.slice(-ANSWERS_MAX);
}
