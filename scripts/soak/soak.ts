import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startNode, type NodeProcess } from '../../tests/support/node-process.ts';
import { startRedis, type TestRedis } from '../../tests/support/redis-server.ts';
import { runCycle } from './class-cycle.ts';
import { collectedMemory, startSampler, type CollectedMemory, type NodeSample } from './node-metrics.ts';

/**
 * `npm run soak -- --minutes 20`: hours of a school day squeezed into minutes, to show that
 * nothing leaks. Class after class: games start and end, a thousand students join, answer,
 * drop all at once and come back, leave and join late; first on the embedded default (one
 * node), then on Redis (two nodes, players spread over both and moved across in the storms).
 * Every node's memory, timers and bus subscriptions are sampled all along; at the end, once
 * the ended games have been swept, every count must be back to zero. Not part of `npm test`.
 */
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '20' },
    mode: { type: 'string', default: 'both' },
    players: { type: 'string', default: '1000' },
    games: { type: 'string', default: '4' },
    out: { type: 'string', default: 'artifacts/soak' },
  },
});
const MINUTES = Number(values.minutes);
const MODES = values.mode === 'both' ? (['embedded', 'redis'] as const) : ([values.mode] as Array<'embedded' | 'redis'>);
const PLAYERS = Number(values.players);
const GAMES = Number(values.games);
const QUESTIONS = 3;
/** The sweep removes ended games once a minute; the settle phase waits for it. */
const SETTLE_MS = 100_000;
const NODE_ENV = {
  LOG_LEVEL: 'warn',
  ENDED_GAME_MINUTES: '0.05',
  // The whole class comes from this one machine: the per-address limits would (rightly) refuse it.
  JOINS_PER_MINUTE: '0',
  GAMES_PER_HOUR: '0',
  // The heap after a forced full collection (GET /api/bench/memory) tells live memory from garbage.
  BENCH_ENDPOINTS: '1',
  NODE_OPTIONS: '--expose-gc',
};

const quiz = {
  title: 'Soak quiz',
  readTimeSec: 0,
  questions: Array.from({ length: QUESTIONS }, (_, i) => ({ type: 'single', text: `Soak question ${i + 1}`, options: ['A', 'B', 'C'], correct: 0, timeLimitSec: 60 })),
};

interface ModeReport {
  mode: string;
  minutes: number;
  cycles: number;
  playersPerCycle: number;
  gamesPerCycle: number;
  outcomes: Record<string, number>;
  baseline: NodeSample[];
  peak: { rssMb: number; heapUsedMb: number; sockets: number };
  afterFirstCycle: NodeSample[];
  afterLastCycle: NodeSample[];
  settled: NodeSample[];
  settledInSeconds: number | null;
  /** Live memory (after a full collection) idle at start, after cycle 1, and once settled. */
  collected: { start: CollectedMemory[]; afterFirstCycle: CollectedMemory[]; settled: CollectedMemory[] };
  samples: NodeSample[];
}

async function runMode(mode: 'embedded' | 'redis', budgetMs: number): Promise<ModeReport> {
  const started = Date.now();
  let redis: TestRedis | null = null;
  const nodes: NodeProcess[] = [];
  try {
    if (mode === 'redis') {
      redis = await startRedis();
      for (const id of ['soak-1', 'soak-2']) nodes.push(await startNode(id, { ...NODE_ENV, REDIS_URL: redis.url }));
    } else {
      nodes.push(await startNode('soak-embedded', NODE_ENV));
    }
    const urls = nodes.map((n) => n.url);
    const sampler = startSampler(nodes.map((n) => ({ url: n.url, id: n.id })), 5_000, started);
    const last = () => nodes.map((n) => [...sampler.samples].reverse().find((s) => s.node === n.id)).filter((s): s is NodeSample => s !== undefined);
    await new Promise((r) => setTimeout(r, 5_500));
    const baseline = last();
    const collect = () => Promise.all(nodes.map((n) => collectedMemory(n.url, n.id)));
    const collected = { start: await collect(), afterFirstCycle: [] as CollectedMemory[], settled: [] as CollectedMemory[] };

    const res = await fetch(`${urls[0]}/api/quizzes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(quiz) });
    const { id: quizId } = (await res.json()) as { id: string };
    const outcomes: Record<string, number> = {};
    const count = (what: string) => void (outcomes[what] = (outcomes[what] ?? 0) + 1);
    let cycles = 0;
    let afterFirstCycle: NodeSample[] = [];
    const deadline = started + budgetMs - SETTLE_MS;
    while (Date.now() < deadline || cycles === 0) {
      const t0 = Date.now();
      await runCycle({ urls, quizId, questions: QUESTIONS, games: GAMES, players: PLAYERS, cycle: cycles, count });
      cycles += 1;
      const t = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`[${mode}] cycle ${cycles} done in ${((Date.now() - t0) / 1000).toFixed(1)} s (t=${t} s) ${JSON.stringify(last().map((s) => ({ node: s.node, rssMb: s.rssMb, heapMb: s.heapUsedMb, games: s.ownedGames, subs: s.subscriptions })))}\n`);
      if (cycles === 1) {
        await new Promise((r) => setTimeout(r, 5_500));
        afterFirstCycle = last();
        collected.afterFirstCycle = await collect();
      }
    }
    await new Promise((r) => setTimeout(r, 5_500));
    const afterLastCycle = last();

    // Wait for the sweep to remove the ended games; then every count must be zero.
    const settleStart = Date.now();
    let settledInSeconds: number | null = null;
    while (Date.now() - settleStart < SETTLE_MS) {
      await new Promise((r) => setTimeout(r, 5_000));
      const now = last();
      const clean = now.length === nodes.length && now.every((s) => s.ownedGames === 0 && s.watchedGames === 0 && s.gameTimers === 0 && s.throttleTimers === 0 && s.subscriptions <= 0 && s.sockets === 0);
      if (clean) {
        settledInSeconds = Math.round((Date.now() - settleStart) / 1000);
        break;
      }
    }
    collected.settled = await collect();
    sampler.stop();
    const samples = sampler.samples;
    const peak = {
      rssMb: Math.max(...samples.map((s) => s.rssMb)),
      heapUsedMb: Math.max(...samples.map((s) => s.heapUsedMb)),
      sockets: Math.max(...samples.map((s) => s.sockets)),
    };
    return { mode, minutes: Math.round((Date.now() - started) / 600) / 100, cycles, playersPerCycle: PLAYERS, gamesPerCycle: GAMES, outcomes, baseline, peak, afterFirstCycle, afterLastCycle, settled: last(), settledInSeconds, collected, samples };
  } finally {
    await Promise.all(nodes.map((n) => n.kill('SIGTERM')));
    await redis?.destroy();
  }
}

const table = (rows: NodeSample[]) =>
  rows.map((s) => `${s.node}: RSS ${s.rssMb} MB, heap ${s.heapUsedMb} MB, sockets ${s.sockets}, games ${s.ownedGames}, watched ${s.watchedGames}, game timers ${s.gameTimers}, throttle timers ${s.throttleTimers}, clock timers ${s.clockTimers}, subscriptions ${s.subscriptions}`).join('\n    ');

const reports: ModeReport[] = [];
for (const mode of MODES) {
  const report = await runMode(mode, (MINUTES * 60_000) / MODES.length);
  reports.push(report);
  process.stdout.write(
    [
      '',
      `== ${mode}: ${report.cycles} cycles in ${report.minutes} min (${report.gamesPerCycle} games and ${report.playersPerCycle} players a cycle)`,
      `  peak: RSS ${report.peak.rssMb} MB, heap ${report.peak.heapUsedMb} MB, ${report.peak.sockets} sockets on one node`,
      `  idle at start:\n    ${table(report.baseline)}`,
      `  after cycle 1:\n    ${table(report.afterFirstCycle)}`,
      `  after the last cycle:\n    ${table(report.afterLastCycle)}`,
      `  settled${report.settledInSeconds === null ? ' (NOT all back to zero)' : ` after ${report.settledInSeconds} s`}:\n    ${table(report.settled)}`,
      `  live heap after a full GC (idle start → after cycle 1 → settled): ${report.collected.start
        .map((c, i) => `${c.node} ${c.heapUsedMb} → ${report.collected.afterFirstCycle[i]?.heapUsedMb} → ${report.collected.settled[i]?.heapUsedMb} MB (RSS ${report.collected.settled[i]?.rssMb} MB)`)
        .join('; ')}`,
      `  outcomes: ${JSON.stringify(report.outcomes)}`,
      '',
    ].join('\n'),
  );
}
await mkdir(values.out, { recursive: true });
const file = `${values.out}/soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
await writeFile(file, `${JSON.stringify(reports, null, 2)}\n`);
process.stdout.write(`report: ${file}\n`);
const leaked = reports.some((r) => r.settledInSeconds === null);
process.exit(leaked ? 1 : 0);
