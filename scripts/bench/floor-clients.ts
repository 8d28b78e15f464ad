import { LeanSocket } from '../bots/lean-socket.ts';
import { localNow, measureServerClock, type ServerClock } from '../bots/server-clock.ts';
import type { FloorProgress, FloorReport, FloorTask } from './floor-messages.ts';

/**
 * A generator's share of the floor's clients (issue 20): the same lean Socket.IO client the
 * bots use, connected to the bare server, doing nothing but time each frame on arrival
 * against the stamp in it, exactly as a bot times `question.shown` and its `question.closed`.
 */
export class FloorClients {
  private readonly sockets: LeanSocket[] = [];
  private readonly fanout: number[] = [];
  private readonly result: number[] = [];
  private failed = 0;
  private warm = 0;

  /** Connects every client (bounded concurrency); resolves when all have tried. */
  async connect(task: FloorTask): Promise<void> {
    // The other generators may be connecting already, and a loaded machine answers late: a few tries.
    let clock: ServerClock | null = null;
    for (let attempt = 0; attempt < 5 && !clock; attempt += 1) clock = await measureServerClock(task.url, 12, 10_000);
    if (!clock) throw new Error(`the floor server at ${task.url} gave no clock reading (GET /api/bench/time) in five tries`);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < task.count && Date.now() < task.exitBy) {
        next += 1;
        const socket = await LeanSocket.connect(task.url, { timeoutMs: 20_000, ...(task.localAddress && { localAddress: task.localAddress }) }).catch(() => null);
        if (!socket) {
          this.failed += 1;
          continue;
        }
        const broadcast = (p: { serverNow: number }) => void this.fanout.push(clock.since(p.serverNow, localNow()));
        socket.on('question.shown', broadcast);
        socket.on('question.opened', broadcast);
        socket.on('question.closed', (p: { closedAt: number }) => void this.result.push(clock.since(p.closedAt, localNow())));
        socket.on('floor.warmup', () => void (this.warm += 1));
        this.sockets.push(socket);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(task.count, task.concurrency)) }, worker));
  }

  progress(): FloorProgress {
    return { type: 'floor-progress', connected: this.sockets.length, failed: this.failed, broadcasts: this.fanout.length, each: this.result.length, warm: this.warm };
  }

  /** Closes every client; the latencies measured. */
  finish(): FloorReport {
    for (const s of this.sockets) s.close();
    this.sockets.length = 0;
    return { type: 'floor-report', fanout: this.fanout, result: this.result };
  }
}
