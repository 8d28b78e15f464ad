import type { DomainEvent } from '@quizbus/shared';
import type { Logger } from 'pino';
import type { GameState } from '../engine/index.ts';
import type { EventLog } from '../ports/event-log.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { buildReport } from '../reports/build-report.ts';

/**
 * Keeps the report of every game this node owns when it ends. The owner hands it each event
 * it commits; at `game.ended` the report is built from the game's log (the log, not the live
 * state: a report is what the log says happened) and saved, in the background so the host's
 * command is not held up. Before the owner removes a game's log it waits for that save, or
 * saves now if the game ended under another owner that died before saving.
 * A game that never started has nothing to report and is not kept.
 */
export class ReportKeeper {
  private readonly saving = new Map<string, Promise<void>>();

  constructor(
    private readonly log: EventLog,
    private readonly store: ReportStore,
    private readonly logger: Logger,
  ) {}

  /** Sees an event the owner committed, with the state after it. */
  observe(event: DomainEvent, state: GameState): void {
    // Not awaited: the owner goes on with the game; start() logs a failure, and shutdown waits
    // for pending saves through idle().
    if (event.type === 'game.ended') void this.start(event.gameId, state.hostTokenHash);
  }

  private start(gameId: string, hostTokenHash: string): Promise<void> {
    const pending = this.save(gameId, hostTokenHash)
      .catch((err: unknown) => this.logger.warn({ gameId, err }, 'could not save the game report'))
      .finally(() => {
        if (this.saving.get(gameId) === pending) this.saving.delete(gameId);
      });
    this.saving.set(gameId, pending);
    return pending;
  }

  private async save(gameId: string, hostTokenHash: string): Promise<void> {
    const report = buildReport(await this.log.read(gameId));
    if (!report || report.startedAt === null) return;
    await this.store.save({ report, hostTokenHash });
    this.logger.info({ gameId, quizId: report.quizId, players: report.playerCount }, 'game report saved');
  }

  /** Before a game's log goes: its report is saved (or there is none to save). */
  async settle(state: GameState): Promise<void> {
    const pending = this.saving.get(state.gameId);
    if (pending) return pending;
    if (state.phase !== 'ended' || (await this.store.get(state.gameId).catch(() => null))) return;
    await this.start(state.gameId, state.hostTokenHash);
  }

  /** Saves still running (shutdown waits for them). */
  async idle(): Promise<void> {
    await Promise.all([...this.saving.values()]);
  }
}
