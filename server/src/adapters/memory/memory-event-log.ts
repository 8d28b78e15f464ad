import type { DomainEvent } from '@quizbus/shared';
import { VersionConflictError, type EventLog } from '../../ports/event-log.ts';

/** The embedded event log: one array per game in this process. */
export class MemoryEventLog implements EventLog {
  private readonly logs = new Map<string, DomainEvent[]>();

  async append(gameId: string, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    const log = this.logs.get(gameId) ?? [];
    if (log.length !== expectedVersion) throw new VersionConflictError(gameId, expectedVersion, log.length);
    events.forEach((e, i) => {
      if (e.seq !== expectedVersion + i + 1 || e.gameId !== gameId) {
        throw new Error(`event ${e.type} has seq ${e.seq}, expected ${expectedVersion + i + 1}`);
      }
    });
    log.push(...events);
    this.logs.set(gameId, log);
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
