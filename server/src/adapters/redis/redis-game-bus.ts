import type { Redis } from 'ioredis';
import type { BusHandler, BusMessage, GameBus } from '../../ports/game-bus.ts';
import { channels } from './keys.ts';

/**
 * Game events over Redis pub/sub, one channel per game. A node subscribes to a game's channel
 * only while it serves sockets in that game. One subscriber connection carries them all.
 */
export class RedisGameBus implements GameBus {
  private readonly handlers = new Map<string, Set<BusHandler>>();
  private readonly onMessage = (channel: string, raw: string): void => {
    const set = this.handlers.get(channel);
    if (!set) return;
    let message: BusMessage;
    try {
      message = JSON.parse(raw) as BusMessage;
    } catch {
      return; // not ours; someone typed into redis-cli
    }
    for (const h of set) h(message);
  };

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
  ) {
    sub.on('message', this.onMessage);
  }

  async publish(gameId: string, message: BusMessage): Promise<void> {
    await this.pub.publish(channels.events(gameId), JSON.stringify(message));
  }

  async subscribe(gameId: string, handler: BusHandler): Promise<() => Promise<void>> {
    const channel = channels.events(gameId);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.sub.subscribe(channel);
    }
    set.add(handler);
    return async () => {
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(channel);
        await this.sub.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  get subscribedGames(): number {
    return this.handlers.size;
  }

  async close(): Promise<void> {
    this.sub.off('message', this.onMessage);
    this.handlers.clear();
  }
}
