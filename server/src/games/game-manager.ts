import type { GameOptions } from '@quizbus/shared';
import { gameOptionsSchema } from '@quizbus/shared';
import type { Logger } from 'pino';
import type { Clock, Timer } from '../ports/clock.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { GameBus } from '../ports/game-bus.ts';
import type { GameDirectory } from '../ports/game-directory.ts';
import type { QuizStore } from '../ports/quiz-store.ts';
import { GameRuntime, type EventSink } from './game-runtime.ts';
import { prepareQuestions } from './prepare-quiz.ts';
import { cryptoRandomInt, hashToken, newId, newToken, randomPin, type RandomInt } from './tokens.ts';

export interface GameManagerOptions {
  log: EventLog;
  bus: GameBus;
  clock: Clock;
  directory: GameDirectory;
  quizzes: QuizStore;
  nodeId: string;
  logger: Logger;
  sink: EventSink;
  /** A game with no command from a person for this long is ended and removed (default 2 h). */
  idleMs: number;
  /** An ended game stays readable (podium, results) this long before it is removed. */
  endedTtlMs: number;
  /** How often idle and ended games are looked for. */
  sweepMs?: number;
  /** Called after a game is removed, so the fan-out can drop its rooms. */
  onRemoved?: (gameId: string) => void;
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

/** The games this node owns: creates them, finds them by PIN, and removes ended or idle ones. */
export class GameManager {
  private readonly games = new Map<string, GameRuntime>();
  private readonly byPin = new Map<string, string>();
  private sweepTimer: Timer | null = null;

  constructor(private readonly o: GameManagerOptions) {
    this.armSweep();
  }

  /** Creates a game for a quiz: a unique PIN, a host token (returned once, stored hashed). */
  async create(quizId: string, rawOptions: Partial<GameOptions> = {}): Promise<CreatedGame> {
    const quiz = await this.o.quizzes.get(quizId);
    if (!quiz) throw new QuizNotFoundError(quizId);
    const options = gameOptionsSchema.parse(rawOptions);
    const gameId = newId('g');
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
    this.games.set(gameId, runtime);
    this.byPin.set(pin, gameId);
    this.o.logger.info({ gameId, pin, quizId: quiz.id, node: this.o.nodeId }, 'game created');
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

  private runtimeDeps() {
    const { log, bus, clock, nodeId, logger, sink } = this.o;
    return { log, bus, clock, nodeId, logger, sink };
  }

  get(gameId: string): GameRuntime | undefined {
    return this.games.get(gameId);
  }

  /** The live game with this PIN on this node. */
  byPinCode(pin: string): GameRuntime | undefined {
    const id = this.byPin.get(pin);
    return id === undefined ? undefined : this.games.get(id);
  }

  get size(): number {
    return this.games.size;
  }

  ids(): string[] {
    return [...this.games.keys()];
  }

  /** Ends idle games and removes ended ones whose linger time is over. */
  async sweep(): Promise<void> {
    const now = this.o.clock.now();
    for (const runtime of [...this.games.values()]) {
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

  /** Drops a game with its timer and PIN. */
  async remove(gameId: string): Promise<void> {
    const runtime = this.games.get(gameId);
    if (!runtime) return;
    runtime.stop();
    this.games.delete(gameId);
    const pin = runtime.current.pin;
    this.byPin.delete(pin);
    await this.o.directory.release(pin, gameId);
    await this.o.log.remove(gameId);
    this.o.onRemoved?.(gameId);
    this.o.logger.info({ gameId }, 'game removed');
  }

  private armSweep(): void {
    const every = this.o.sweepMs ?? 60_000;
    this.sweepTimer = this.o.clock.setTimer(this.o.clock.now() + every, () => {
      void this.sweep()
        .catch((err: unknown) => this.o.logger.error({ err }, 'sweep failed'))
        .finally(() => {
          if (this.sweepTimer) this.armSweep();
        });
    });
  }

  /** Stops every game and the sweep (shutdown). */
  close(): void {
    this.sweepTimer?.cancel();
    this.sweepTimer = null;
    for (const r of this.games.values()) r.stop();
  }
}
