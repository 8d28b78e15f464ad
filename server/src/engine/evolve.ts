import { CHAINED_MESSAGES, sliderBucketCount, sliderBucketOf, type Answer, type DomainEvent, type EventOf } from '@quizbus/shared';
import { remember } from './command-memory.ts';
import { isScored, questionAt, type GameState, type PlayerState, type QuestionRun } from './game-state.ts';
import { normalizeText } from './grading.ts';
import { nicknameKey } from './nickname.ts';
import { rankPlayers } from './ranking.ts';
import { applyShuffle, createTeams, creditTeams, leaveTeam, moveToTeam, rankTeams } from './teams.ts';

/**
 * Events that every client hears: each is projected to the chained message of the same name,
 * so the protocol's list is the one list.
 */
const PUBLIC_EVENTS = new Set<string>(CHAINED_MESSAGES);

/**
 * Applies one event: the only way a game's state changes. Deterministic and free of I/O;
 * replaying a game's log through it rebuilds the game exactly. It takes ownership of `state`
 * (see GameState) and returns the next state; `state` is null only for game.created.
 */
export function evolve(state: GameState | null, event: DomainEvent): GameState {
  if (event.type === 'game.created') return created(event);
  if (!state) throw new Error(`${event.type} before game.created`);
  if (event.seq !== state.seq + 1) throw new Error(`event seq ${event.seq} does not follow ${state.seq}`);
  apply(state, event);
  remember(state, event);
  state.seq = event.seq;
  state.lastEventAt = event.at;
  if (PUBLIC_EVENTS.has(event.type)) {
    state.prevPublicSeq = state.publicSeq;
    state.publicSeq = event.seq;
  }
  return state;
}

/** Rebuilds a game from its log. */
export function replay(events: Iterable<DomainEvent>): GameState | null {
  let state: GameState | null = null;
  for (const e of events) state = evolve(state, e);
  return state;
}

function created(e: EventOf<'game.created'>): GameState {
  const d = e.data;
  const teams = createTeams(d.options);
  return {
    gameId: e.gameId,
    pin: d.pin,
    quizId: d.quizId,
    title: d.title,
    questions: d.questions,
    options: d.options,
    hostTokenHash: d.hostTokenHash,
    createdAt: e.at,
    seq: e.seq,
    publicSeq: e.seq,
    prevPublicSeq: 0,
    lastEventAt: e.at,
    phase: 'lobby',
    questionIndex: -1,
    locked: false,
    endReason: null,
    players: new Map(),
    byNickname: new Map(),
    byToken: new Map(),
    commands: new Map(),
    joinCount: 0,
    scoredTimeMs: 0,
    activeCount: 0,
    connectedCount: 0,
    ranking: [],
    current: null,
    ...(teams && { teams }),
  };
}

function apply(s: GameState, e: Exclude<DomainEvent, EventOf<'game.created'>>): void {
  switch (e.type) {
    case 'player.joined':
      return joined(s, e.data);
    case 'player.disconnected':
      return setConnected(s, e.data.playerId, false);
    case 'player.reconnected': {
      const p = s.players.get(e.data.playerId);
      if (p && e.data.via !== undefined) p.via = e.data.via;
      return setConnected(s, e.data.playerId, true);
    }
    case 'player.kicked':
      return kicked(s, e.data.playerId);
    case 'player.renamed':
      return renamed(s, e.data.playerId, e.data.nickname);
    case 'game.locked':
      s.locked = e.data.locked;
      return;
    case 'game.started':
      return;
    case 'player.teamChanged': {
      const p = s.players.get(e.data.playerId);
      if (p && !p.kicked) moveToTeam(s, p, e.data.team);
      return;
    }
    case 'teams.shuffled':
      return applyShuffle(s, e.data);
    case 'question.shown':
      return shown(s, e.data);
    case 'question.opened':
      s.phase = 'open';
      return;
    case 'answer.accepted':
      return answered(s, e.data, e.seq);
    case 'question.closed':
      return closed(s, e.data.reason);
    case 'leaderboard.shown':
      s.phase = 'leaderboard';
      return;
    case 'word.hidden':
      if (s.current?.index === e.data.index) {
        if (e.data.hidden) s.current.hiddenWords.add(e.data.key);
        else s.current.hiddenWords.delete(e.data.key);
      }
      return;
    case 'answer.approved':
      if (s.current?.index === e.data.index) {
        if (e.data.approved) s.current.approved.add(e.data.playerId);
        else s.current.approved.delete(e.data.playerId);
      }
      return;
    case 'game.ended':
      s.phase = 'ended';
      s.endReason = e.data.reason;
      // The podium ranks everyone, also when the game ends before any close or after a late join.
      s.ranking = rankPlayers(s);
      // Teams too, when no question closed (a team podium still needs places).
      if (s.teams?.[0]?.rank === null) rankTeams(s.teams);
      return;
  }
}

function joined(s: GameState, d: EventOf<'player.joined'>['data']): void {
  const player: PlayerState = {
    id: d.playerId,
    nickname: d.nickname,
    nicknameKey: nicknameKey(d.nickname),
    tokenHash: d.tokenHash,
    ...(d.studentId !== undefined && { studentId: d.studentId }),
    rerolls: 0,
    joinOrder: s.joinCount,
    joinedDuring: s.phase === 'lobby' ? -1 : s.questionIndex,
    connected: true,
    via: d.via,
    kicked: false,
    score: 0,
    streak: 0,
    correctCount: 0,
    // Questions closed before this player came count as missed for the tie-break, so joining
    // late never beats being there.
    totalResponseMs: s.scoredTimeMs,
    rank: null,
    prevRank: null,
    answers: [],
  };
  s.players.set(player.id, player);
  moveToTeam(s, player, d.team);
  s.byNickname.set(player.nicknameKey, player.id);
  s.byToken.set(player.tokenHash, player.id);
  s.joinCount += 1;
  s.activeCount += 1;
  s.connectedCount += 1;
  if (s.current && s.phase !== 'lobby' && player.joinedDuring === s.current.index) s.current.lateJoiners.add(player.id);
  // A late joiner enters the ranking at the bottom until the next close re-ranks everyone.
  // Before the first close nobody is ranked, so neither is the late joiner (not rank 1 of 1).
  if (s.ranking.length > 0) {
    s.ranking.push(player.id);
    player.rank = s.ranking.length;
  }
}

function setConnected(s: GameState, playerId: string, connected: boolean): void {
  const p = s.players.get(playerId);
  if (!p || p.kicked || p.connected === connected) return;
  p.connected = connected;
  const delta = connected ? 1 : -1;
  s.connectedCount += delta;
  const run = s.current;
  if (run && p.answers[run.index] !== undefined) run.answeredConnected += delta;
}

function kicked(s: GameState, playerId: string): void {
  const p = s.players.get(playerId);
  if (!p || p.kicked) return;
  setConnected(s, playerId, false);
  p.kicked = true;
  s.activeCount -= 1;
  leaveTeam(s, p);
  // The nickname is free again; the token stays known so a resume gets KICKED.
  s.byNickname.delete(p.nicknameKey);
  withdrawAnswer(s, p);
  // No longer sitting the question out: the reveal's total (active − late joiners) stays right.
  s.current?.lateJoiners.delete(playerId);
  const at = s.ranking.indexOf(playerId);
  if (at >= 0) {
    s.ranking.splice(at, 1);
    for (let i = at; i < s.ranking.length; i += 1) {
      const other = s.players.get(s.ranking[i] as string);
      if (other) other.rank = i + 1;
    }
  }
}

/** A re-rolled nickname: the old one is free again. */
function renamed(s: GameState, playerId: string, nickname: string): void {
  const p = s.players.get(playerId);
  if (!p || p.kicked) return;
  s.byNickname.delete(p.nicknameKey);
  p.nickname = nickname;
  p.nicknameKey = nicknameKey(nickname);
  p.rerolls += 1;
  s.byNickname.set(p.nicknameKey, p.id);
}

/** A kicked player's answer to the running question no longer counts in its tallies. */
function withdrawAnswer(s: GameState, p: PlayerState): void {
  const run = s.current;
  const a = run ? p.answers[run.index] : undefined;
  if (!run || !a || run.closedReason !== null) return;
  run.answered -= 1;
  if (a.grade === 'correct') run.correct -= 1;
  const drop = (i: number) => {
    run.optionCounts[i] = Math.max(0, (run.optionCounts[i] ?? 0) - 1);
  };
  if (a.answer.kind === 'choice') drop(a.answer.choice);
  if (a.answer.kind === 'choices') a.answer.choices.forEach(drop);
  tallyShape(s, run, a.answer, -1);
  run.approved.delete(p.id);
  if (a.blocked) run.blocked -= 1;
  else if (a.answer.kind === 'text') {
    const entry = run.texts.get(normalizeText(a.answer.text));
    if (entry) entry.count -= 1;
    if (entry && entry.count <= 0) run.texts.delete(normalizeText(a.answer.text));
  }
}

function shown(s: GameState, d: EventOf<'question.shown'>['data']): void {
  const q = questionAt(s, d.index);
  const optionCount = 'options' in q ? q.options.length : 0;
  const run: QuestionRun = {
    index: d.index,
    opensAt: d.opensAt,
    closesAt: d.closesAt,
    answered: 0,
    answeredConnected: 0,
    correct: 0,
    optionCounts: new Array<number>(optionCount).fill(0),
    texts: new Map(),
    sliderCounts: new Array<number>(q.type === 'slider' ? sliderBucketCount(q) : 0).fill(0),
    placedRight: new Array<number>(q.type === 'ordering' ? q.items.length : 0).fill(0),
    hiddenWords: new Set(),
    approved: new Set(),
    blocked: 0,
    lateJoiners: new Set(),
    closedReason: null,
  };
  s.current = run;
  s.questionIndex = d.index;
  s.phase = 'reading';
}

function answered(s: GameState, d: EventOf<'answer.accepted'>['data'], seq: number): void {
  const p = s.players.get(d.playerId);
  const run = s.current;
  if (!p || !run || run.index !== d.index) return;
  p.answers[d.index] = { answer: d.answer, responseMs: d.responseMs, grade: d.grade, points: d.points, streak: d.streak, seq, ...(d.blocked && { blocked: true }) };
  run.answered += 1;
  if (p.connected) run.answeredConnected += 1;
  if (d.grade === 'correct') run.correct += 1;
  const a = d.answer;
  if (a.kind === 'choice') run.optionCounts[a.choice] = (run.optionCounts[a.choice] ?? 0) + 1;
  if (a.kind === 'choices') for (const c of a.choices) run.optionCounts[c] = (run.optionCounts[c] ?? 0) + 1;
  tallyShape(s, run, a, 1);
  // A filtered word never joins the cloud (nor the type-answer tally the screens get).
  if (d.blocked) run.blocked += 1;
  else if (a.kind === 'text') {
    const key = normalizeText(a.text);
    const entry = run.texts.get(key);
    if (entry) entry.count += 1;
    else run.texts.set(key, { text: a.text.trim().slice(0, 60), count: 1, correct: d.grade === 'correct' });
  }
}

/**
 * The reveal's spread of slider and ordering answers: the band a number fell in, and each item
 * an order put in its right place. `by` is +1 for an answer, −1 when a kicked player's is withdrawn.
 */
function tallyShape(s: GameState, run: QuestionRun, a: Answer, by: 1 | -1): void {
  const q = questionAt(s, run.index);
  if (a.kind === 'number' && q.type === 'slider') {
    const i = sliderBucketOf(q, a.value);
    run.sliderCounts[i] = Math.max(0, (run.sliderCounts[i] ?? 0) + by);
  }
  if (a.kind === 'order' && q.type === 'ordering') {
    a.order.forEach((item, place) => {
      if (q.solution[place] === item) run.placedRight[item] = Math.max(0, (run.placedRight[item] ?? 0) + by);
    });
  }
}

/** Credits every answer of the question and re-ranks: O(N log N) once per question. */
function closed(s: GameState, reason: QuestionRun['closedReason']): void {
  const run = s.current;
  if (!run) return;
  // Skipped before its answers opened, a question cannot count against anyone.
  const neverOpened = s.phase === 'reading';
  run.closedReason = reason;
  s.phase = 'closed';
  const q = questionAt(s, run.index);
  const scored = isScored(q) && !neverOpened;
  for (const p of s.players.values()) {
    if (p.kicked) continue;
    if (p.joinedDuring >= run.index) {
      if (scored) p.totalResponseMs += q.timeLimitMs;
      continue;
    }
    const a = p.answers[run.index];
    if (a) {
      p.score += a.points;
      p.streak = a.streak;
      if (a.grade === 'correct') p.correctCount += 1;
      if (scored) p.totalResponseMs += a.responseMs;
    } else if (scored) {
      p.streak = 0;
      p.totalResponseMs += q.timeLimitMs;
    }
  }
  if (scored) s.scoredTimeMs += q.timeLimitMs;
  s.ranking = rankPlayers(s);
  creditTeams(s, run.index, scored);
}
