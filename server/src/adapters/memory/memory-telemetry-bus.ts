import type { DeliveryNote, TelemetryBus, WatchNotice } from '../../ports/telemetry-bus.ts';

/**
 * The embedded default's telemetry bus: one process, so its only node hears its own notices.
 * Delivery is asynchronous, as over Redis.
 */
export class MemoryTelemetryBus implements TelemetryBus {
  private readonly noticeHandlers = new Set<(notice: WatchNotice) => void>();
  private readonly noteHandlers = new Map<string, Set<(note: DeliveryNote) => void>>();

  async announce(notice: WatchNotice): Promise<void> {
    const targets = [...this.noticeHandlers];
    if (targets.length > 0) queueMicrotask(() => targets.forEach((h) => h(notice)));
  }

  async onNotice(handler: (notice: WatchNotice) => void): Promise<() => Promise<void>> {
    this.noticeHandlers.add(handler);
    return async () => void this.noticeHandlers.delete(handler);
  }

  async publishNote(note: DeliveryNote): Promise<void> {
    const targets = [...(this.noteHandlers.get(note.gameId) ?? [])];
    if (targets.length > 0) queueMicrotask(() => targets.forEach((h) => h(note)));
  }

  async subscribeNotes(gameId: string, handler: (note: DeliveryNote) => void): Promise<() => Promise<void>> {
    const set = this.noteHandlers.get(gameId) ?? new Set();
    set.add(handler);
    this.noteHandlers.set(gameId, set);
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.noteHandlers.get(gameId) === set) this.noteHandlers.delete(gameId);
    };
  }

  /** Games with a live note subscription (for leak checks). */
  get subscribedGames(): number {
    return this.noteHandlers.size;
  }

  async close(): Promise<void> {
    this.noticeHandlers.clear();
    this.noteHandlers.clear();
  }
}
