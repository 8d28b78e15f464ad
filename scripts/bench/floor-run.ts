import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentiles, type Percentiles } from '../bots/percentiles.ts';
import type { Conditions } from './conditions.ts';
import type { FloorFrameBytes } from './floor-frames.ts';
import type { FloorFromServer, FloorTask, FloorToServer } from './floor-messages.ts';
import type { GeneratorPool } from './generator-pool.ts';

const FLOOR_SERVER = fileURLToPath(new URL('./floor-server.ts', import.meta.url));

/** Broadcasts of each kind (`question.shown`, `question.opened`), and rounds of distinct frames. */
export const FLOOR_ROUNDS = 10;

export interface FloorOptions {
  pool: GeneratorPool;
  conditions: Conditions;
  /** One task per generator: the same processes, shares and source-address block as the game's. */
  tasks: Array<Omit<FloorTask, 'type' | 'url'>>;
  frames: FloorFrameBytes;
  /** Bound of each wait. */
  timeoutMs: number;
  profileDir?: string;
  log: (line: string) => void;
}

export interface FloorResult {
  /** Receipt of a broadcast, from the stamp taken just before `io.emit`. */
  fanoutMs: Percentiles;
  /** Receipt of a socket's own frame, from the stamp taken before the first `socket.emit`. */
  resultMs: Percentiles;
  clients: number;
}

/**
 * The floor of issue 20, before the game: the game's generator processes connect as many
 * clients to a bare Socket.IO server (floor-server.ts, a child process) as the game will
 * have players; the server broadcasts frames the size of `question.shown` and
 * `question.opened` FLOOR_ROUNDS times each, then sends every socket a distinct frame the size
 * of a player's `question.closed` FLOOR_ROUNDS times. Each round waits until every client has
 * its frame, so rounds never overlap. The clients and the server are gone when it resolves.
 */
export async function runFloor(o: FloorOptions): Promise<FloorResult> {
  const profile = o.profileDir ? ['--cpu-prof', '--cpu-prof-dir', o.profileDir] : [];
  const server = fork(FLOOR_SERVER, [], { execArgv: [...profile, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    const url = (await next(server, 'ready', o.timeoutMs)).url;
    const players = o.tasks.reduce((n, t) => n + t.count, 0);
    o.pool.floor(o.tasks.map((t) => ({ ...t, url })));
    const totals = () => o.pool.floorTotals();
    await o.conditions.until(() => totals().connected + totals().failed >= players, o.timeoutMs + players * 20, () => `floor clients (${JSON.stringify(totals())})`);
    const clients = totals().connected;
    if (clients === 0) throw new Error('no floor client could connect');
    o.log(`  floor: ${clients} clients on a bare Socket.IO server; frames of ${o.frames.shown} / ${o.frames.opened} / ${o.frames.closed} bytes`);
    const round = async (m: FloorToServer, done: () => boolean) => {
      server.send(m);
      await next(server, 'sent', o.timeoutMs);
      await o.conditions.until(done, o.timeoutMs, () => `floor ${m.name} frames (${JSON.stringify(totals())})`);
    };
    // One untimed round of each kind first: the server's and the clients' code paths warm, as
    // Quizbus's are after ten thousand joins.
    await round({ type: 'broadcast', name: 'floor.warmup', bytes: o.frames.shown, round: 0 }, () => totals().warm >= clients);
    await round({ type: 'each', name: 'floor.warmup', bytes: o.frames.closed }, () => totals().warm >= 2 * clients);
    for (let r = 1; r <= FLOOR_ROUNDS; r += 1) {
      await round({ type: 'broadcast', name: 'question.shown', bytes: o.frames.shown, round: r }, () => totals().broadcasts >= clients * (2 * r - 1));
      await round({ type: 'broadcast', name: 'question.opened', bytes: o.frames.opened, round: r }, () => totals().broadcasts >= clients * 2 * r);
    }
    for (let r = 1; r <= FLOOR_ROUNDS; r += 1) await round({ type: 'each', name: 'question.closed', bytes: o.frames.closed }, () => totals().each >= clients * r);
    o.pool.endFloor();
    await o.conditions.until(() => o.pool.floorReports.length >= o.tasks.length, o.timeoutMs, () => 'the floor reports');
    const reports = o.pool.floorReports;
    return { fanoutMs: percentiles(reports.flatMap((r) => r.fanout)), resultMs: percentiles(reports.flatMap((r) => r.result)), clients };
  } finally {
    server.disconnect();
    await exited;
  }
}

/** The server's next message of one type (bounded). */
function next<T extends FloorFromServer['type']>(server: ChildProcess, type: T, ms: number): Promise<Extract<FloorFromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`the floor server sent no "${type}" within ${ms} ms`)), ms);
    const onMessage = (m: FloorFromServer) => {
      if (m.type === type) done(null, m as Extract<FloorFromServer, { type: T }>);
    };
    const onExit = () => done(new Error('the floor server exited'));
    const done = (err: Error | null, m?: Extract<FloorFromServer, { type: T }>) => {
      clearTimeout(timer);
      server.off('message', onMessage);
      server.off('exit', onExit);
      if (m) resolve(m);
      else reject(err ?? new Error('no message'));
    };
    server.on('message', onMessage);
    server.once('exit', onExit);
  });
}
