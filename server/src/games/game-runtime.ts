import type { DomainEvent, EventDraft } from '@quizbus/shared';
import type { Logger } from 'pino';
import { decide, decideAnswer, evolve, nextDeadline, PendingAnswers, reject, replay, tick } from '../engine/index.ts';
import type { Command, CommandType, Decision, GameState } from '../engine/index.ts';
import type { Clock, Timer } from '../ports/clock.ts';
import type { EventLog } from '../ports/event-log.ts';
import { VersionConflictError } from '../ports/event-log.ts';
import type { GameBus } from '../ports/game-bus.ts';

/** Called for each committed event with the state right after it, before the next command runs. */
export type EventSink = (event: DomainEvent, state: GameState) => void;

export interface RuntimeDeps {
  log: EventLog;
  bus: GameBus;
  clock: Clock;
  nodeId: string;
  logger: Logger;
  sink: EventSink;
}

/** A decision as the sender sees it: with the game's version once the command is applied. */
/** An accepted outcome: what `then` callbacks receive. */
export type Accepted<T extends CommandType = CommandType> = Extract<Decision<T>, { ok: true }> & { seq: number };

export type Outcome<T extends CommandType = CommandType> = (Extract<Decision<T>, { ok: true }> & { seq: number }) | Extract<Decision<T>, { ok: false }>;

/**
 * The owner of one game on this node. Runs the game's commands strictly one at a time:
 * decide → append to the log → evolve → hand to the local fan-out → publish on the bus → reply.
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

  private constructor(
    private state: GameState,
    private readonly deps: RuntimeDeps,
  ) {
    this.lastActivityAt = deps.clock.now();
  }

  /** Starts a new game from its create command. */
  static async create(deps: RuntimeDeps, command: Extract<Command, { type: 'create' }>): Promise<GameRuntime> {
    const now = deps.clock.now();
    const decision = decide(null, command, now);
    if (!decision.ok) throw new Error(decision.message);
    const events = stamp(command.gameId, 0, now, decision.events);
    await deps.log.append(command.gameId, 0, events);
    let state: GameState | null = null;
    for (const e of events) state = evolve(state, e);
    if (!state) throw new Error('game.created produced no state');
    const runtime = new GameRuntime(state, deps);
    for (const e of events) deps.sink(e, state);
    await deps.bus.publish(command.gameId, { origin: deps.nodeId, events });
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
    this.tail = run.catch(() => undefined);
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
      this.tail = run.catch(() => undefined);
      batch = fresh;
    }
    const items = batch.items;
    return new Promise((resolve) => items.push({ command, resolve }));
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
    try {
      const due = tick(this.state, now);
      if (due.length > 0) await this.commit(due, now);
      const pending = new PendingAnswers();
      const decisions: Array<Decision<'answer'>> = [];
      for (const [i, item] of items.entries()) {
        const d = decideAnswer(this.state, item.command, now, pending);
        decisions.push(d);
        if (!d.ok) continue;
        pending.add(d.events);
        // The answer that closes the question ends the batch: the rest meet the closed question.
        if (d.events.some((e) => e.type === 'question.closed')) {
          rest = items.slice(i + 1);
          break;
        }
      }
      const drafts = decisions.flatMap((d) => (d.ok ? d.events : []));
      const base = this.state.seq;
      if (drafts.length > 0) await this.commit(drafts, now);
      this.failedAt = null;
      let seq = base;
      decisions.forEach((d, i) => {
        if (d.ok) seq += d.events.length;
        items[i]?.resolve(d.ok ? { ...d, seq } : d);
      });
    } catch (err) {
      this.failed(err, now);
      for (const item of items.slice(0, items.length - rest.length)) item.resolve(reject('UNAVAILABLE', 'The game could not record that; try again.'));
    } finally {
      this.schedule();
    }
    if (rest.length > 0) await this.runBatch({ items: rest });
  }

  private async run<T extends CommandType>(
    command: Extract<Command, { type: T }>,
    then?: (state: GameState, outcome: Accepted<T>) => void,
  ): Promise<Outcome<T>> {
    if (this.stopped) return reject('UNAVAILABLE', 'This game is not served here any more.');
    const now = this.deps.clock.now();
    if (command.type !== 'tick') this.lastActivityAt = now;
    try {
      // Transitions that are due happen before the command, so an answer after the deadline
      // meets a closed question even if the timer has not fired yet.
      const due = tick(this.state, now);
      if (due.length > 0) await this.commit(due, now);
      const decision = decide<T>(this.state, command, now);
      if (decision.ok && decision.events.length > 0) await this.commit(decision.events, now);
      this.failedAt = null;
      const outcome = (decision.ok ? { ...decision, seq: this.state.seq } : decision) as Outcome<T>;
      if (outcome.ok) then?.(this.state, outcome);
      return outcome;
    } catch (err) {
      this.failed(err, now);
      return reject('UNAVAILABLE', 'The game could not record that; try again.');
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

  /** Commit before publish: the log holds an event before any client or node hears of it. */
  private async commit(drafts: EventDraft[], now: number): Promise<void> {
    const events = stamp(this.gameId, this.state.seq, now, drafts);
    await this.deps.log.append(this.gameId, this.state.seq, events);
    if (this.deps.logger.isLevelEnabled('debug')) this.deps.logger.debug({ gameId: this.gameId, seq: events.map((e) => e.seq), types: events.map((e) => e.type) }, 'committed');
    for (const e of events) {
      this.state = evolve(this.state, e);
      this.deps.sink(e, this.state);
    }
    await this.deps.bus.publish(this.gameId, { origin: this.deps.nodeId, events });
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
/** Answers committed together at most: bounds one append and the wait of the first in line. */
const MAX_BATCH = 500;

interface BatchItem {
  command: Extract<Command, { type: 'answer' }>;
  resolve: (outcome: Outcome<'answer'>) => void;
}

interface AnswerBatch {
  items: BatchItem[];
}

function stamp(gameId: string, version: number, now: number, drafts: readonly EventDraft[]): DomainEvent[] {
  // A literal of one fixed shape, not a spread: spreading drafts of many types gave every stored
  // event a hidden class of its own (about 250 bytes each in the heap, four events per player).
  return drafts.map((d, i) => ({ type: d.type, data: d.data, gameId, seq: version + i + 1, at: now }) as DomainEvent);
}
