import type { DomainEvent } from '@quizbus/shared';
import { VersionConflictError, type EventLog } from '../../ports/event-log.ts';
import type { GameBus } from '../../ports/game-bus.ts';

/** The embedded event log: one array per game in this process. */
export class MemoryEventLog implements EventLog {
  private readonly logs = new Map<string, DomainEvent[]>();

  /** `bus`: where an append with an origin publishes its events (none: such appends publish nothing). */
  constructor(private readonly bus?: GameBus) {}

  async append(gameId: string, expectedVersion: number, events: readonly DomainEvent[], origin?: string): Promise<void> {
    const log = this.logs.get(gameId) ?? [];
    if (log.length !== expectedVersion) throw new VersionConflictError(gameId, expectedVersion, log.length);
    events.forEach((e, i) => {
      if (e.seq !== expectedVersion + i + 1 || e.gameId !== gameId) {
        throw new Error(`event ${e.type} has seq ${e.seq}, expected ${expectedVersion + i + 1}`);
      }
    });
    log.push(...events);
    this.logs.set(gameId, log);
    // Committed is committed: a lost message is a gap the other copies fill from the log.
    if (origin !== undefined) await this.bus?.publish(gameId, { origin, events: [...events] }).catch(() => undefined);
  }

  async read(gameId: string, afterSeq = 0): Promise<DomainEvent[]> {
    return (this.logs.get(gameId) ?? []).slice(afterSeq);
  }

  async version(gameId: string): Promise<number> {
    return this.logs.get(gameId)?.length ?? 0;
  }

  async remove(gameId: string): Promise<void> {
    this.logs.delete(gameId);
  }
}
