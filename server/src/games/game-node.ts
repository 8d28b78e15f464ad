import { gameOptionsSchema, type GameOptions } from '@quizbus/shared';
import { reject, replay, type Command, type CommandType, type GameState } from '../engine/index.ts';
import { CommandForwarding, type AfterCommand } from './command-forwarding.ts';
import type { GameNodeOptions } from './game-node-options.ts';
import { GameLeasing, type LeasedGames } from './game-leasing.ts';
import { NodePresence } from './node-presence.ts';
import { PeriodicTasks } from './periodic-tasks.ts';
import { ReportKeeper } from './report-keeper.ts';
import { WatchedGames } from './watched-games.ts';
import { GameRuntime, type EventSink, type Outcome, type RuntimeDeps } from './game-runtime.ts';
import { sweepGames } from './game-sweep.ts';
import { prepareQuestions } from './prepare-quiz.ts';
import { cryptoRandomInt, hashToken, newId, newToken, randomPin } from './tokens.ts';

export type { GameNodeOptions } from './game-node-options.ts';

export class QuizNotFoundError extends Error {
  constructor(readonly quizId: string) {
    super(`no quiz ${quizId}`);
    this.name = 'QuizNotFoundError';
  }
}

/** The node runs as many live games as MAX_GAMES_PER_NODE allows. */
export class TooManyGamesError extends Error {
  constructor(readonly max: number) {
    super(`this node runs ${max} live games`);
    this.name = 'TooManyGamesError';
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

/**
 * This node's part in the games: it owns some (runs their commands and timers), keeps read
 * copies of others its sockets are in, forwards commands to owners elsewhere, and takes over
 * games whose owner has gone. On the embedded default it simply owns every game.
 */
export class GameNode {
  private readonly owned = new Map<string, Owned>();
  private readonly opening = new Map<string, Promise<GameState | null>>();
  /** Creations under way: each holds a slot of the cap from its first line, before any await. */
  private creating = 0;
  private leaving = false;
  private readonly tasks: PeriodicTasks;
  private readonly watched: WatchedGames;
  private readonly leasing: GameLeasing;
  private readonly forwarding: CommandForwarding;
  private readonly keeper: ReportKeeper | null;
  private readonly presence: NodePresence | null;

  constructor(private readonly o: GameNodeOptions) {
    this.keeper = o.reports ? new ReportKeeper(o.log, o.reports, o.logger, o.reportQueue) : null;
    this.tasks = new PeriodicTasks(o.clock, o.logger);
    this.tasks.every(o.sweepMs ?? 60_000, () => this.sweep());
    const owns = (gameId: string) => this.owned.has(gameId);
    this.watched = new WatchedGames({ ...o, owns });
    const leased: LeasedGames = {
      ownedIds: () => this.ownedIds(),
      owns,
      restore: (gameId) => this.restore(gameId),
      own: (runtime) => this.own(runtime),
      demote: (gameId) => this.demote(gameId),
      letGo: (gameId) => this.letGo(gameId),
    };
    this.leasing = new GameLeasing(o, leased, this.tasks);
    const { heartbeats } = o;
    this.presence =
      o.cluster && heartbeats
        ? new NodePresence({ ...o, heartbeats, nodeTtlMs: o.nodeTtlMs ?? 3000 }, {
            owned: () => [...this.owned.values()].map((owned) => owned.runtime.current),
            disconnect: (gameId, playerId, via) => this.execute(gameId, { type: 'disconnect', playerId, via }),
          }, this.tasks)
        : null;
    this.forwarding = new CommandForwarding(o, {
      runHere: (gameId, command, then) => this.runHere(gameId, command, then),
      owns,
      open: (gameId) => this.open(gameId),
      stateOf: (gameId) => this.stateOf(gameId),
      replica: (gameId) => this.watched.replica(gameId),
      takeOver: (gameId) => this.takeOver(gameId),
    });
  }

  get nodeId(): string {
    return this.o.nodeId;
  }

  /** Games this node owns now. */
  get ownedCount(): number {
    return this.owned.size;
  }

  /**
   * Games that count against MAX_GAMES_PER_NODE: those owned and not over, plus creations under
   * way. An ended game stops counting once its podium has been served (GameRuntime.isOver); it
   * lingers for ENDED_GAME_MINUTES for its results, but nothing runs in it any more.
   */
  get liveCount(): number {
    let live = this.creating;
    for (const { runtime } of this.owned.values()) if (!runtime.isOver) live += 1;
    return live;
  }

  ownedIds(): string[] {
    return [...this.owned.keys()];
  }

  private runtimeDeps(): RuntimeDeps {
    const { log, clock, nodeId, logger, sink, turnBetweenCommands } = this.o;
    const keeper = this.keeper;
    // The owner's events also go to the report keeper, which saves a report at game.ended.
    const observed: EventSink = (e, s) => {
      sink(e, s);
      keeper?.observe(e, s);
    };
    return { log, clock, nodeId, logger, sink: keeper ? observed : sink, turnBetweenCommands };
  }

  /**
   * Creates a game for a quiz and owns it: unique PIN, host token returned once (stored hashed).
   * Refuses with TooManyGamesError when the node's live games reach `maxGames`: the slot is
   * taken synchronously, before the first await, so concurrent creations cannot all pass the
   * check (with Redis each creation awaits several round trips before the game is owned).
   */
  async create(quizId: string, rawOptions: Partial<GameOptions> = {}): Promise<CreatedGame> {
    const max = this.o.maxGames;
    if (max !== undefined && this.liveCount >= max) throw new TooManyGamesError(max);
    this.creating += 1;
    try {
      return await this.createOwned(quizId, rawOptions);
    } finally {
      this.creating -= 1;
    }
  }

  private async createOwned(quizId: string, rawOptions: Partial<GameOptions>): Promise<CreatedGame> {
    const quiz = await this.o.quizzes.get(quizId);
    if (!quiz) throw new QuizNotFoundError(quizId);
    const options = gameOptionsSchema.parse(rawOptions);
    const gameId = newId('g');
    if (!(await this.o.leases.acquire(gameId, this.o.nodeId, this.leasing.ttl()))) throw new Error('could not own a new game');
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

  private own(runtime: GameRuntime): void {
    const gameId = runtime.gameId;
    // A command relayed just as this node gives the game up finds it gone: the sender asks again.
    const gone = () => reject('UNAVAILABLE', 'This node no longer owns the game; try again.');
    const stopServing = this.o.relay.serve(gameId, async (command) => this.runHere(gameId, command) ?? gone());
    this.owned.set(gameId, { runtime, stopServing });
    this.watched.drop(gameId);
  }

  /** Runs a command on a game this node owns; null if it does not own the game. */
  private runHere<T extends CommandType>(gameId: string, command: Extract<Command, { type: T }>, then?: AfterCommand<T>): Promise<Outcome<T>> | null {
    const owned = this.owned.get(gameId);
    return owned ? this.runOn(owned, command, then) : null;
  }

  private async runOn<T extends CommandType>(owned: Owned, command: Extract<Command, { type: T }>, then?: AfterCommand<T>): Promise<Outcome<T>> {
    const outcome = await owned.runtime.execute(command, then);
    if (owned.runtime.isStopped) await this.demote(owned.runtime.gameId);
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
    return this.owned.get(gameId)?.runtime.current ?? this.watched.replica(gameId)?.current;
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
    await this.watched.load(gameId);
    return this.stateOf(gameId) ?? null;
  }

  /** A socket here is in this game: keep its events coming. */
  retain(gameId: string): void {
    this.watched.retain(gameId);
  }

  /** A socket here left the game; with none left, stop listening and drop the copy. */
  release(gameId: string): void {
    this.watched.release(gameId);
  }

  /** Games this node has sockets in. */
  get watchedCount(): number {
    return this.watched.count;
  }

  /**
   * A game's state for a one-off read (an HTTP request): what this node holds, else rebuilt
   * from the log without subscribing to anything.
   */
  async peek(gameId: string): Promise<GameState | null> {
    return this.stateOf(gameId) ?? replay(await this.o.log.read(gameId));
  }

  /** Fills every copy from the log: after the bus was away, messages may have been lost. */
  resync(): Promise<void> {
    return this.watched.resync();
  }

  /**
   * Runs a command on the game's owner. `then` runs synchronously once this node's state has
   * reached the command's result, before any later event reaches this node's sockets.
   */
  execute<T extends CommandType>(gameId: string, command: Extract<Command, { type: T }>, then?: AfterCommand<T>): Promise<Outcome<T>> {
    return this.forwarding.execute(gameId, command, then);
  }

  /**
   * Takes a game whose lease is free: catch up from the log, own it, resume its timers. One
   * attempt per game at a time: the orphan scan and a forwarded command may both try.
   */
  takeOver(gameId: string): Promise<boolean> {
    return this.leasing.takeOver(gameId);
  }

  private async restore(gameId: string): Promise<GameRuntime | null> {
    const replica = this.watched.replica(gameId);
    if (!replica) return GameRuntime.restore(this.runtimeDeps(), gameId);
    await replica.catchUp();
    return GameRuntime.adopt(this.runtimeDeps(), replica.current);
  }

  /** Gives a game up (lease lost or handed over): keep a read copy if sockets here need it. */
  private async demote(gameId: string): Promise<void> {
    const runtime = await this.letGo(gameId);
    if (!runtime) return;
    this.watched.demoted(runtime.current);
    this.o.logger.info({ gameId }, 'gave up game');
  }

  private async letGo(gameId: string): Promise<GameRuntime | undefined> {
    const owned = this.owned.get(gameId);
    if (!owned) return undefined;
    owned.runtime.stop();
    this.owned.delete(gameId);
    // Fails only with the bus unreachable: then no command reaches the stopped runtime anyway.
    await owned.stopServing.then((off) => off()).catch(() => undefined);
    return owned.runtime;
  }

  /** Ends idle games and removes ended ones past their linger time (owned games only). */
  sweep(): Promise<void> {
    return sweepGames([...this.owned.values()].map((owned) => owned.runtime), this.o, (gameId) => this.remove(gameId));
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
    this.watched.forget(gameId);
    this.o.logger.info({ gameId }, 'game removed');
  }

  /** True from the start of a hand-over (SIGTERM): the sockets closing now are sent elsewhere, not gone. */
  get handingOver(): boolean {
    return this.leaving;
  }

  /** Hands every owned game over at once (SIGTERM): stop, release leases; others adopt them. */
  async handOver(): Promise<void> {
    this.leaving = true;
    await this.leasing.handOver();
    // Its players' sockets close with it: the new owners need not wait for the heartbeat to lapse.
    await this.presence?.stop();
  }

  /** Resolves once the reports being saved are saved (shutdown waits for them). */
  reportsSaved(): Promise<void> {
    return this.keeper?.idle() ?? Promise.resolve();
  }

  /** Stops timers and games here (shutdown). */
  close(): void {
    this.leasing.close();
    this.tasks.close();
    for (const { runtime, stopServing } of this.owned.values()) {
      runtime.stop();
      // close() is synchronous; the adapters close right after, which ends the subscriptions.
      void stopServing.then((off) => off()).catch(() => undefined);
    }
    this.watched.close();
  }
}
