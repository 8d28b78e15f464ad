import { join } from 'node:path';
import type { CreateGameResponse, Quiz } from '@quizbus/shared';
import { percentiles, round1, type Percentiles } from '../bots/percentiles.ts';
import { measureServerClock, type ServerClock } from '../bots/server-clock.ts';
import { Redis } from 'ioredis';
import { startBenchCluster, type BenchNode } from './bench-cluster.ts';
import { benchQuiz } from './bench-quiz.ts';
import { Conditions } from './conditions.ts';
import { floorFrameBytes } from './floor-frames.ts';
import { FLOOR_ROUNDS, runFloor, type FloorResult } from './floor-run.ts';
import type { ScenarioOutcome, ScenarioResult } from './bench-report.ts';
import { redisTraffic, trafficPerAnswer } from './redis-traffic.ts';
import type { GeneratorTask } from './generator-messages.ts';
import { GeneratorPool } from './generator-pool.ts';
import { HostDriver } from './host-driver.ts';
import { partsOf } from './game-parts.ts';
import { loopLag, type LoopLag } from './node-loop-lag.ts';
import { procStats } from './proc-stats.ts';

export interface ScenarioOptions {
  /** Players per game. */
  players: number;
  /** Games played at once, each with its own host, created round-robin over the nodes (1 by default). */
  games?: number;
  nodes: number;
  questions: number;
  /** Load-generator processes. */
  generators: number;
  /** Bots answer a random time in [min, max] ms after answers open. */
  minDelayMs: number;
  maxDelayMs: number;
  accuracy: number;
  readTimeSec: number;
  timeLimitSec: number;
  /** Joins in flight per generator. */
  joinConcurrency: number;
  /** Third octet of the generators' 127.0.x.y source addresses (vary it between scenarios). */
  addressBlock: number;
  /** Bound of every wait (joins get 20 ms more per player; a question its read time and time limit more). */
  phaseTimeoutMs?: number;
  profileDir?: string;
  /** Open the Under-the-hood panel on the host (telemetry.watch) for the whole game. */
  panel?: boolean;
  /**
   * Measure the bare Socket.IO floor before the game (issue 20, floor-run.ts): the figures
   * and the ratios `fanoutToFloor` and `resultToFloor` in the result; null without.
   */
  floor?: boolean;
  /** More environment for the server nodes. */
  env?: Record<string, string>;
  /** With 2+ nodes: one redis-server or a Redis Cluster (3 masters + 3 replicas). */
  redis?: 'single' | 'cluster';
  /** Progress lines go here. */
  log: (line: string) => void;
}

/** Bounds of each wait: a scenario never hangs, it fails with what it was waiting for. */
const JOIN_MS_PER_PLAYER = 20;
const PHASE_MS = 90_000;

async function json<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** Live heap of every node after a forced full collection, in bytes. */
async function heaps(nodes: BenchNode[], label: string): Promise<number[]> {
  return Promise.all(nodes.map(async (n) => (await json<{ heapUsed: number }>(`${n.url}/api/bench/memory?snapshot=${label}`)).heapUsed));
}

function cpu(pids: number[]): number[] {
  return pids.map((pid) => procStats(pid)?.cpuSeconds ?? Number.NaN);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * One benchmark scenario, start to finish: servers (and Redis) up, a quiz and a game, a host,
 * the players joined by the generator processes, every question played through (answers,
 * reveal, results, leaderboard), the measurements gathered, everything stopped.
 */
export async function runScenario(o: ScenarioOptions): Promise<ScenarioOutcome> {
  const started = Date.now();
  const phaseMs = o.phaseTimeoutMs ?? PHASE_MS;
  const conditions = new Conditions();
  const cluster = await startBenchCluster({ nodes: o.nodes, ...(o.redis && { redis: o.redis }), ...(o.profileDir && { profileDir: o.profileDir }), ...(o.env && { env: o.env }) });
  const pool = new GeneratorPool(() => {
    if (pool.error) conditions.fail(new Error(`generator: ${pool.error}`));
    else conditions.notify();
  }, o.profileDir && join(o.profileDir, 'generators'));
  const hosts: HostDriver[] = [];
  let host: HostDriver | null;
  try {
    const first = cluster.nodes[0] as BenchNode;
    const pids = cluster.nodes.map((n) => n.pid);
    const clock = await measureServerClock(first.url);
    if (!clock) throw new Error('the node does not serve /api/bench/time');
    const quiz = await json<Quiz>(`${first.url}/api/quizzes`, benchQuiz(o.questions, o.readTimeSec, o.timeLimitSec));
    const gameCount = o.games ?? 1;
    const totalPlayers = o.players * gameCount;
    const made = await createGames(cluster.nodes, quiz.id, gameCount, clock, () => conditions.notify(), hosts);
    for (const h of hosts) if (o.panel) await h.watch();
    host = hosts[0] as HostDriver;
    const heapBefore = await heaps(cluster.nodes, 'before');
    const cpuBefore = cpu(pids);
    o.log(`  ${o.nodes} node(s) up, ${gameCount} game(s) (${made[0]?.pin}…); joining ${totalPlayers} players from ${o.generators} generator(s)`);

    const perQuestionMs = (o.readTimeSec + o.timeLimitSec) * 1000 + phaseMs;
    const joinMs = phaseMs + totalPlayers * JOIN_MS_PER_PLAYER;
    // The floor, when measured, comes first: its clients connect as the players will.
    const floorMs = o.floor ? joinMs + (2 + 3 * FLOOR_ROUNDS) * 5000 : 0;
    const exitBy = Date.now() + floorMs + joinMs + o.questions * (perQuestionMs + 2 * phaseMs) + 2 * phaseMs;
    const share = (g: number) => Math.floor(totalPlayers / o.generators) + (g < totalPlayers % o.generators ? 1 : 0);
    const tasks: Array<Omit<GeneratorTask, 'type'>> = [];
    let firstNumber = 1;
    for (let g = 0; g < o.generators; g += 1) {
      const count = share(g);
      if (count === 0) continue;
      tasks.push({
        urls: cluster.nodes.map((n) => n.url),
        parts: partsOf(made.map((m) => m.pin), o.players, firstNumber, count),
        prefix: 'bench',
        localAddress: `127.0.${o.addressBlock}.${10 + g}`,
        concurrency: o.joinConcurrency,
        minDelayMs: o.minDelayMs,
        maxDelayMs: o.maxDelayMs,
        accuracy: o.accuracy,
        quiz,
        questions: o.questions,
        exitBy,
      });
      firstNumber += count;
    }
    let floor: FloorResult | null = null;
    if (o.floor) {
      const floorTasks = tasks.map((t, g) => ({ count: sum(t.parts.map((p) => p.count)), localAddress: `127.0.${o.addressBlock}.${100 + g}`, concurrency: o.joinConcurrency, exitBy }));
      floor = await runFloor({ pool, conditions, tasks: floorTasks, frames: floorFrameBytes(quiz, o.questions, o.players), timeoutMs: phaseMs, ...(o.profileDir && { profileDir: join(o.profileDir, 'floor') }), log: o.log });
      o.log(`  floor: fan-out p99 ${floor.fanoutMs.p99} ms, own frame p99 ${floor.resultMs.p99} ms`);
    }
    pool.start(tasks);
    const totals = () => pool.totals(o.questions);
    await conditions.until(() => totals().joined + totals().failed >= totalPlayers, joinMs, () => `joins (${JSON.stringify(totals())})`);
    const joined = totals().joined;
    if (joined === 0) throw new Error('no player could join');
    o.log(`  ${joined} joined${totals().failed ? `, ${totals().failed} failed` : ''}; playing ${o.questions} question(s)`);

    pool.measure();
    const cpuPlaying = cpu(pids);
    const redisBefore = cluster.redisUrl ? await commandStats(cluster.redisUrl) : null;
    const trafficBefore = cluster.redisUrl ? await redisTraffic(cluster.redisUrl) : null;
    await loopLag(cluster.nodes.map((n) => n.url)); // opens the nodes' event-loop windows
    let loopsPlaying: LoopLag[] = [];
    const leaderboardShownAt: number[] = [];
    // Every game moves in step: the hosts press at once, as a school's classes would at the bell.
    const all = async (name: 'host.start' | 'host.next') => Math.min(...(await Promise.all(hosts.map((h) => h.command(name)))));
    await all('host.start');
    let heapAfter: number[] = heapBefore;
    let cpuAfter: number[] = cpuPlaying;
    let redisAfter = redisBefore;
    let trafficAfter = trafficBefore;
    const countedOf = (i: number) => sum(hosts.map((h) => h.closed.get(i)?.reveal.distribution.answered ?? 0));
    for (let i = 0; i < o.questions; i += 1) {
      const closedAll = () => hosts.every((h) => h.closed.has(i));
      await conditions.until(closedAll, perQuestionMs, () => `question ${i} to close in every game (${JSON.stringify(totals())})`);
      await conditions.until(() => (totals().results[i] ?? 0) >= joined, phaseMs, () => `results of question ${i} (${totals().results[i]}/${joined})`);
      leaderboardShownAt[i] = await all('host.next');
      await conditions.until(() => (totals().leaderboards[i] ?? 0) >= joined, phaseMs, () => `leaderboards of question ${i} (${totals().leaderboards[i]}/${joined})`);
      o.log(`  question ${i + 1}/${o.questions}: ${countedOf(i)} answers counted`);
      if (i === o.questions - 1) {
        cpuAfter = cpu(pids);
        redisAfter = cluster.redisUrl ? await commandStats(cluster.redisUrl) : null;
        trafficAfter = cluster.redisUrl ? await redisTraffic(cluster.redisUrl) : null;
        loopsPlaying = await loopLag(cluster.nodes.map((n) => n.url));
        heapAfter = await heaps(cluster.nodes, 'after');
      } else await all('host.next');
    }
    await all('host.next');
    await conditions.until(() => totals().ended >= joined, phaseMs, () => `the end of every game (${totals().ended}/${joined})`);
    const peaks = pids.map((pid) => procStats(pid)?.peakRssMB ?? Number.NaN);
    const redisCpu = cluster.redis ? (procStats(cluster.redis.pid)?.cpuSeconds ?? null) : null;
    const reports = await pool.finish(phaseMs);
    if (reports.length < tasks.length) throw new Error(`only ${reports.length} of ${tasks.length} generators reported`);

    const leaderboard: number[] = [];
    for (const r of reports) r.leaderboardAt.forEach((ats, i) => ats.forEach((at) => leaderboard.push(at - (leaderboardShownAt[i] ?? Number.NaN))));
    const merge = <K extends 'fanout' | 'ack' | 'result'>(k: K) => reports.flatMap((r) => r[k]);
    const tallies = <K extends 'rejected' | 'problems'>(k: K) => {
      const out: Record<string, number> = {};
      for (const r of reports) for (const [code, n] of Object.entries(r[k])) out[code] = (out[code] ?? 0) + n;
      return out;
    };
    const problems = tallies('problems');
    if (totals().failed > 0) problems['join-failed'] = totals().failed;
    const counted = sum(Array.from({ length: o.questions }, (_, i) => countedOf(i)));
    const acked = sum(reports.map((r) => r.acked));
    const joinStart = Math.min(...reports.map((r) => r.joinStartedAt));
    const joinEnd = Math.max(...reports.map((r) => r.joinEndedAt));
    const results = sum(totals().results);
    return {
      result: {
        players: o.players,
        games: gameCount,
        nodes: o.nodes,
        questions: o.questions,
        joinPerSecond: round1(joined / Math.max(0.001, (joinEnd - joinStart) / 1000)),
        fanoutMs: percentiles(merge('fanout')),
        ackMs: percentiles(merge('ack')),
        resultMs: percentiles(merge('result')),
        leaderboardMs: percentiles(leaderboard),
        serverCpuSeconds: round1(sum(cpuAfter) - sum(cpuBefore)),
        serverPeakRssMB: round1(sum(peaks)),
        heapPerPlayerKB: round1((sum(heapAfter) - sum(heapBefore)) / totalPlayers / 1024),
        answers: { sent: sum(reports.map((r) => r.sent)), acked, counted },
        serverCpuMsPerAnswer: acked > 0 ? round1(((sum(cpuAfter) - sum(cpuPlaying)) * 1000) / acked) : Number.NaN,
        redisOpsPerAnswer: redisBefore && redisAfter && acked > 0 ? perAnswer(redisBefore, redisAfter, acked) : null,
        redisPerAnswer: trafficBefore && trafficAfter && acked > 0 ? trafficPerAnswer(trafficBefore, trafficAfter, acked) : null,
        generatorMaxEventLoopDelayMs: round1(Math.max(...reports.map((r) => r.maxEventLoopDelayMs))),
        ...floorFigures(floor, percentiles(merge('fanout')), percentiles(merge('result'))),
      },
      details: {
        joined,
        failedJoins: totals().failed,
        rejected: tallies('rejected'),
        problems,
        problemSamples: reports.flatMap((r) => r.problemSamples).slice(0, 10),
        resultsReceived: results,
        correctShare: results > 0 ? sum(reports.map((r) => r.correct)) / results : 0,
        joinCpuSeconds: round1(sum(cpuPlaying) - sum(cpuBefore)),
        gameCpuSeconds: round1(sum(cpuAfter) - sum(cpuPlaying)),
        redisCpuSeconds: redisCpu,
        perNode: cluster.nodes.map((n, i) => ({
          id: n.id,
          cpuSeconds: round1((cpuAfter[i] ?? Number.NaN) - (cpuBefore[i] ?? Number.NaN)),
          playingCpuSeconds: round1((cpuAfter[i] ?? Number.NaN) - (cpuPlaying[i] ?? Number.NaN)),
          // createGames goes round-robin: game j is created on (and owned by) node j mod nodes.
          ownedGames: made.filter((_, j) => j % cluster.nodes.length === i).length,
          peakRssMB: round1(peaks[i] ?? Number.NaN),
          heapDeltaMB: round1(((heapAfter[i] ?? 0) - (heapBefore[i] ?? 0)) / 1024 / 1024),
          playingLoopP99Ms: loopsPlaying[i]?.p99Ms ?? Number.NaN,
          playingLoopMaxMs: loopsPlaying[i]?.maxMs ?? Number.NaN,
        })),
        generators: tasks.length,
        generatorP99EventLoopDelayMs: round1(Math.max(...reports.map((r) => r.p99EventLoopDelayMs))),
        clockOffsetsMs: reports.map((r) => r.clockOffsetMs),
        durationSec: (Date.now() - started) / 1000,
        panelMessages: o.panel ? host.telemetryMessages : null,
        floorClients: floor?.clients ?? null,
        fanoutP99ByMessage: Object.fromEntries(
          [...new Set(reports.flatMap((r) => Object.keys(r.fanoutByMessage)))].map((k) => [k, percentiles(reports.flatMap((r) => r.fanoutByMessage[k] ?? [])).p99]),
        ),
      },
    };
  } catch (err) {
    const tail = cluster.nodes.flatMap((n) => n.output.slice(-5).map((l) => `${n.id}: ${l}`));
    throw new Error(`${(err as Error).message}${tail.length ? `\nlast server output:\n${tail.join('\n')}` : ''}`, { cause: err });
  } finally {
    for (const h of hosts) h.close();
    await pool.stop();
    await cluster.stop();
  }
}

/** Creates `count` games round-robin over the nodes (each node owns its share), a host attached to each. */
async function createGames(
  nodes: BenchNode[],
  quizId: string,
  count: number,
  clock: ServerClock,
  onChange: () => void,
  hosts: HostDriver[],
): Promise<CreateGameResponse[]> {
  const made: CreateGameResponse[] = [];
  // A few at a time: hundreds of creations at once would only queue on the nodes.
  for (let i = 0; i < count; i += 10) {
    const wave = Array.from({ length: Math.min(10, count - i) }, async (_, k) => {
      const node = nodes[(i + k) % nodes.length] as BenchNode;
      const game = await json<CreateGameResponse>(`${node.url}/api/games`, { quizId });
      const host = new HostDriver(node.url, clock, onChange);
      hosts.push(host);
      await host.attach(game.pin, game.hostToken);
      return game;
    });
    made.push(...(await Promise.all(wave)));
  }
  return made;
}

/** Calls per Redis command so far (INFO commandstats). */
async function commandStats(url: string): Promise<Record<string, number>> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    const out: Record<string, number> = {};
    for (const m of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[m[1] as string] = Number(m[2]);
    return out;
  } finally {
    redis.disconnect();
  }
}

/** Redis calls per acknowledged answer while the games were played, by command (INFO itself left out). */
function perAnswer(before: Record<string, number>, after: Record<string, number>, answers: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cmd, calls] of Object.entries(after)) {
    const delta = calls - (before[cmd] ?? 0);
    if (delta > 0 && cmd !== 'info') out[cmd] = Math.round((delta / answers) * 100) / 100;
  }
  return out;
}

/** The floor's figures and Quizbus's ratios to them (p99 ÷ p99, to two decimals); nulls without a floor. */
function floorFigures(floor: FloorResult | null, fanout: Percentiles, result: Percentiles): Pick<ScenarioResult, 'floorFanoutMs' | 'fanoutToFloor' | 'floorResultMs' | 'resultToFloor'> {
  if (!floor) return { floorFanoutMs: null, fanoutToFloor: null, floorResultMs: null, resultToFloor: null };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return { floorFanoutMs: floor.fanoutMs, fanoutToFloor: ratio(fanout.p99, floor.fanoutMs.p99), floorResultMs: floor.resultMs, resultToFloor: ratio(result.p99, floor.resultMs.p99) };
}
