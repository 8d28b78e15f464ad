import type { BusHandler, BusMessage, GameBus } from '../../ports/game-bus.ts';

/**
 * The in-process bus of the embedded default. Delivery is asynchronous, as over Redis, so
 * nothing comes to depend on a publish running its handlers inline.
 */
export class MemoryGameBus implements GameBus {
  private readonly handlers = new Map<string, Set<BusHandler>>();

  async publish(gameId: string, message: BusMessage): Promise<void> {
    const set = this.handlers.get(gameId);
    if (!set || set.size === 0) return;
    const targets = [...set];
    queueMicrotask(() => {
      for (const h of targets) h(message);
    });
  }

  async subscribe(gameId: string, handler: BusHandler): Promise<() => Promise<void>> {
    const set = this.handlers.get(gameId) ?? new Set();
    set.add(handler);
    this.handlers.set(gameId, set);
    return async () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(gameId);
    };
  }

  /** Number of games with a live subscription (for leak checks). */
  get subscribedGames(): number {
    return this.handlers.size;
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
