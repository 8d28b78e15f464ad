import type { BusHandler, BusMessage, GameBus } from '../../ports/game-bus.ts';
import { ChannelHandlers } from './channel-handlers.ts';
import { channels } from './keys.ts';
import type { RedisLink } from './redis-link.ts';

/**
 * Game events over Redis pub/sub, one channel per game. A node subscribes to a game's channel
 * only while it serves sockets in that game. One subscriber connection carries them all.
 */
export class RedisGameBus implements GameBus {
  private readonly handlers: ChannelHandlers<BusMessage>;
  private readonly onMessage = (channel: string, raw: string): void => {
    if (!this.handlers.has(channel)) return;
    let message: BusMessage;
    try {
      message = JSON.parse(raw) as BusMessage;
    } catch {
      return; // not ours; someone typed into redis-cli
    }
    this.handlers.dispatch(channel, message);
  };

  constructor(private readonly link: RedisLink) {
    this.handlers = new ChannelHandlers(link);
    link.onMessage(this.onMessage);
  }

  async publish(gameId: string, message: BusMessage): Promise<void> {
    await this.link.publish(channels.events(gameId), JSON.stringify(message));
  }

  subscribe(gameId: string, handler: BusHandler): Promise<() => Promise<void>> {
    return this.handlers.add(channels.events(gameId), handler);
  }

  get subscribedGames(): number {
    return this.handlers.size;
  }

  async close(): Promise<void> {
    this.link.offMessage(this.onMessage);
    this.handlers.clear();
  }
}
