import type { DomainEvent } from '@quizbus/shared';
import type { Logger } from 'pino';
import type { GameState } from '../engine/index.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { buildReport } from '../reports/build-report.ts';
import { ReportQueue, type ReportQueueOptions } from './report-queue.ts';

/** Reports built at once and reports that may wait, unless the node says otherwise. */
export const REPORT_QUEUE_DEFAULTS: Omit<ReportQueueOptions, 'observer'> = { concurrency: 1, maxLength: 1000 };

/**
 * Keeps the report of every game this node owns when it ends. The owner hands it each event
 * it commits; at `game.ended` the report is queued (report-queue.ts) to be built from the
 * game's log (the log, not the live state: a report is what the log says happened) and saved,
 * off the path of live commands. Before the owner removes a game's log it waits for that save,
 * or saves now if the game ended under another owner that died before saving, or if the queue
 * was full when the game ended. Until it is saved, the report route builds it from the log.
 * A game that never started has nothing to report and is not kept.
 */
export class ReportKeeper {
  private readonly queue: ReportQueue;

  constructor(
    private readonly log: EventLog,
    private readonly store: ReportStore,
    private readonly logger: Logger,
    queue: ReportQueueOptions = REPORT_QUEUE_DEFAULTS,
  ) {
    this.queue = new ReportQueue(queue);
  }

  /** Sees an event the owner committed, with the state after it. */
  observe(event: DomainEvent, state: GameState): void {
    if (event.type !== 'game.ended') return;
    const queued = this.queue.offer(event.gameId, () => this.saveLogged(event.gameId, state.hostTokenHash));
    if (!queued) this.logger.warn({ gameId: event.gameId }, 'report queue full: the report is saved when the game is removed');
  }

  private async saveLogged(gameId: string, hostTokenHash: string): Promise<void> {
    try {
      const report = buildReport(await this.log.read(gameId));
      if (!report || report.startedAt === null) return;
      await this.store.save({ report, hostTokenHash });
      this.logger.info({ gameId, quizId: report.quizId, players: report.playerCount }, 'game report saved');
    } catch (err) {
      this.logger.warn({ gameId, err }, 'could not save the game report');
      throw err;
    }
  }

  /** Before a game's log goes: its report is saved (or there is none to save). */
  async settle(state: GameState): Promise<void> {
    const pending = this.queue.pendingFor(state.gameId);
    if (pending) return pending;
    if (state.phase !== 'ended' || (await this.store.get(state.gameId).catch(() => null))) return;
    // Not through the queue: the log is about to go, and the sweep removes one game at a time.
    await this.saveLogged(state.gameId, state.hostTokenHash).catch(() => undefined);
  }

  /** Reports waiting or being built (the queue's gauge). */
  get queued(): number {
    return this.queue.length;
  }

  /** Saves still queued or running (shutdown waits for them). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
