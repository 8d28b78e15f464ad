import { gameOptionsSchema } from '@quizbus/shared';
import type { Answer, DomainEvent, EventDraft, GameOptions, GameQuestion } from '@quizbus/shared';
import type { Command, CommandType, Decision } from './commands.ts';
import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import type { GameState } from './game-state.ts';

/** Test-only. Common question fields: 20 s to answer after 3 s of reading, 1000 points. */
const base = { text: 'Question', timeLimitMs: 20_000, readMs: 3_000, points: 1000 };
type Extra = Partial<typeof base> & { explanation?: string; imageUrl?: string };

/** Test-only question builders (options in display order, as a running game holds them). */
export const Q = {
  single: (correct = 0, x: Extra = {}): GameQuestion => ({ ...base, ...x, type: 'single', options: ['Red', 'Blue', 'Green', 'Yellow'], correct }),
  multi: (correct = [0, 2], x: Extra = {}): GameQuestion => ({ ...base, ...x, type: 'multi', options: ['Red', 'Blue', 'Green', 'Yellow'], correct }),
  trueFalse: (correct = 0, x: Extra = {}): GameQuestion => ({ ...base, ...x, type: 'true-false', options: ['True', 'False'], correct }),
  typeAnswer: (accepted = ['Zürich', 'Zurich'], x: Extra = {}): GameQuestion => ({ ...base, ...x, type: 'type-answer', accepted }),
  slider: (correct = 50, tolerance = 5, x: Extra = {}): GameQuestion => ({ ...base, ...x, type: 'slider', min: 0, max: 100, step: 1, correct, tolerance }),
  ordering: (solution = [2, 0, 1], x: Extra = {}): GameQuestion => ({ ...base, ...x, type: 'ordering', items: ['Two', 'Three', 'One'], solution }),
  poll: (x: Extra = {}): GameQuestion => ({ ...base, ...x, type: 'poll', options: ['Tea', 'Coffee', 'Water'] }),
  wordCloud: (x: Extra = {}): GameQuestion => ({ ...base, points: 0, ...x, type: 'word-cloud' }),
  openAnswer: (x: Extra = {}): GameQuestion => ({ ...base, points: 0, ...x, type: 'open-answer' }),
  slide: (body = 'Events are facts.'): GameQuestion => ({ type: 'slide', text: 'A slide', body, timeLimitMs: 0, readMs: 0, points: 0 }),
};

/** Test-only answer builders. */
export const A = {
  choice: (choice: number): Answer => ({ kind: 'choice', choice }),
  choices: (...choices: number[]): Answer => ({ kind: 'choices', choices }),
  text: (text: string): Answer => ({ kind: 'text', text }),
  number: (value: number): Answer => ({ kind: 'number', value }),
  order: (...order: number[]): Answer => ({ kind: 'order', order }),
};

type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/**
 * Test-only driver of the pure engine: decides commands at a fake clock (`now`) and, when they
 * are accepted, stamps their events (consecutive seq from 1, `at = now`) and evolves them into
 * `state`. Every stamped event is kept in `events`, so a test can replay or inspect the log.
 * Players get ids `p1`, `p2`, … and token hashes `token-<id>`; the host's hash is `hostHash`.
 *
 * ```ts
 * const g = new TestGame([Q.single(1)]);
 * const ann = g.add('Ann');
 * g.start(); g.toOpen();
 * g.answer(ann, 0, A.choice(1)); // -> the Decision
 * ```
 */
export class TestGame {
  readonly gameId = 'game-1';
  readonly hostHash = 'host-hash';
  readonly events: DomainEvent[] = [];
  state: GameState;
  private players = 0;

  /** Creates the game at time `now` (default 1,000,000) with default options overridden by `options`. */
  constructor(
    readonly questions: GameQuestion[],
    options: Partial<GameOptions> = {},
    public now = 1_000_000,
  ) {
    const created = decide(null, { type: 'create', gameId: this.gameId, pin: '123456', quizId: 'quiz-1', title: 'Test quiz', questions, options: gameOptionsSchema.parse(options), hostTokenHash: this.hostHash }, now);
    if (!created.ok) throw new Error(`create rejected: ${created.code}`);
    const first = created.events[0] as EventDraft;
    const event = { ...first, gameId: this.gameId, seq: 1, at: now };
    this.events.push(event);
    this.state = evolve(null, event);
  }

  /** Decides `command` at `now`; if accepted, applies its events. Returns the decision unchanged. */
  run<T extends CommandType>(command: CommandOf<T>): Decision<T> {
    const decision = decide<T>(this.state, command, this.now);
    if (decision.ok) for (const draft of decision.events) this.apply(draft);
    return decision;
  }

  /** Stamps one event draft with the next seq and `now` and evolves it. Returns the stamped event. */
  apply(draft: EventDraft): DomainEvent {
    const event = { ...draft, gameId: this.gameId, seq: this.state.seq + 1, at: this.now };
    this.state = evolve(this.state, event);
    this.events.push(event);
    return event;
  }

  /** The next player id `join` would use. */
  nextPlayerId(): string {
    return `p${this.players + 1}`;
  }

  /** Joins with a fresh player id (`p1`, `p2`, …) and token hash `token-<id>`; `via` names the node of the socket. */
  join(nickname: string, via?: string): Decision<'join'> {
    const playerId = this.nextPlayerId();
    this.players += 1;
    return this.run({ type: 'join', playerId, nickname, tokenHash: `token-${playerId}`, ...(via !== undefined && { via }) });
  }

  /** Joins and returns the player id; throws if the join is rejected. */
  add(nickname: string, via?: string): string {
    return TestGame.ok(this.join(nickname, via)).reply.playerId;
  }

  resume(playerId: string, via?: string): Decision<'resume'> { return this.run({ type: 'resume', tokenHash: `token-${playerId}`, ...(via !== undefined && { via }) }); }
  disconnect(playerId: string, via?: string): Decision<'disconnect'> { return this.run({ type: 'disconnect', playerId, ...(via !== undefined && { via }) }); }
  answer(playerId: string, index: number, answer: Answer): Decision<'answer'> { return this.run({ type: 'answer', playerId, index, answer }); }
  /** Host commands; each takes the host token hash last (default: the right one). */
  start(hostTokenHash = this.hostHash): Decision<'start'> { return this.run({ type: 'start', hostTokenHash }); }
  next(hostTokenHash = this.hostHash): Decision<'next'> { return this.run({ type: 'next', hostTokenHash }); }
  skip(hostTokenHash = this.hostHash): Decision<'skip'> { return this.run({ type: 'skip', hostTokenHash }); }
  end(hostTokenHash = this.hostHash): Decision<'end'> { return this.run({ type: 'end', hostTokenHash }); }
  kick(playerId: string, hostTokenHash = this.hostHash): Decision<'kick'> { return this.run({ type: 'kick', hostTokenHash, playerId }); }
  lock(locked: boolean, hostTokenHash = this.hostHash): Decision<'lock'> { return this.run({ type: 'lock', hostTokenHash, locked }); }
  hideWord(index: number, word: string, hidden = true, hostTokenHash = this.hostHash): Decision<'hide-word'> { return this.run({ type: 'hide-word', hostTokenHash, index, word, hidden }); }
  approve(index: number, playerId: string, approved = true, hostTokenHash = this.hostHash): Decision<'approve'> { return this.run({ type: 'approve', hostTokenHash, index, playerId, approved }); }
  /** A text answer the gateway's word filter caught. */
  blockedAnswer(playerId: string, index: number, text: string): Decision<'answer'> { return this.run({ type: 'answer', playerId, index, answer: { kind: 'text', text }, blocked: true }); }

  /** Moves the clock to absolute time `ms` (never backwards) and runs the tick there. */
  advanceTo(ms: number): Decision<'tick'> {
    if (ms < this.now) throw new Error(`the clock cannot go back from ${this.now} to ${ms}`);
    this.now = ms;
    return this.run({ type: 'tick' });
  }
  /** Moves the clock forward by `ms` and ticks. */
  advanceBy(ms: number): Decision<'tick'> {
    return this.advanceTo(this.now + ms);
  }
  /** Advances to the moment the current question opens (+ `plusMs`). */
  toOpen(plusMs = 0): Decision<'tick'> {
    return this.advanceTo(this.current().opensAt + plusMs);
  }
  /** Advances to the deadline of the current question, which closes it. */
  toClose(): Decision<'tick'> {
    return this.advanceTo(this.current().closesAt);
  }

  /** Types of the events appended since event number `fromSeq` (exclusive). */
  typesSince(fromSeq: number): string[] {
    return this.events.filter((e) => e.seq > fromSeq).map((e) => e.type);
  }

  private current() {
    if (!this.state.current) throw new Error('no question has been shown');
    return this.state.current;
  }

  /** Narrows a decision to its accepted form; throws with the code if it was rejected. */
  static ok<D extends Decision>(d: D): Extract<D, { ok: true }> {
    if (!d.ok) throw new Error(`rejected: ${d.code} ${d.message}`);
    return d as Extract<D, { ok: true }>;
  }
}

/** A plain, deep-comparable copy of a state (Maps and Sets become arrays in insertion order). */
export function snapshotState(state: GameState): unknown {
  return JSON.parse(
    JSON.stringify(state, (_key, value: unknown) => {
      if (value instanceof Map) return { map: [...value.entries()] };
      if (value instanceof Set) return { set: [...value.values()] };
      if (value === undefined) return { undef: true };
      return value;
    }),
  );
}
