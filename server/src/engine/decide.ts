import type { Answer, EventDraft } from '@quizbus/shared';
import type { Command, CommandType, Decision, Rejection, Replies } from './commands.ts';
import { reject } from './commands.ts';
import { isResponseKind, questionAt, type GameState, type PlayerState } from './game-state.ts';
import { answerProblem, score } from './grading.ts';
import { checkNickname, nicknameKey } from './nickname.ts';
import { decideRename } from './rename.ts';
import { decideApprove, decideHideWord } from './responses.ts';
import { studentIdFor } from './student-id.ts';
import { decideShuffle, decideTeamPick, teamForJoin, teamTalkMs } from './teams.ts';

type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
const none = {} as Record<string, never>;

function accept<T extends CommandType>(events: EventDraft[], reply: Replies[T]): Decision<T> {
  return { ok: true, events, reply };
}

/**
 * The rules: given the state, a command and the server's time, the events that happen or a
 * rejection. Pure: no I/O, no clock but `now`, no randomness, and `state` is only read.
 * `state` is null only for `create`.
 */
export function decide<T extends CommandType>(state: GameState | null, command: CommandOf<T>, now: number): Decision<T>;
export function decide(state: GameState | null, command: Command, now: number): Decision {
  if (command.type === 'create') {
    if (state) return reject('WRONG_PHASE', 'The game exists already.');
    const { type: _type, gameId: _gameId, ...data } = command;
    return accept([{ type: 'game.created', data }], none);
  }
  if (!state) return reject('GAME_NOT_FOUND', 'No such game.');
  switch (command.type) {
    case 'join':
      return join(state, command);
    case 'resume':
      return resume(state, command);
    case 'rename':
      return decideRename(state, command);
    case 'team':
      return decideTeamPick(state, command);
    case 'disconnect':
      return disconnect(state, command);
    case 'answer':
      return answer(state, command, now);
    case 'tick':
      return accept(tick(state, now), none);
    case 'expire':
      return state.phase === 'ended' ? accept([], none) : accept([{ type: 'game.ended', data: { reason: 'idle' } }], none);
    case 'start':
    case 'next':
    case 'skip':
    case 'end':
    case 'kick':
    case 'lock':
    case 'shuffleTeams':
    case 'hide-word':
    case 'approve':
      return hostCommand(state, command, now);
  }
}

/** The moment-driven transitions that are due: answers open after the read time, close at the deadline. */
export function tick(state: GameState, now: number): EventDraft[] {
  const run = state.current;
  if (!run) return [];
  const events: EventDraft[] = [];
  let phase = state.phase;
  if (phase === 'reading' && now >= run.opensAt) {
    events.push({ type: 'question.opened', data: { index: run.index } });
    phase = 'open';
  }
  if (phase === 'open' && now >= run.closesAt) {
    events.push({ type: 'question.closed', data: { index: run.index, reason: 'deadline' } });
  }
  return events;
}

/** When the next timed transition is due, or null when nothing waits on the clock. */
export function nextDeadline(state: GameState): number | null {
  if (!state.current) return null;
  if (state.phase === 'reading') return state.current.opensAt;
  if (state.phase === 'open') return state.current.closesAt;
  return null;
}

function join(state: GameState, c: CommandOf<'join'>): Decision<'join'> {
  if (state.phase === 'ended') return reject('GAME_ENDED', 'This game has ended.');
  if (state.locked) return reject('GAME_LOCKED', 'The host has locked this game.');
  if (state.phase !== 'lobby' && !state.options.allowLateJoin) {
    return reject('GAME_STARTED', 'This game has started already.');
  }
  // Kicked players do not hold a seat: the limit counts the players in the game now.
  if (c.maxPlayers !== undefined && state.activeCount >= c.maxPlayers) {
    return reject('GAME_FULL', `This game is full: it has ${c.maxPlayers} players.`);
  }
  const nick = checkNickname(c.nickname);
  if (!nick.ok) return reject('NICKNAME_INVALID', nick.message);
  // A filtered name is replaced, not refused: refusing would let a student probe the word list.
  const nickname = c.nicknameBlocked ? neutralNickname(state) : nick.nickname;
  if (!c.nicknameBlocked && state.byNickname.has(nick.key)) return reject('NICKNAME_TAKEN', `"${nick.nickname}" is taken in this game.`);
  const student = studentIdFor(state.options.askStudentId, c.studentId);
  if (!student.ok) return student;
  if (state.players.has(c.playerId) || state.byToken.has(c.tokenHash)) {
    return reject('BAD_REQUEST', 'Player id or token in use.');
  }
  const team = teamForJoin(state);
  const event: EventDraft = {
    type: 'player.joined',
    data: {
      playerId: c.playerId,
      nickname,
      tokenHash: c.tokenHash,
      ...(student.studentId !== undefined && { studentId: student.studentId }),
      ...(c.via !== undefined && { via: c.via }),
      ...(team !== undefined && { team }),
    },
  };
  return accept([event], { playerId: c.playerId });
}

/** "Player N", N the join order, or the next number nobody uses as a nickname. */
function neutralNickname(state: GameState): string {
  for (let n = state.joinCount + 1; ; n += 1) {
    const name = `Player ${n}`;
    if (!state.byNickname.has(nicknameKey(name))) return name;
  }
}

function resume(state: GameState, c: CommandOf<'resume'>): Decision<'resume'> {
  const id = state.byToken.get(c.tokenHash);
  const player = id ? state.players.get(id) : undefined;
  if (!player) return reject('UNAUTHORIZED', 'That session is not part of this game.');
  if (player.kicked) return reject('KICKED', 'The host removed you from this game.');
  if (state.phase === 'ended') return accept([], { playerId: player.id });
  // Connected already: only a seat taken on another node says something new (presence moves there).
  const moved = c.via !== undefined && c.via !== player.via;
  if (player.connected && !moved) return accept([], { playerId: player.id });
  return accept([{ type: 'player.reconnected', data: { playerId: player.id, ...(c.via !== undefined && { via: c.via }) } }], { playerId: player.id });
}

function disconnect(state: GameState, c: CommandOf<'disconnect'>): Decision<'disconnect'> {
  const player = state.players.get(c.playerId);
  if (!player || player.kicked || !player.connected || state.phase === 'ended') return accept([], none);
  // A socket closing on a node the player has left (they resumed elsewhere, e.g. while this
  // node was frozen) says nothing about the player: their socket on the other node is open.
  if (c.via !== undefined && player.via !== undefined && c.via !== player.via) return accept([], none);
  const events: EventDraft[] = [{ type: 'player.disconnected', data: { playerId: player.id } }];
  const run = state.current;
  if (state.phase === 'open' && run) {
    const answered = player.answers[run.index] !== undefined;
    // The one who left no longer holds the question open.
    if (allAnswered(state, -1, answered ? -1 : 0, player.id)) {
      events.push({ type: 'question.closed', data: { index: run.index, reason: 'all-answered' } });
    }
  }
  return accept(events, none);
}

/**
 * Answers decided earlier in one batch whose events are not in the state yet (group commit:
 * the runtime appends a run of answers in one write). Deciding the next answer against the
 * state plus these keeps every rule as if each had been applied first.
 */
export class PendingAnswers {
  /** Player id → response time of their pending answer to the running question. */
  readonly answered = new Map<string, number>();
  /** Players a pending player.reconnected marks connected. */
  readonly reconnected = new Set<string>();

  /** Takes in what an accepted answer decided (its player.reconnected and answer.accepted). */
  add(events: readonly EventDraft[]): void {
    for (const e of events) {
      if (e.type === 'player.reconnected') this.reconnected.add(e.data.playerId);
      if (e.type === 'answer.accepted') this.answered.set(e.data.playerId, e.data.responseMs);
    }
  }
}

/** Decides one answer after the pending ones of its batch; see PendingAnswers. Pure. */
export function decideAnswer(state: GameState, command: CommandOf<'answer'>, now: number, pending: PendingAnswers): Decision<'answer'> {
  return answer(state, command, now, pending);
}

function answer(state: GameState, c: CommandOf<'answer'>, now: number, pending?: PendingAnswers): Decision<'answer'> {
  const player = state.players.get(c.playerId);
  if (!player) return reject('UNKNOWN_PLAYER', 'No such player in this game.');
  if (player.kicked) return reject('KICKED', 'The host removed you from this game.');
  if (!Number.isInteger(c.index) || c.index < 0 || c.index >= state.questions.length) {
    return reject('UNKNOWN_QUESTION', `This quiz has ${state.questions.length} questions.`);
  }
  // Exactly once: a resend of a recorded answer gets the original ack and changes nothing.
  const previous = player.answers[c.index];
  if (previous) return accept([], { index: c.index, responseMs: previous.responseMs });
  const pendingMs = c.index === state.current?.index ? pending?.answered.get(player.id) : undefined;
  if (pendingMs !== undefined) return accept([], { index: c.index, responseMs: pendingMs });

  const run = state.current;
  if (!run || c.index > run.index) return reject('NOT_OPEN', 'That question has not started.');
  if (c.index < run.index || state.phase === 'closed' || state.phase === 'leaderboard' || state.phase === 'ended') {
    return reject('LATE', 'Time is up for that question.');
  }
  if (state.phase === 'reading' || now < run.opensAt) return reject('NOT_OPEN', 'Answers are not open yet.');
  if (now >= run.closesAt) return reject('LATE', 'Time is up for that question.');
  if (player.joinedDuring >= c.index) return reject('NOT_ELIGIBLE', 'You joined during this question; you play from the next one.');

  const q = questionAt(state, c.index);
  const problem = answerProblem(q, c.answer);
  if (problem) return reject('INVALID_ANSWER', problem);

  const responseMs = Math.max(0, Math.round(now - run.opensAt));
  const scored = score(q, c.answer, responseMs, player.streak, state.options);
  const events: EventDraft[] = [];
  const connected = player.connected || (pending?.reconnected.has(player.id) ?? false);
  // An answer proves the player is here, whatever presence said.
  if (!connected) events.push({ type: 'player.reconnected', data: { playerId: player.id, ...(c.via !== undefined && { via: c.via }) } });
  // Only free text shown to the room needs the filter's verdict; elsewhere it changes nothing.
  // Like a caught nickname, a caught text is never recorded: the log keeps an empty one.
  const blocked = c.blocked === true && isResponseKind(q);
  const recorded: Answer = blocked ? { kind: 'text', text: '' } : c.answer;
  events.push({
    type: 'answer.accepted',
    data: { playerId: player.id, index: c.index, answer: recorded, responseMs, ...scored, ...(blocked && { blocked }) },
  });
  // Every pending answer counts as answered-and-connected (an answer reconnects its player).
  const [pendingConnected, pendingAnswered] = pending ? [pending.reconnected.size, pending.answered.size] : [0, 0];
  if (allAnswered(state, pendingConnected + (connected ? 0 : 1), pendingAnswered + 1, null)) {
    events.push({ type: 'question.closed', data: { index: run.index, reason: 'all-answered' } });
  }
  return accept(events, { index: c.index, responseMs });
}

/**
 * Whether every connected player who may answer has answered, after adjusting the tallies by
 * a pending change (connected delta, answered-and-connected delta, and a leaving player).
 */
function allAnswered(state: GameState, connectedDelta: number, answeredDelta: number, leaving: string | null): boolean {
  const run = state.current;
  if (!run) return false;
  let sittingOut = 0;
  for (const id of run.lateJoiners) {
    const p = state.players.get(id);
    if (p && p.connected && !p.kicked && id !== leaving) sittingOut += 1;
  }
  const eligible = state.connectedCount + connectedDelta - sittingOut;
  const answered = run.answeredConnected + answeredDelta;
  return eligible > 0 && answered >= eligible;
}

function hostCommand(
  state: GameState,
  c: CommandOf<'start' | 'next' | 'skip' | 'end' | 'kick' | 'lock' | 'shuffleTeams' | 'hide-word' | 'approve'>,
  now: number,
): Decision {
  if (c.hostTokenHash !== state.hostTokenHash) return reject('UNAUTHORIZED', 'Only the host can do that.');
  if (state.phase === 'ended') return reject('GAME_ENDED', 'This game has ended.');
  switch (c.type) {
    case 'start':
      if (state.phase !== 'lobby') return reject('WRONG_PHASE', 'The game has started already.');
      if (state.activeCount === 0) return reject('NO_PLAYERS', 'Wait for at least one player.');
      return accept([{ type: 'game.started', data: {} }, ...showQuestion(state, 0, now)], none);
    case 'next': {
      // A slide has no scores to show: next goes straight on to the following question.
      const afterSlide = state.phase === 'closed' && questionAt(state, state.questionIndex).type === 'slide';
      if (state.phase === 'closed' && !afterSlide) return accept([{ type: 'leaderboard.shown', data: { index: state.questionIndex } }], none);
      if (state.phase === 'leaderboard' || afterSlide) {
        const index = state.questionIndex + 1;
        if (index >= state.questions.length) return accept([{ type: 'game.ended', data: { reason: 'finished' } }], none);
        return accept(showQuestion(state, index, now), none);
      }
      return reject('WRONG_PHASE', state.phase === 'lobby' ? 'Start the game first.' : 'Close the question first (skip).');
    }
    case 'skip':
      if (state.phase !== 'reading' && state.phase !== 'open') return reject('WRONG_PHASE', 'No question is running.');
      return accept([{ type: 'question.closed', data: { index: state.questionIndex, reason: 'skipped' } }], none);
    case 'end':
      return accept([{ type: 'game.ended', data: { reason: 'host' } }], none);
    case 'kick':
      return kick(state, c.playerId);
    case 'lock':
      return state.locked === c.locked ? accept([], none) : accept([{ type: 'game.locked', data: { locked: c.locked } }], none);
    case 'shuffleTeams':
      return decideShuffle(state, c.seed);
    case 'hide-word':
      return decideHideWord(state, c);
    case 'approve':
      return decideApprove(state, c);
  }
}

function kick(state: GameState, playerId: string): Decision | Rejection {
  const player: PlayerState | undefined = state.players.get(playerId);
  if (!player || player.kicked) return reject('UNKNOWN_PLAYER', 'No such player in this game.');
  const events: EventDraft[] = [{ type: 'player.kicked', data: { playerId } }];
  const run = state.current;
  if (state.phase === 'open' && run && player.connected) {
    const answered = player.answers[run.index] !== undefined;
    if (allAnswered(state, -1, answered ? -1 : 0, playerId)) {
      events.push({ type: 'question.closed', data: { index: run.index, reason: 'all-answered' } });
    }
  }
  return accept(events, none);
}

/** A question goes up with its read time and deadline; a slide goes up closed (nothing to answer, no timer). */
function showQuestion(state: GameState, index: number, now: number): EventDraft[] {
  const q = questionAt(state, index);
  if (q.type === 'slide') {
    return [
      { type: 'question.shown', data: { index, opensAt: now, closesAt: now } },
      { type: 'question.closed', data: { index, reason: 'slide' } },
    ];
  }
  // Team games: the team talk comes on top of the read time, before answers open.
  const opensAt = now + q.readMs + teamTalkMs(state);
  return [{ type: 'question.shown', data: { index, opensAt, closesAt: opensAt + q.timeLimitMs } }];
}
