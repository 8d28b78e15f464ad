import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FloorProgress, FloorReport, FloorTask } from './floor-messages.ts';
import type { FromGenerator, GeneratorProgress, GeneratorReport, GeneratorTask, ToGenerator } from './generator-messages.ts';

const GENERATOR = fileURLToPath(new URL('./generator.ts', import.meta.url));

interface Member {
  child: ChildProcess;
  progress: GeneratorProgress | null;
  report: GeneratorReport | null;
  floorProgress: FloorProgress | null;
  floorReport: FloorReport | null;
  exited: Promise<void>;
}

/**
 * The parent side of the load generators: forks them, hands each its share of the players,
 * keeps their latest counters, and collects their reports. `onChange` fires on every update,
 * so whoever paces the game can wait on the counters without polling.
 */
export class GeneratorPool {
  private readonly members: Member[] = [];
  private fatal: string | null = null;
  private finishing = false;

  constructor(
    private readonly onChange: () => void,
    /** Write a V8 CPU profile of each generator here when given. */
    private readonly profileDir?: string,
  ) {}

  /** Forks one generator per task and starts it; the generators of the floor, if any, in order. */
  start(tasks: Array<Omit<GeneratorTask, 'type'>>): void {
    tasks.forEach((task, i) => this.send(this.members[i] ?? this.fork(), { type: 'start', ...task }));
  }

  /**
   * Before the game (issue 20): forks one generator per task and has it connect its share of
   * bare clients to the floor server. The same processes then play the game (`start`).
   */
  floor(tasks: Array<Omit<FloorTask, 'type'>>): void {
    tasks.forEach((task, i) => this.send(this.members[i] ?? this.fork(), { type: 'floor', ...task }));
  }

  /** The sum of every generator's latest floor counters. */
  floorTotals(): Omit<FloorProgress, 'type'> {
    const sum = { connected: 0, failed: 0, broadcasts: 0, each: 0, warm: 0 };
    for (const { floorProgress: p } of this.members) {
      if (!p) continue;
      sum.connected += p.connected;
      sum.failed += p.failed;
      sum.broadcasts += p.broadcasts;
      sum.each += p.each;
      sum.warm += p.warm;
    }
    return sum;
  }

  /** Ends the floor: every generator closes its bare clients and sends its latencies. */
  endFloor(): void {
    for (const m of this.members) this.send(m, { type: 'floor-end' });
  }

  /** The floor reports received so far (one per generator once `endFloor` has gone through). */
  get floorReports(): FloorReport[] {
    return this.members.flatMap((m) => (m.floorReport ? [m.floorReport] : []));
  }

  private fork(): Member {
    // Generators run TypeScript like the rest of the tools; they never inherit a debugger or
    // a test runner's loader flags from the parent.
    const profile = this.profileDir ? ['--cpu-prof', '--cpu-prof-dir', this.profileDir] : [];
    const child = fork(GENERATOR, [], { execArgv: [...profile, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const member: Member = {
      child,
      progress: null,
      report: null,
      floorProgress: null,
      floorReport: null,
      exited: new Promise((resolve) => child.once('exit', () => resolve())),
    };
    child.on('message', (m: FromGenerator) => {
      if (m.type === 'progress') member.progress = m;
      else if (m.type === 'report') member.report = m;
      else if (m.type === 'floor-progress') member.floorProgress = m;
      else if (m.type === 'floor-report') member.floorReport = m;
      else this.fatal = m.message;
      this.onChange();
    });
    child.once('exit', (code, signal) => {
      if (!member.report && !this.finishing) this.fatal ??= `a generator exited early (${signal ?? code})`;
      this.onChange();
    });
    this.members.push(member);
    return member;
  }

  private send(member: Member, m: ToGenerator): void {
    if (member.child.connected) member.child.send(m);
  }

  /** The first fatal error a generator reported, if any. */
  get error(): string | null {
    return this.fatal;
  }

  /** The sum of every generator's latest counters. */
  totals(questions: number): Omit<GeneratorProgress, 'type'> {
    const sum: Omit<GeneratorProgress, 'type'> = {
      joined: 0,
      failed: 0,
      sent: 0,
      acked: 0,
      results: new Array<number>(questions).fill(0),
      leaderboards: new Array<number>(questions).fill(0),
      ended: 0,
      problems: 0,
    };
    for (const { progress: p } of this.members) {
      if (!p) continue;
      sum.joined += p.joined;
      sum.failed += p.failed;
      sum.sent += p.sent;
      sum.acked += p.acked;
      sum.ended += p.ended;
      sum.problems += p.problems;
      p.results.forEach((n, i) => (sum.results[i] = (sum.results[i] ?? 0) + n));
      p.leaderboards.forEach((n, i) => (sum.leaderboards[i] = (sum.leaderboards[i] ?? 0) + n));
    }
    return sum;
  }

  /** Starts the measured part: generators reset their event-loop histograms. */
  measure(): void {
    for (const m of this.members) this.send(m, { type: 'measure' });
  }

  /** Asks every generator for its report and waits for them (bounded); missing ones are left out. */
  async finish(timeoutMs: number): Promise<GeneratorReport[]> {
    this.finishing = true;
    for (const m of this.members) this.send(m, { type: 'finish' });
    const all = Promise.all(this.members.map((m) => m.exited));
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    return this.members.flatMap((m) => (m.report ? [m.report] : []));
  }

  /** Kills whatever is still running. */
  async stop(): Promise<void> {
    this.finishing = true;
    for (const m of this.members) if (m.child.exitCode === null && m.child.signalCode === null) m.child.kill('SIGKILL');
    await Promise.all(this.members.map((m) => m.exited));
  }
}
