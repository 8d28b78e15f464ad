import type { RedisLink } from './redis-link.ts';

/**
 * Handlers per pub/sub channel on one subscriber connection: SUBSCRIBE with the first handler
 * of a channel, UNSUBSCRIBE after the last one goes. The buses that share the connection each
 * keep their own, so each hears only its channels.
 */
export class ChannelHandlers<T> {
  private readonly handlers = new Map<string, Set<(message: T) => void>>();

  constructor(private readonly link: RedisLink) {}

  /** Whether anyone listens on the channel (worth parsing its message). */
  has(channel: string): boolean {
    return this.handlers.has(channel);
  }

  /** Hands a parsed message to the channel's handlers. */
  dispatch(channel: string, message: T): void {
    for (const h of this.handlers.get(channel) ?? []) h(message);
  }

  /** Adds a handler; resolves once the channel is subscribed, with the function that removes it. */
  async add(channel: string, handler: (message: T) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.link.subscribe(channel);
    }
    set.add(handler);
    return async () => {
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(channel);
        // Fails only with Redis unreachable; a message on the channel then finds no handler.
        await this.link.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  /** Channels with at least one handler. */
  get size(): number {
    return this.handlers.size;
  }

  clear(): void {
    this.handlers.clear();
  }
}
