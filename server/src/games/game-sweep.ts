import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.ts';
import type { GameRuntime } from './game-runtime.ts';

export interface GameSweepOptions {
  clock: Clock;
  logger: Logger;
  /** A game with no command from a person for this long is ended and removed. */
  idleMs: number;
  /** An ended game stays available this long before it is removed. */
  endedTtlMs: number;
}

/** Ends idle games and removes ended ones past their linger time, one game after another. */
export async function sweepGames(runtimes: readonly GameRuntime[], o: GameSweepOptions, remove: (gameId: string) => Promise<void>): Promise<void> {
  const now = o.clock.now();
  for (const runtime of runtimes) {
    const s = runtime.current;
    if (s.phase === 'ended') {
      if (now - s.lastEventAt >= o.endedTtlMs) await remove(runtime.gameId);
    } else if (now - runtime.lastActivityAt >= o.idleMs) {
      await runtime.execute({ type: 'expire' });
      o.logger.info({ gameId: runtime.gameId }, 'idle game ended');
      await remove(runtime.gameId);
    }
  }
}
