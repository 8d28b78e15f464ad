import { CHAINED_MESSAGES, type ScreenView, type View } from '@quizbus/shared';
import type { IncomingMessage } from './incoming-message.ts';

/** What applying one message did: the new view, and whether a missed message was detected. */
export interface Reduced<V extends View> {
  view: V;
  /** The message did not continue the chain: the caller must ask for a view.snapshot. */
  gap: boolean;
}

const chainedNames: ReadonlySet<string> = new Set(CHAINED_MESSAGES);

/** Whether a message is one of the chained ones (carries prevSeq). */
export function isChained(message: IncomingMessage): boolean {
  return chainedNames.has(message.name);
}

/**
 * Applies one server message to a view, purely. Chained messages must continue the view's
 * publicSeq exactly: an older one is a duplicate and ignored, a newer one means something was
 * missed, so the view stays as it is and `gap` asks for a snapshot. Unchained messages
 * (counts, lists, personal results) are complete in themselves and apply unless older than
 * the view.
 */
export function reduceMessage<V extends View>(view: V, message: IncomingMessage): Reduced<V> {
  const same = { view, gap: false };
  if (message.payload.seq < view.seq && !isChained(message)) return same;
  switch (message.name) {
    case 'game.started':
    case 'question.shown':
    case 'question.opened':
    case 'question.closed':
    case 'leaderboard.shown':
    case 'game.ended': {
      const { seq, prevSeq } = message.payload;
      if (seq <= view.publicSeq) return same;
      if (prevSeq !== view.publicSeq) return { view, gap: true };
      const chained = { ...view, seq: Math.max(view.seq, seq), publicSeq: seq };
      return { view: applyChained(chained, message), gap: false };
    }
    case 'players.updated': {
      if (view.role === 'player') return same;
      const { playerCount, locked, players, teams } = message.payload;
      return { view: { ...view, playerCount, locked, players, ...(teams && { teams }) }, gap: false };
    }
    case 'answers.counted': {
      if (view.role === 'player' || view.question?.index !== message.payload.index) return same;
      return { view: { ...view, answered: message.payload.answered } as ScreenView as V, gap: false };
    }
    case 'player.team':
      // The phone's own team changed (its pick, or the host's reshuffle).
      if (view.role !== 'player') return same;
      return { view: { ...view, me: { ...view.me, team: message.payload.team } }, gap: false };
    case 'wall.updated': {
      // A late copy for a question already gone must not paint over the next one.
      if (view.role === 'player' || view.question?.index !== message.payload.wall.index) return same;
      return { view: { ...view, wall: message.payload.wall } as ScreenView as V, gap: false };
    }
    case 'player.final':
    case 'player.kicked':
    case 'telemetry.events':
      // Kept beside the view by the game client (telemetry by the panel): they do not change what the room shows.
      return same;
  }
}

type Chained = Extract<IncomingMessage, { name: (typeof CHAINED_MESSAGES)[number] }>;

function applyChained<V extends View>(view: V, message: Chained): V {
  // Every phase change drops what belonged to the previous phase, so nothing stale shows.
  const { reveal: _reveal, leaderboard: _leaderboard, podium: _podium, ...rest } = view;
  switch (message.name) {
    case 'game.started':
      return { ...view, questionCount: message.payload.questionCount };
    case 'question.shown': {
      const { index, total, question, opensAt, closesAt, serverNow } = message.payload;
      const next = { ...rest, phase: 'reading', question: { index, total, question, opensAt, closesAt, serverNow } } as V;
      return withoutRoundData(next);
    }
    case 'question.opened': {
      const { index, opensAt, closesAt, serverNow } = message.payload;
      if (!view.question || view.question.index !== index) return view;
      return { ...view, phase: 'open', question: { ...view.question, opensAt, closesAt, serverNow } };
    }
    case 'question.closed': {
      const { reveal, result } = message.payload;
      // A player's copy of the close carries their own result (the screens' copies never do).
      if (view.role !== 'player' || !result) return { ...rest, phase: 'closed', reveal } as V;
      const me = { ...view.me, score: result.score, streak: result.streak, rank: result.rank };
      return { ...rest, phase: 'closed', reveal, me, result } as V;
    }
    case 'leaderboard.shown':
      return { ...rest, phase: 'leaderboard', reveal: view.reveal, leaderboard: message.payload.top, ...(message.payload.teams && { teams: message.payload.teams }) } as V;
    case 'game.ended': {
      const { question: _question, ...ended } = rest;
      const { teams } = message.payload.podium;
      return { ...ended, phase: 'ended', podium: message.payload.podium, ...(teams && { teams }) } as V;
    }
  }
}

/** A new question: no answer, result or count from the previous one. */
function withoutRoundData<V extends View>(view: V): V {
  if (view.role === 'player') {
    const { myAnswer: _a, result: _r, ...rest } = view;
    return rest as V;
  }
  const { wall: _wall, ...screen } = view;
  return { ...screen, answered: 0 } as V;
}
