import type { DomainEvent, EventDraft } from '@quizbus/shared';
import type { Logger } from 'pino';
import { decide, decideAnswer, evolve, nextDeadline, PendingAnswers, recall, reject, replay, tick } from '../engine/index.ts';
import type { Command, CommandType, Decision, GameState, Replies } from '../engine/index.ts';
import type { Clock, Timer } from '../ports/clock.ts';
import type { EventLog } from '../ports/event-log.ts';
import { VersionConflictError } from '../ports/event-log.ts';

/** Called for each committed event with the state right after it, before the next command runs. */
export type EventSink = (event: DomainEvent, state: GameState) => void;

export interface RuntimeDeps {
  /** The log; each append also publishes the events on the game's bus (one call per commit). */
  log: EventLog;
  clock: Clock;
  nodeId: string;
  logger: Logger;
  sink: EventSink;
  /**
   * Lets one turn of the event loop pass between two commands of the game. With a shared store
   * a forwarded command's reply is published from promise callbacks after its outcome; the next
   * command's append publishes that command's events from inside the store. The turn makes sure
   * the reply is on its way first, so a player's ack never falls behind its game's later events
   * (`player.final`). In one process there is no relay and the turn would only slow the queue.
   */
  turnBetweenCommands?: boolean;
}

/** A decision as the sender sees it: with the game's version once the command is applied. */
/** An accepted outcome: what `then` callbacks receive. */
export type Accepted<T extends CommandType = CommandType> = Extract<Decision<T>, { ok: true }> & { seq: number };

export type Outcome<T extends CommandType = CommandType> = (Extract<Decision<T>, { ok: true }> & { seq: number }) | Extract<Decision<T>, { ok: false }>;

/**
 * The owner of one game on this node. Runs the game's commands strictly one at a time:
 * decide → append to the log (which publishes on the bus) → evolve → hand to the local fan-out → reply.
 * Keeps one timer, at the game's next absolute deadline.
 */
export class GameRuntime {
  private tail: Promise<unknown> = Promise.resolve();
  /** The answer batch queued last, still taking answers until it starts to run. */
  private openBatch: AnswerBatch | null = null;
  private timer: { at: number; handle: Timer } | null = null;
  private stopped = false;
  /** When the last commit failed, or null; delays timer retries. */
  private failedAt: number | null = null;
  /** Time of the last command from a person (not a timer), for the idle limit. */
  lastActivityAt: number;
  /**
   * Whether the game is over for good: `game.ended` committed, handed to this node's sockets
   * and published to the others (the podium served). From then on it no longer counts as live.
   */
  private over: boolean;

  private constructor(
    private state: GameState,
    private readonly deps: RuntimeDeps,
  ) {
    this.lastActivityAt = deps.clock.now();
    this.over = state.phase === 'ended';
  }

  /** Whether `game.ended` has been committed and fanned out (here and on the bus). */
  get isOver(): boolean {
    return this.over;
  }

  /** Starts a new game from its create command. */
  static async create(deps: RuntimeDeps, command: Extract<Command, { type: 'create' }>): Promise<GameRuntime> {
    const now = deps.clock.now();
    const decision = decide(null, command, now);
    if (!decision.ok) throw new Error(decision.message);
    const events = stamp(command.gameId, 0, now, decision.events);
    await deps.log.append(command.gameId, 0, events, deps.nodeId);
    let state: GameState | null = null;
    for (const e of events) state = evolve(state, e);
    if (!state) throw new Error('game.created produced no state');
    const runtime = new GameRuntime(state, deps);
    for (const e of events) deps.sink(e, state);
    return runtime;
  }

  /** Takes over a game from a state this node holds up to date with the log; resumes its timer. */
  static adopt(deps: RuntimeDeps, state: GameState): GameRuntime {
    const runtime = new GameRuntime(state, deps);
    runtime.schedule();
    return runtime;
  }

  /** Rebuilds a game from its log (takeover, restart) and resumes its timer. */
  static async restore(deps: RuntimeDeps, gameId: string): Promise<GameRuntime | null> {
    const state = replay(await deps.log.read(gameId));
    if (!state) return null;
    const runtime = new GameRuntime(state, deps);
    runtime.schedule();
    return runtime;
  }

  get gameId(): string {
    return this.state.gameId;
  }

  /** The current state, read-only for callers; consistent only within a synchronous block. */
  get current(): GameState {
    return this.state;
  }

  /**
   * Queues a command. `then` runs (for an accepted command) synchronously right after it is
   * applied and before any later event, so a caller can join rooms and build a view that no
   * event can slip past.
   */
  execute<T extends CommandType>(
    command: Extract<Command, { type: T }>,
    then?: (state: GameState, outcome: Accepted<T>) => void,
  ): Promise<Outcome<T>> {
    if (command.type === 'answer' && !then) return this.enqueueAnswer(command as Extract<Command, { type: 'answer' }>) as Promise<Outcome<T>>;
    // Anything else closes the open batch: an answer that comes after it must run after it.
    this.openBatch = null;
    const run = this.tail.then(() => this.run(command, then));
    // The tail only orders commands; the caller gets `run` and its failure.
    this.tail = this.settle(run);
    return run;
  }

  /**
   * Group commit. Answers that queue up behind the running command wait together in one batch,
   * which then runs as one append and one publish instead of one round trip to the store each:
   * with Redis, a class answering at once would otherwise queue behind thousands of serial
   * round trips. Order is kept: a batch only ever takes answers that arrived one after another,
   * each is decided as if those before it had been applied (PendingAnswers), and each still
   * gets its own ack, after the commit.
   */
  private enqueueAnswer(command: Extract<Command, { type: 'answer' }>): Promise<Outcome<'answer'>> {
    let batch = this.openBatch;
    if (!batch || batch.items.length >= MAX_BATCH) {
      const fresh: AnswerBatch = { items: [] };
      this.openBatch = fresh;
      const run = this.tail.then(() => this.runBatch(fresh));
      this.tail = this.settle(run);
      batch = fresh;
    }
    const items = batch.items;
    return new Promise((resolve) => items.push({ command, resolve }));
  }

  /** What the next command waits for: this one done (failed or not), and a turn if asked for. */
  private settle(run: Promise<unknown>): Promise<unknown> {
    const done = run.catch(() => undefined);
    return this.deps.turnBetweenCommands ? done.then(nextTurn) : done;
  }

  private async runBatch(batch: AnswerBatch): Promise<void> {
    if (this.openBatch === batch) this.openBatch = null; // running: later answers start a new one
    const items = batch.items;
    const first = items[0];
    if (!first) return;
    if (items.length === 1) {
      first.resolve(await this.run(first.command));
      return;
    }
    if (this.stopped) {
      for (const item of items) item.resolve(reject('UNAVAILABLE', 'This game is not served here any more.'));
      return;
    }
    const now = this.deps.clock.now();
    this.lastActivityAt = now;
    let rest: BatchItem[] = [];
    let appending = false;
    try {
      const due = tick(this.state, now);
      if (due.length > 0) await this.commit(due, now);
      const pending = new PendingAnswers();
      const decisions: Array<Decision<'answer'> | Repeat> = [];
      // A resend may meet its original in the same batch: it gets the original's outcome.
      const inBatch = new Map<string, number>();
      for (const [i, item] of items.entries()) {
        const d = this.decideInBatch(item.command, now, pending, inBatch, i);
        decisions.push(d);
        if (!d.ok || 'repeatOf' in d) continue;
        pending.add(d.events);
        // The answer that closes the question ends the batch: the rest meet the closed question.
        if (d.events.some((e) => e.type === 'question.closed')) {
          rest = items.slice(i + 1);
          break;
        }
      }
      const drafts = decisions.flatMap((d, i) => (d.ok && !('repeatOf' in d) ? withCid(d.events, items[i]?.command.cid) : []));
      const base = this.state.seq;
      appending = true;
      if (drafts.length > 0) await this.commit(drafts, now);
      this.failedAt = null;
      let seq = base;
      const outcomes: Array<Outcome<'answer'>> = [];
      decisions.forEach((d, i) => {
        let outcome: Outcome<'answer'>;
        if (!d.ok) outcome = d;
        else if ('repeatOf' in d) outcome = typeof d.repeatOf === 'number' ? (outcomes[d.repeatOf] as Outcome<'answer'>) : d.recalled;
        else {
          seq += d.events.length;
          outcome = { ...d, seq };
        }
        outcomes.push(outcome);
        items[i]?.resolve(outcome);
      });
    } catch (err) {
      this.failed(err, now);
      const failure = appending ? commitFailure(err) : reject('UNAVAILABLE', 'The game could not record that; try again.');
      for (const item of items.slice(0, items.length - rest.length)) item.resolve(failure);
    } finally {
      this.schedule();
    }
    if (rest.length > 0) await this.runBatch({ items: rest });
  }

  /** One answer of a batch: a repeat (of a recorded answer, or of one earlier in the batch) or a decision. */
  private decideInBatch(
    command: Extract<Command, { type: 'answer' }>,
    now: number,
    pending: PendingAnswers,
    inBatch: Map<string, number>,
    position: number,
  ): Decision<'answer'> | Repeat {
    const seen = recall(this.state, command.cid);
    if (seen) return { ok: true, repeatOf: null, recalled: { ok: true, events: [], reply: seen.reply as Replies['answer'], seq: seen.seq } };
    if (command.cid === undefined) return decideAnswer(this.state, command, now, pending);
    const earlier = inBatch.get(command.cid);
    if (earlier !== undefined) return { ok: true, repeatOf: earlier, recalled: null };
    inBatch.set(command.cid, position);
    return decideAnswer(this.state, command, now, pending);
  }

  private async run<T extends CommandType>(
    command: Extract<Command, { type: T }>,
    then?: (state: GameState, outcome: Accepted<T>) => void,
  ): Promise<Outcome<T>> {
    if (this.stopped) return reject('UNAVAILABLE', 'This game is not served here any more.');
    const now = this.deps.clock.now();
    if (command.type !== 'tick') this.lastActivityAt = now;
    let appending = false;
    try {
      // A repeat of a command the game ran gets the original outcome and runs nothing.
      const seen = recall(this.state, command.cid);
      if (seen) {
        const outcome = { ok: true, events: [], reply: seen.reply, seq: seen.seq } as unknown as Accepted<T>;
        then?.(this.state, outcome);
        return outcome;
      }
      // Transitions that are due happen before the command, so an answer after the deadline
      // meets a closed question even if the timer has not fired yet.
      const due = tick(this.state, now);
      if (due.length > 0) await this.commit(due, now);
      const decision = decide<T>(this.state, command, now);
      appending = true;
      if (decision.ok && decision.events.length > 0) await this.commit(decision.events, now, command.cid);
      this.failedAt = null;
      const outcome = (decision.ok ? { ...decision, seq: this.state.seq } : decision) as Outcome<T>;
      if (outcome.ok) then?.(this.state, outcome);
      return outcome;
    } catch (err) {
      this.failed(err, now);
      return appending ? commitFailure(err) : reject('UNAVAILABLE', 'The game could not record that; try again.');
    } finally {
      this.schedule();
    }
  }

  /** A commit failed: nothing changed; a version conflict means another node writes this game now. */
  private failed(err: unknown, now: number): void {
    this.failedAt = now;
    if (err instanceof VersionConflictError) {
      this.deps.logger.warn({ gameId: this.gameId, err: err.message }, 'lost the game to another writer');
      this.stop();
    } else {
      this.deps.logger.error({ gameId: this.gameId, err }, 'command failed');
    }
  }

  /**
   * Commit before fan-out: the log holds an event before any client or node hears of it. The
   * append publishes to the other nodes in the same call to the store (one round trip per commit).
   */
  private async commit(drafts: readonly KeyedDraft[], now: number, cid?: string): Promise<void> {
    const events = stamp(this.gameId, this.state.seq, now, cid === undefined ? drafts : withCid(drafts, cid));
    await this.deps.log.append(this.gameId, this.state.seq, events, this.deps.nodeId);
    if (this.deps.logger.isLevelEnabled('debug')) this.deps.logger.debug({ gameId: this.gameId, seq: events.map((e) => e.seq), types: events.map((e) => e.type) }, 'committed');
    for (const e of events) {
      this.state = evolve(this.state, e);
      this.deps.sink(e, this.state);
    }
    if (this.state.phase === 'ended') this.over = true;
  }

  private schedule(): void {
    if (this.stopped) return;
    const at = nextDeadline(this.state);
    if (this.timer && this.timer.at === at) return;
    this.timer?.handle.cancel();
    this.timer = null;
    if (at === null) return;
    // After a failed commit (store unreachable) the deadline has passed: retry at a calm pace.
    const when = this.failedAt === null ? at : Math.max(at, this.failedAt + RETRY_MS);
    this.timer = {
      at,
      handle: this.deps.clock.setTimer(when, () => {
        this.timer = null;
        // A timer has nobody to answer; run() logs a failed commit and reschedules a retry.
        void this.execute({ type: 'tick' });
      }),
    };
  }

  /** Stops the timer; queued commands are refused from now on. */
  stop(): void {
    this.stopped = true;
    this.timer?.handle.cancel();
    this.timer = null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Whether a timer is armed (for leak checks). */
  get hasTimer(): boolean {
    return this.timer !== null;
  }
}

const RETRY_MS = 1000;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
/** Answers committed together at most: bounds one append and the wait of the first in line. */
const MAX_BATCH = 500;

interface BatchItem {
  command: Extract<Command, { type: 'answer' }>;
  resolve: (outcome: Outcome<'answer'>) => void;
}

interface AnswerBatch {
  items: BatchItem[];
}

/** A draft with the (hashed) id of the command that produced it, if any. */
type KeyedDraft = EventDraft & { cid?: string };

/** A repeat inside a batch: of a recorded command, or of the batch item at `repeatOf`. */
type Repeat = { ok: true; repeatOf: number; recalled: null } | { ok: true; repeatOf: null; recalled: Accepted<'answer'> };

function withCid(drafts: readonly EventDraft[], cid: string | undefined): KeyedDraft[] {
  return cid === undefined ? [...drafts] : drafts.map((d) => ({ ...d, cid }));
}

/**
 * The ack for a command whose append failed. A version conflict means the append did not
 * happen (another writer was first); anything else (a timeout, a dropped connection) may have
 * reached the store, so the outcome is unknown and the sender resends with the same id.
 */
function commitFailure(err: unknown): Extract<Outcome, { ok: false }> {
  if (err instanceof VersionConflictError) return reject('UNAVAILABLE', 'The game moved to another server; try again.');
  return reject('OUTCOME_UNKNOWN', 'The game may or may not have recorded that; resend it with the same command id.');
}

function stamp(gameId: string, version: number, now: number, drafts: readonly KeyedDraft[]): DomainEvent[] {
  // A literal of one fixed shape, not a spread: spreading drafts of many types gave every stored
  // event a hidden class of its own (about 250 bytes each in the heap, four events per player).
  return drafts.map((d, i) => ({ type: d.type, data: d.data, gameId, seq: version + i + 1, at: now, cid: d.cid }) as DomainEvent);
}
