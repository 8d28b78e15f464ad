import type { CommandRelay, RelayResult } from '../../ports/command-relay.ts';

/** In-process relay: a direct call to the handler serving the game, if any. */
export class MemoryCommandRelay<C, R> implements CommandRelay<C, R> {
  private readonly handlers = new Map<string, (command: C) => Promise<R>>();

  async serve(gameId: string, handler: (command: C) => Promise<R>): Promise<() => Promise<void>> {
    this.handlers.set(gameId, handler);
    return async () => {
      if (this.handlers.get(gameId) === handler) this.handlers.delete(gameId);
    };
  }

  async send(gameId: string, command: C, timeoutMs: number): Promise<RelayResult<R>> {
    const handler = this.handlers.get(gameId);
    if (!handler) return { kind: 'no-owner' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<RelayResult<R>>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
    });
    // A copy, as over the wire: the owner must not share objects with the sender.
    const reply = handler(structuredClone(command)).then((r): RelayResult<R> => ({ kind: 'reply', reply: structuredClone(r) }));
    try {
      return await Promise.race([reply, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
