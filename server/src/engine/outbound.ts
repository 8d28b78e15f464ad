import type { DomainEvent, ServerMessage, ServerMessageName } from '@quizbus/shared';
import type { GameState } from './game-state.ts';
import { playerResult, playersReveal, podium, questionState, reveal, topRows } from './projections.ts';
import { teamRefOf, teamRows } from './team-views.ts';

/** One message to send, before anybody knows which sockets exist. */
export type Outbound =
  | { to: 'everyone' | 'screens' | 'players'; name: ServerMessageName; payload: ServerMessage<ServerMessageName> }
  /**
   * One message per player, built for each (results, final place). With `splice`, every
   * player's message is the same `shared` payload plus the player's `own` part under `key`
   * (none when undefined), exactly what `build` gives: the fan-out can encode the shared part
   * once instead of once per player.
   */
  | { to: 'each-player'; build: (playerId: string) => Personal | undefined; splice?: Splice }
  | { to: 'player'; playerId: string; message: Personal; disconnect: boolean }
  /** Something in a throttled count changed; the fan-out sends the latest state at its pace. */
  | { to: 'screens-throttled'; what: ThrottledWhat };

/** Throttled screen updates: the player list, the answered count, a word cloud's or open answers' wall. */
export type ThrottledWhat = 'players' | 'answers' | 'wall';

/** A per-player message as a shared payload and each player's own part under one key. */
export interface Splice {
  name: ServerMessageName;
  shared: Record<string, unknown>;
  key: string;
  own: (playerId: string) => unknown;
}

export type Personal = { [K in ServerMessageName]: { name: K; payload: ServerMessage<K> } }[ServerMessageName];

function msg<K extends ServerMessageName>(to: 'everyone' | 'screens' | 'players', name: K, payload: ServerMessage<K>): Outbound {
  return { to, name, payload };
}

/**
 * What clients hear of one event, given the state right after it. Pure. Answers produce no
 * room-wide message: only a throttled count, so the cost per answer stays constant.
 */
export function outboundFor(event: DomainEvent, s: GameState, now: number): Outbound[] {
  const chain = { seq: event.seq, prevSeq: s.prevPublicSeq };
  switch (event.type) {
    case 'game.created':
    case 'player.disconnected':
    case 'player.reconnected':
    case 'game.locked':
    case 'player.joined':
    case 'player.renamed':
      return [{ to: 'screens-throttled', what: 'players' }];
    case 'player.kicked':
      return [
        { to: 'player', playerId: event.data.playerId, message: { name: 'player.kicked', payload: { seq: event.seq } }, disconnect: true },
        { to: 'screens-throttled', what: 'players' },
      ];
    case 'player.teamChanged':
      return [personalTeam(s, event.data.playerId, event.seq), { to: 'screens-throttled', what: 'players' }].filter((o): o is Outbound => o !== undefined);
    case 'teams.shuffled':
      return [
        { to: 'each-player', build: (id) => (id in event.data.assignment ? teamMessage(s, id, event.seq) : undefined) },
        { to: 'screens-throttled', what: 'players' },
      ];
    case 'answer.accepted': {
      const q = s.questions[event.data.index];
      const wall = q !== undefined && (q.type === 'word-cloud' || q.type === 'open-answer') && event.data.blocked !== true;
      return wall ? [{ to: 'screens-throttled', what: 'answers' }, { to: 'screens-throttled', what: 'wall' }] : [{ to: 'screens-throttled', what: 'answers' }];
    }
    case 'word.hidden':
    case 'answer.approved':
      return [{ to: 'screens-throttled', what: 'wall' }];
    case 'game.started':
      return [msg('everyone', 'game.started', { ...chain, questionCount: s.questions.length })];
    case 'question.shown':
    case 'question.opened': {
      const q = questionState(s, now);
      if (!q) return [];
      const timing = { index: q.index, opensAt: q.opensAt, closesAt: q.closesAt, serverNow: now };
      if (event.type === 'question.opened') return [msg('everyone', 'question.opened', { ...chain, ...timing })];
      return [msg('everyone', 'question.shown', { ...chain, ...timing, total: q.total, question: q.question })];
    }
    case 'question.closed': {
      const r = reveal(s);
      if (!r) return [];
      // The screens get one broadcast, encoded once; each player one frame with the reveal and
      // their own result together (a frame per player either way, and one write fewer each).
      // A type-answer reveal goes to the phones without the typed answers.
      const forPlayers = playersReveal(r);
      const closed = { ...chain, closedAt: event.at };
      return [
        msg('screens', 'question.closed', { ...closed, reveal: r }),
        {
          to: 'each-player',
          build: (id) => {
            const result = playerResult(s, id);
            return { name: 'question.closed', payload: result ? { ...closed, reveal: forPlayers, result } : { ...closed, reveal: forPlayers } };
          },
          // The reveal is most of each player's frame: encoded once, the result spliced in.
          splice: { name: 'question.closed', shared: { ...closed, reveal: forPlayers }, key: 'result', own: (id) => playerResult(s, id) },
        },
      ];
    }
    case 'leaderboard.shown':
    {
      const teams = teamRows(s);
      return [msg('everyone', 'leaderboard.shown', { ...chain, index: event.data.index, top: topRows(s), ...(teams && { teams }) })];
    }
    case 'game.ended':
      return [
        msg('everyone', 'game.ended', { ...chain, reason: event.data.reason, podium: podium(s) }),
        {
          to: 'each-player',
          build: (id) => {
            const p = s.players.get(id);
            if (!p || p.kicked || p.rank === null) return undefined;
            return { name: 'player.final', payload: { seq: event.seq, rank: p.rank, score: p.score, playerCount: s.ranking.length } };
          },
        },
      ];
  }
}

/** A player's new team, for their phone alone. */
function teamMessage(s: GameState, playerId: string, seq: number): Personal | undefined {
  const p = s.players.get(playerId);
  const team = p ? teamRefOf(s, p) : undefined;
  return team ? { name: 'player.team', payload: { seq, team } } : undefined;
}

function personalTeam(s: GameState, playerId: string, seq: number): Outbound | undefined {
  const message = teamMessage(s, playerId, seq);
  return message ? { to: 'player', playerId, message, disconnect: false } : undefined;
}
