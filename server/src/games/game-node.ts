import { gameOptionsSchema, type DomainEvent, type GameOptions } from '@quizbus/shared';
import type { Logger } from 'pino';
import { reject, replay, type Command, type CommandType, type GameState } from '../engine/index.ts';
import type { Clock, Timer } from '../ports/clock.ts';
import type { CommandRelay } from '../ports/command-relay.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { BusMessage, GameBus } from '../ports/game-bus.ts';
import type { GameDirectory } from '../ports/game-directory.ts';
import type { GameLeases } from '../ports/game-leases.ts';
import type { QuizStore } from '../ports/quiz-store.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { ReportKeeper } from './report-keeper.ts';
import { GameReplica } from './game-replica.ts';
import { GameRuntime, type Accepted, type EventSink, type Outcome, type RuntimeDeps } from './game-runtime.ts';
import { prepareQuestions } from './prepare-quiz.ts';
import { cryptoRandomInt, hashToken, newId, newToken, randomPin, type RandomInt } from './tokens.ts';

export interface GameNodeOptions {
  nodeId: string;
  clock: Clock;
  logger: Logger;
  log: EventLog;
  bus: GameBus;
  directory: GameDirectory;
  leases: GameLeases;
  relay: CommandRelay<Command, Outcome>;
  quizzes: QuizStore;
  /** Where the reports of finished games are kept; none in unit setups that do not need them. */
  reports?: ReportStore;
  /** Hands each committed event, with the state after it, to this node's sockets. */
  sink: EventSink;
  /** Called when a game is gone from this node (removed), so its rooms can be closed. */
  onRemoved: (gameId: string) => void;
  /** A game with no command from a person for this long is ended and removed. */
  idleMs: number;
  /** An ended game stays available this long before it is removed. */
  endedTtlMs: number;
  /** Several nodes share games: renew leases, take over orphans. Off on the embedded default. */
  cluster: boolean;
  leaseMs?: number;
  relayTimeoutMs?: number;
  sweepMs?: number;
  random?: RandomInt;
}

export class QuizNotFoundError extends Error {
  constructor(readonly quizId: string) {
    super(`no quiz ${quizId}`);
    this.name = 'QuizNotFoundError';
  }
}

export interface CreatedGame {
  gameId: string;
  pin: string;
  hostToken: string;
}

interface Owned {
  runtime: GameRuntime;
  stopServing: Promise<() => Promise<void>>;
}

interface Watched {
  sockets: number;
  /** The bus subscription; null while this node owns the game (its events start here). */
  unsubscribe: Promise<() => Promise<void>> | null;
}

/**
 * This node's part in the games: it owns some (runs their commands and timers), keeps read
 * copies of others its sockets are in, forwards commands to owners elsewhere, and takes over
 * games whose owner has gone. On the embedded default it simply owns every game.
 */
export class GameNode {
  private readonly owned = new Map<string, Owned>();
  private readonly replicas = new Map<string, GameReplica>();
  private readonly watched = new Map<string, Watched>();
  private readonly opening = new Map<string, Promise<GameState | null>>();
  private readonly taking = new Map<string, Promise<boolean>>();
  /** Events heard for a game while its copy is being read from the log. */
  private readonly heldBack = new Map<string, DomainEvent[]>();
  private readonly timers: Timer[] = [];
  private closed = false;
  private readonly leaseMs: number;
  private readonly keeper: ReportKeeper | null;

  constructor(private readonly o: GameNodeOptions) {
    this.leaseMs = o.leaseMs ?? 5000;
    this.keeper = o.reports ? new ReportKeeper(o.log, o.reports, o.logger) : null;
    this.every(o.sweepMs ?? 60_000, () => this.sweep());
    if (o.cluster) {
      this.every(Math.floor(this.leaseMs / 3), () => this.renewLeases());
      this.every(1000, () => this.adoptOrphans());
    }
  }

  get nodeId(): string {
    return this.o.nodeId;
  }

  /** Games this node owns now. */
  get ownedCount(): number {
    return this.owned.size;
  }

  ownedIds(): string[] {
    return [...this.owned.keys()];
  }

  private runtimeDeps(): RuntimeDeps {
    const { log, bus, clock, nodeId, logger, sink } = this.o;
    const keeper = this.keeper;
    // The owner's events also go to the report keeper, which saves a report at game.ended.
    const observed: EventSink = (e, s) => {
      sink(e, s);
      keeper?.observe(e, s);
    };
    return { log, bus, clock, nodeId, logger, sink: keeper ? observed : sink };
  }

  /** Creates a game for a quiz and owns it: unique PIN, host token returned once (stored hashed). */
  async create(quizId: string, rawOptions: Partial<GameOptions> = {}): Promise<CreatedGame> {
    const quiz = await this.o.quizzes.get(quizId);
    if (!quiz) throw new QuizNotFoundError(quizId);
    const options = gameOptionsSchema.parse(rawOptions);
    const gameId = newId('g');
    if (!(await this.o.leases.acquire(gameId, this.o.nodeId, this.ttl()))) throw new Error('could not own a new game');
    const pin = await this.claimPin(gameId);
    const hostToken = newToken();
    const runtime = await GameRuntime.create(this.runtimeDeps(), {
      type: 'create',
      gameId,
      pin,
      quizId: quiz.id,
      title: quiz.title,
      questions: prepareQuestions(quiz, options, this.o.random ?? cryptoRandomInt),
      options,
      hostTokenHash: hashToken(hostToken),
    });
    await this.o.leases.track(gameId);
    this.own(runtime);
    this.o.logger.info({ gameId, pin, quizId: quiz.id }, 'game created');
    return { gameId, pin, hostToken };
  }

  private async claimPin(gameId: string): Promise<string> {
    // A million PINs: random picks find a free one quickly unless nearly all are live.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const pin = randomPin();
      if (await this.o.directory.claim(pin, gameId)) return pin;
    }
    throw new Error('no free game PIN');
  }

  private ttl(): number {
    // Alone, a node owns its games for good; in a cluster the lease lapses unless renewed.
    return this.o.cluster ? this.leaseMs : 365 * 24 * 3600 * 1000;
  }

  private own(runtime: GameRuntime): void {
    const gameId = runtime.gameId;
    const stopServing = this.o.relay.serve(gameId, (command) => this.runOwned(gameId, command));
    this.owned.set(gameId, { runtime, stopServing });
    this.replicas.get(gameId)?.close();
    this.replicas.delete(gameId);
  }

  private async runOwned(gameId: string, command: Command): Promise<Outcome> {
    const owned = this.owned.get(gameId);
    if (!owned) return reject('UNAVAILABLE', 'This node no longer owns the game; try again.');
    const outcome = await owned.runtime.execute(command);
    if (owned.runtime.isStopped) await this.demote(gameId);
    return outcome;
  }

  /** The runtime of a game this node owns (for tools and tests). */
  runtime(gameId: string): GameRuntime | undefined {
    return this.owned.get(gameId)?.runtime;
  }

  /** The live game with this PIN, anywhere in the cluster. */
  resolvePin(pin: string): Promise<string | null> {
    return this.o.directory.lookup(pin);
  }

  /** The state this node holds for a game (owned or copy), if any. */
  stateOf(gameId: string): GameState | undefined {
    return this.owned.get(gameId)?.runtime.current ?? this.replicas.get(gameId)?.current;
  }

  /**
   * Makes a game's state available here: the owned state, or a copy kept current from the bus.
   * Takes the game over if nobody owns it. Null if there is no such game.
   */
  open(gameId: string): Promise<GameState | null> {
    const have = this.stateOf(gameId);
    if (have) return Promise.resolve(have);
    let pending = this.opening.get(gameId);
    if (!pending) {
      pending = this.load(gameId).finally(() => this.opening.delete(gameId));
      this.opening.set(gameId, pending);
    }
    return pending;
  }

  private async load(gameId: string): Promise<GameState | null> {
    if ((await this.o.leases.owner(gameId)) === null && (await this.takeOver(gameId))) return this.stateOf(gameId) ?? null;
    this.watch(gameId);
    const w = this.watched.get(gameId);
    if (w && !w.unsubscribe) w.unsubscribe = this.subscribe(gameId); // owned a moment ago
    await w?.unsubscribe; // subscribed before reading: nothing falls between
    this.heldBack.set(gameId, []);
    try {
      const replica = await GameReplica.load(gameId, this.o.log, this.o.sink, this.o.logger);
      if (!replica) return this.stateOf(gameId) ?? null;
      if (!this.stateOf(gameId)) this.replicas.set(gameId, replica);
      await this.replicas.get(gameId)?.receive(this.heldBack.get(gameId) ?? []);
      return this.stateOf(gameId) ?? null;
    } finally {
      this.heldBack.delete(gameId);
    }
  }

  /** A socket here is in this game: keep its events coming. */
  retain(gameId: string): void {
    this.watch(gameId);
    const w = this.watched.get(gameId);
    if (w) w.sockets += 1;
  }

  /** A socket here left the game; with none left, stop listening and drop the copy. */
  release(gameId: string): void {
    const w = this.watched.get(gameId);
    if (!w) return;
    w.sockets -= 1;
    if (w.sockets > 0) return;
    this.watched.delete(gameId);
    void w.unsubscribe?.then((off) => off()).catch(() => undefined);
    this.replicas.get(gameId)?.close();
    this.replicas.delete(gameId);
  }

  private watch(gameId: string): void {
    if (this.watched.has(gameId)) return;
    this.watched.set(gameId, { sockets: 0, unsubscribe: this.owned.has(gameId) ? null : this.subscribe(gameId) });
  }

  private subscribe(gameId: string): Promise<() => Promise<void>> {
    const unsubscribe = this.o.bus.subscribe(gameId, (m) => this.heard(gameId, m));
    unsubscribe.catch((err: unknown) => this.o.logger.warn({ gameId, err }, 'could not subscribe'));
    return unsubscribe;
  }

  /** Games this node has sockets in. */
  get watchedCount(): number {
    return this.watched.size;
  }

  /**
   * A game's state for a one-off read (an HTTP request): what this node holds, else rebuilt
   * from the log without subscribing to anything.
   */
  async peek(gameId: string): Promise<GameState | null> {
    return this.stateOf(gameId) ?? replay(await this.o.log.read(gameId));
  }

  private heard(gameId: string, message: BusMessage): void {
    if (this.owned.has(gameId) || message.origin === this.o.nodeId) return;
    if (message.removed) {
      this.forget(gameId);
      return;
    }
    const replica = this.replicas.get(gameId);
    if (replica) void replica.receive(message.events);
    else this.heldBack.get(gameId)?.push(...message.events);
  }

  /** Fills every copy from the log: after the bus was away, messages may have been lost. */
  async resync(): Promise<void> {
    await Promise.all([...this.replicas.values()].map((r) => r.catchUp()));
  }

  /**
   * Runs a command on the game's owner. `then` runs synchronously once this node's state has
   * reached the command's result, before any later event reaches this node's sockets.
   */
  async execute<T extends CommandType>(
    gameId: string,
    command: Extract<Command, { type: T }>,
    then?: (state: GameState, outcome: Accepted<T>) => void,
  ): Promise<Outcome<T>> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const owned = this.owned.get(gameId);
      if (owned) {
        const outcome = await owned.runtime.execute(command, then);
        if (owned.runtime.isStopped) await this.demote(gameId);
        return outcome;
      }
      const sent = await this.o.relay
        .send(gameId, command, this.o.relayTimeoutMs ?? 5000)
        .catch(() => ({ kind: 'timeout' as const }));
      if (this.o.logger.isLevelEnabled('debug')) this.o.logger.debug({ gameId, command: command.type, relay: sent.kind }, 'forwarded');
      if (sent.kind === 'timeout') break;
      if (sent.kind === 'no-owner') {
        await this.takeOver(gameId); // or someone else did: either way, ask again
        continue;
      }
      const outcome = sent.reply as Outcome<T>;
      if (outcome.ok && then && (await this.reached(gameId, outcome.seq))) {
        const state = this.stateOf(gameId);
        if (state) then(state, outcome as Accepted<T>);
      }
      return outcome;
    }
    return reject('UNAVAILABLE', 'The game cannot be reached right now; try again.');
  }

  /** Waits until this node's copy of a game has caught up with `seq`. */
  private async reached(gameId: string, seq: number): Promise<boolean> {
    if (!(await this.open(gameId))) return false;
    if (this.owned.has(gameId)) return true;
    const replica = this.replicas.get(gameId);
    return replica ? replica.reach(seq, this.o.relayTimeoutMs ?? 5000) : false;
  }

  /**
   * Takes a game whose lease is free: catch up from the log, own it, resume its timers. One
   * attempt per game at a time: the orphan scan and a forwarded command may both try.
   */
  takeOver(gameId: string): Promise<boolean> {
    let pending = this.taking.get(gameId);
    if (!pending) {
      pending = this.tryTakeOver(gameId).finally(() => this.taking.delete(gameId));
      this.taking.set(gameId, pending);
    }
    return pending;
  }

  private async tryTakeOver(gameId: string): Promise<boolean> {
    if (this.closed || this.owned.has(gameId)) return this.owned.has(gameId);
    if (!(await this.o.leases.acquire(gameId, this.o.nodeId, this.ttl()))) return false;
    const replica = this.replicas.get(gameId);
    let runtime: GameRuntime | null;
    if (replica) {
      await replica.catchUp();
      runtime = GameRuntime.adopt(this.runtimeDeps(), replica.current);
    } else {
      runtime = await GameRuntime.restore(this.runtimeDeps(), gameId);
    }
    if (!runtime || this.owned.has(gameId)) {
      if (!runtime) await this.o.leases.release(gameId, this.o.nodeId);
      return this.owned.has(gameId);
    }
    this.own(runtime);
    this.o.logger.info({ gameId, seq: runtime.current.seq }, 'took over game');
    return true;
  }

  /** Gives a game up (lease lost or handed over): keep a read copy if sockets here need it. */
  private async demote(gameId: string): Promise<void> {
    const owned = this.owned.get(gameId);
    if (!owned) return;
    owned.runtime.stop();
    this.owned.delete(gameId);
    await owned.stopServing.then((off) => off()).catch(() => undefined);
    const w = this.watched.get(gameId);
    if (w) {
      w.unsubscribe ??= this.subscribe(gameId);
      const replica = GameReplica.from(owned.runtime.current, this.o.log, this.o.sink, this.o.logger);
      this.replicas.set(gameId, replica);
      void replica.catchUp();
    }
    this.o.logger.info({ gameId }, 'gave up game');
  }

  private async renewLeases(): Promise<void> {
    const lost = await this.o.leases.renew(this.ownedIds(), this.o.nodeId, this.leaseMs);
    for (const id of lost) {
      this.o.logger.warn({ gameId: id }, 'lease lost');
      await this.demote(id);
    }
  }

  private async adoptOrphans(): Promise<void> {
    for (const id of await this.o.leases.orphans()) await this.takeOver(id);
  }

  /** Ends idle games and removes ended ones past their linger time (owned games only). */
  async sweep(): Promise<void> {
    const now = this.o.clock.now();
    for (const { runtime } of [...this.owned.values()]) {
      const s = runtime.current;
      if (s.phase === 'ended') {
        if (now - s.lastEventAt >= this.o.endedTtlMs) await this.remove(runtime.gameId);
      } else if (now - runtime.lastActivityAt >= this.o.idleMs) {
        await runtime.execute({ type: 'expire' });
        this.o.logger.info({ gameId: runtime.gameId }, 'idle game ended');
        await this.remove(runtime.gameId);
      }
    }
  }

  /** Removes a game this node owns, everywhere: PIN, lease, log (after retention), copies. */
  async remove(gameId: string): Promise<void> {
    const owned = this.owned.get(gameId);
    if (!owned) return;
    const pin = owned.runtime.current.pin;
    owned.runtime.stop();
    this.owned.delete(gameId);
    await owned.stopServing.then((off) => off());
    await this.o.directory.release(pin, gameId);
    await this.o.leases.untrack(gameId);
    await this.o.leases.release(gameId, this.o.nodeId);
    await this.keeper?.settle(owned.runtime.current);
    await this.o.log.remove(gameId);
    await this.o.bus.publish(gameId, { origin: this.o.nodeId, events: [], removed: true });
    this.forget(gameId);
    this.o.logger.info({ gameId }, 'game removed');
  }

  private forget(gameId: string): void {
    this.replicas.get(gameId)?.close();
    this.replicas.delete(gameId);
    const w = this.watched.get(gameId);
    this.watched.delete(gameId);
    if (w) void w.unsubscribe?.then((off) => off()).catch(() => undefined);
    this.o.onRemoved(gameId);
  }

  /** Hands every owned game over at once (SIGTERM): stop, release leases; others adopt them. */
  async handOver(): Promise<void> {
    for (const [gameId, owned] of [...this.owned]) {
      owned.runtime.stop();
      this.owned.delete(gameId);
      await owned.stopServing.then((off) => off()).catch(() => undefined);
      await this.o.leases.release(gameId, this.o.nodeId).catch(() => undefined);
    }
  }

  private every(ms: number, task: () => Promise<void>): void {
    const arm = () => {
      const t = this.o.clock.setTimer(this.o.clock.now() + ms, () => {
        void task()
          .catch((err: unknown) => this.o.logger.warn({ err }, 'periodic task failed'))
          .finally(() => {
            const i = this.timers.indexOf(t);
            if (i >= 0) this.timers.splice(i, 1);
            if (!this.closed) arm();
          });
      });
      this.timers.push(t);
    };
    arm();
  }

  /** Resolves once the reports being saved are saved (shutdown waits for them). */
  reportsSaved(): Promise<void> {
    return this.keeper?.idle() ?? Promise.resolve();
  }

  /** Stops timers and games here (shutdown). */
  close(): void {
    this.closed = true;
    for (const t of this.timers) t.cancel();
    this.timers.length = 0;
    for (const { runtime, stopServing } of this.owned.values()) {
      runtime.stop();
      void stopServing.then((off) => off()).catch(() => undefined);
    }
    for (const r of this.replicas.values()) r.close();
  }
}
