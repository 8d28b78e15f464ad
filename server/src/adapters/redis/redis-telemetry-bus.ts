import type { z } from 'zod';
import { deliveryNoteSchema, watchNoticeSchema, type DeliveryNote, type TelemetryBus, type WatchNotice } from '../../ports/telemetry-bus.ts';
import { ChannelHandlers } from './channel-handlers.ts';
import { channels } from './keys.ts';
import type { RedisLink } from './redis-link.ts';

/** Parses one pub/sub payload; null for anything that is not ours (someone typed into redis-cli). */
function parse<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * The telemetry bus over Redis pub/sub: one channel for every watch notice (each node subscribes
 * once, at start) and one notes channel per game, subscribed only by nodes that watch the game.
 * Shares the node's subscriber connection with the game bus; each listener keeps to its channels.
 */
export class RedisTelemetryBus implements TelemetryBus {
  private readonly noticeHandlers = new Set<(notice: WatchNotice) => void>();
  private readonly notes: ChannelHandlers<DeliveryNote>;
  private noticesLive: Promise<unknown> | null = null;
  private readonly onMessage = (channel: string, raw: string): void => {
    if (channel === channels.telemetryWatch()) {
      const notice = this.noticeHandlers.size > 0 ? parse(watchNoticeSchema, raw) : null;
      if (notice) for (const h of this.noticeHandlers) h(notice);
      return;
    }
    const note = this.notes.has(channel) ? parse(deliveryNoteSchema, raw) : null;
    if (note) this.notes.dispatch(channel, note);
  };

  constructor(private readonly link: RedisLink) {
    this.notes = new ChannelHandlers(link);
    link.onMessage(this.onMessage);
  }

  async announce(notice: WatchNotice): Promise<void> {
    await this.link.publish(channels.telemetryWatch(), JSON.stringify(notice));
  }

  async onNotice(handler: (notice: WatchNotice) => void): Promise<() => Promise<void>> {
    this.noticeHandlers.add(handler);
    this.noticesLive ??= this.link.subscribe(channels.telemetryWatch());
    await this.noticesLive;
    return async () => void this.noticeHandlers.delete(handler);
  }

  async publishNote(note: DeliveryNote): Promise<void> {
    await this.link.publish(channels.telemetryNotes(note.gameId), JSON.stringify(note));
  }

  subscribeNotes(gameId: string, handler: (note: DeliveryNote) => void): Promise<() => Promise<void>> {
    return this.notes.add(channels.telemetryNotes(gameId), handler);
  }

  /** Games with a live note subscription (for leak checks). */
  get subscribedGames(): number {
    return this.notes.size;
  }

  async close(): Promise<void> {
    this.link.offMessage(this.onMessage);
    this.noticeHandlers.clear();
    this.notes.clear();
  }
}
