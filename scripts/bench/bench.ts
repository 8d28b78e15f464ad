import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { detailLines, markdownTable, type BenchFile, type ScenarioResult } from './bench-report.ts';
import { runScenario } from './scenario.ts';

/**
 * `npm run bench -- --players N --nodes K --questions Q --json FILE`: the benchmark of issue 5.
 * `--games G` plays G games of N players each at once (issue 18: a whole school).
 * `--players` and `--nodes` also take lists (`--players 1000,5000,10000 --nodes 1,3`): every
 * combination runs as its own scenario, on fresh servers. Prints a markdown table; writes FILE.
 */
const HELP = `npm run bench -- [options]

  --players N[,N…]     players per game                                      [1000]
  --games G            games played at once, each with its own host (a school)   [1]
  --nodes K[,K…]       1 = embedded default; 2+ = that many nodes on one Redis  [1]
  --redis single|cluster  with 2+ nodes: one redis-server, or a Redis Cluster (3 masters + 3
                       replicas; REDIS_WAIT_REPLICAS in the environment reaches the nodes)  [single]
  --questions Q        questions per game (cycling through every type)        [5]
  --json FILE          write the results here (JSON, see docs/benchmarks.md)
  --generators G       load-generator processes                     [1 per 2,500 players, 1–4]
  --min-delay MS       earliest answer after answers open                    [300]
  --max-delay MS       latest answer after answers open                      [3000]
  --accuracy P         share of right answers                                [0.7]
  --read-time S        read time per question, seconds                       [2]
  --time-limit S       answer window per question, seconds                   [20]
  --concurrency N      joins in flight per generator                         [100]
  --floor / --no-floor before the game, time a bare Socket.IO server with the same clients and
                       frame sizes (floorFanoutMs, fanoutToFloor, floorResultMs, resultToFloor)
                                                          [on from 5,000 players in all]
  --profile DIR        write a V8 CPU profile of every node and generator (and the floor's server) into DIR
  --panel              open the Under-the-hood panel on the host for the whole game (its cost: compare a run without)
  --heap-snapshots DIR write a heap snapshot of every node before the first join and after the last leaderboard into DIR
  --max-load L         before each scenario, wait (up to 10 minutes) for a 1-minute load average below L`;

const { values } = parseArgs({
  options: {
    players: { type: 'string', default: '1000' },
    games: { type: 'string', default: '1' },
    nodes: { type: 'string', default: '1' },
    redis: { type: 'string', default: 'single' },
    questions: { type: 'string', default: '5' },
    json: { type: 'string' },
    generators: { type: 'string' },
    'min-delay': { type: 'string', default: '300' },
    'max-delay': { type: 'string', default: '3000' },
    accuracy: { type: 'string', default: '0.7' },
    'read-time': { type: 'string', default: '2' },
    'time-limit': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '100' },
    profile: { type: 'string' },
    'heap-snapshots': { type: 'string' },
    panel: { type: 'boolean', default: false },
    floor: { type: 'boolean' },
    'no-floor': { type: 'boolean' },
    'max-load': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}\n`);
  process.exit(2);
}

function ints(name: string, raw: string, min: number, max: number): number[] {
  const list = raw.split(',').map((x) => Number(x.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < min || n > max)) fail(`--${name}: whole numbers from ${min} to ${max}`);
  return list;
}
const one = (name: string, raw: string, min: number, max: number) => ints(name, raw, min, max)[0] as number;

if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const playerCounts = ints('players', values.players, 1, 20_000);
const nodeCounts = ints('nodes', values.nodes, 1, 8);
if (values.redis !== 'single' && values.redis !== 'cluster') fail('--redis: single or cluster');
const redisKind: 'single' | 'cluster' = values.redis;
const questions = one('questions', values.questions, 1, 100);
const games = one('games', values.games, 1, 2000);
const minDelayMs = one('min-delay', values['min-delay'], 0, 60_000);
const maxDelayMs = one('max-delay', values['max-delay'], minDelayMs, 60_000);
const readTimeSec = one('read-time', values['read-time'], 0, 30);
const timeLimitSec = one('time-limit', values['time-limit'], 5, 240);
const accuracy = Number(values.accuracy);
if (!(accuracy >= 0 && accuracy <= 1)) fail('--accuracy must be between 0 and 1');
if (maxDelayMs + 1000 > timeLimitSec * 1000) fail('--max-delay must leave a second of the --time-limit: every bot answers before the deadline');
const concurrency = one('concurrency', values.concurrency, 1, 2000);
const profileDir = values.profile ? resolve(values.profile) : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const snapshotDir = values['heap-snapshots'] ? resolve(values['heap-snapshots']) : undefined;
if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });

// Each socket is a file descriptor in the node that serves it and in the generator that opened it.
const fdLimit = Number(execFileSync('sh', ['-c', 'ulimit -n']).toString().trim());
const generatorsFor = (players: number) => (values.generators ? one('generators', values.generators, 1, 16) : Math.min(4, Math.max(1, Math.ceil(players / 2500))));
for (const perGame of playerCounts) {
  const players = perGame * games;
  for (const nodes of nodeCounts) {
    const perProcess = Math.max(Math.ceil(players / nodes), Math.ceil(players / generatorsFor(players)));
    if (Number.isFinite(fdLimit) && perProcess + 200 > fdLimit) fail(`${players} players on ${nodes} node(s) need about ${perProcess + 200} file descriptors per process; ulimit -n is ${fdLimit}`);
  }
}

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${availableParallelism()} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load} at the start`;
}

if (values.floor && values['no-floor']) fail('--floor or --no-floor, not both');
/** Issue 20: the floor is on by default where the figures are big enough to compare. */
const floorFor = (players: number) => (values.floor ? true : values['no-floor'] ? false : players >= 5000);

const maxLoad = values['max-load'] === undefined ? null : Number(values['max-load']);
if (maxLoad !== null && !(maxLoad > 0)) fail('--max-load must be a positive number');

/** On a shared machine: waits, bounded, until others' work has calmed down. */
async function calm(): Promise<void> {
  if (maxLoad === null) return;
  const deadline = Date.now() + 10 * 60_000;
  while ((loadavg()[0] ?? 0) >= maxLoad && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5000));
  process.stdout.write(`  load average ${(loadavg()[0] ?? 0).toFixed(2)} at the start${(loadavg()[0] ?? 0) >= maxLoad ? ' (did not fall below --max-load within 10 minutes)' : ''}\n`);
}

const results: ScenarioResult[] = [];
const details: string[] = [];
const write = () => {
  if (!values.json) return;
  const file: BenchFile = { scenarios: results };
  mkdirSync(dirname(resolve(values.json)), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify(file, null, 2)}\n`);
};

process.stdout.write(`Quizbus benchmark on ${machine()}\n`);
let failed = false;
let block = 1 + (process.pid % 200);
for (const nodes of nodeCounts) {
  for (const players of playerCounts) {
    process.stdout.write(`\n▶ ${games > 1 ? `${games} games × ` : ''}${players} players, ${nodes} node(s), ${questions} question(s)\n`);
    await calm();
    try {
      const { result, details: d } = await runScenario({
        players,
        games,
        nodes,
        redis: redisKind,
        questions,
        generators: generatorsFor(players * games),
        minDelayMs,
        maxDelayMs,
        accuracy,
        readTimeSec,
        timeLimitSec,
        joinConcurrency: concurrency,
        // A fresh block of source addresses per scenario: the last one's closed connections may
        // still hold their ports (TIME_WAIT).
        addressBlock: block,
        ...(profileDir && { profileDir }),
        ...(snapshotDir && { env: { BENCH_HEAP_SNAPSHOT_DIR: snapshotDir } }),
        panel: values.panel,
        floor: floorFor(players * games),
        log: (line) => process.stdout.write(`${line}\n`),
      });
      block = block >= 250 ? 1 : block + 1;
      results.push(result);
      details.push(`${detailLines(result, d)}\n  load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      write();
    } catch (err) {
      failed = true;
      process.stderr.write(`scenario failed: ${(err as Error).message}\n`);
    }
  }
}

process.stdout.write(`\n${markdownTable(results)}\n\nLatencies: p50 / p95 / p99 / max in ms.\n\n${details.join('\n\n')}\n`);
if (values.json && results.length > 0) process.stdout.write(`\nwritten: ${values.json}\n`);
process.exit(failed ? 1 : 0);
