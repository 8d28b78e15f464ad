import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AnswerKey } from '../bots/answer-picker.ts';
import { BotSwarm } from '../bots/bot-swarm.ts';
import { measureServerClock, type ServerClock } from '../bots/server-clock.ts';
import { FloorClients } from './floor-clients.ts';
import type { FromGenerator, GeneratorReport, GeneratorTask, ToGenerator } from './generator-messages.ts';

/**
 * One load-generator process of the benchmark (forked by generator-pool.ts): runs its share of
 * bot players and records what they measure. It reports its own event-loop delay, so that a
 * saturated generator — whose late receipts would pass for server latency — shows in the table.
 * It exits when told to, when its parent goes, or at its deadline, whichever comes first.
 */
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const send = (m: FromGenerator): void => {
  process.send?.(m);
};

let swarms: BotSwarm[] = [];
let finishing = false;
const fanout: number[] = [];
/** `fanout` by message and question (`question.shown 1`, …): which broadcast makes the tail. */
const fanoutByMessage: Record<string, number[]> = {};
const ack: number[] = [];
const result: number[] = [];
const tally = { sent: 0, acked: 0, correct: 0, problems: 0, joinStartedAt: 0, joinEndedAt: 0 };
const rejected: Record<string, number> = {};
const problems: Record<string, number> = {};
const problemSamples: string[] = [];
let results: number[] = [];
let leaderboards: number[] = [];
let leaderboardAt: number[][] = [];
let clock: ServerClock | null = null;

function progress(): void {
  if (swarms.length === 0) return;
  const total = (k: 'joined' | 'failed' | 'ended') => swarms.reduce((n, s) => n + s[k], 0);
  send({ type: 'progress', joined: total('joined'), failed: total('failed'), sent: tally.sent, acked: tally.acked, results, leaderboards, ended: total('ended'), problems: tally.problems });
}

/** The clock offset against the nodes: one machine, one clock; the best round trip wins. */
async function bestClock(urls: string[]): Promise<ServerClock | null> {
  let best: ServerClock | null = null;
  for (const url of urls) {
    const c = await measureServerClock(url);
    if (c && (!best || c.rttMs < best.rttMs)) best = c;
  }
  return best;
}

async function start(task: GeneratorTask): Promise<void> {
  setTimeout(() => process.exit(3), Math.max(0, task.exitBy - Date.now())).unref();
  results = new Array<number>(task.questions).fill(0);
  leaderboards = new Array<number>(task.questions).fill(0);
  leaderboardAt = Array.from({ length: task.questions }, () => []);
  clock = await bestClock(task.urls);
  if (!clock) {
    send({ type: 'fatal', message: 'no server clock: is BENCH_ENDPOINTS=1 set on the nodes?' });
    return;
  }
  const serverClock = clock;
  swarms = task.parts.map((part) => new BotSwarm({
    urls: task.urls,
    pin: part.pin,
    count: part.count,
    prefix: task.prefix,
    firstNumber: part.firstNumber,
    localAddresses: task.localAddress ? [task.localAddress] : [],
    concurrency: task.concurrency,
    deadline: task.exitBy,
    bot: {
      minDelayMs: task.minDelayMs,
      maxDelayMs: task.maxDelayMs,
      accuracy: task.accuracy,
      key: new AnswerKey(task.quiz),
      clock: serverClock,
      reconnect: false,
      timeoutMs: 20_000,
      random: Math.random,
      observer: {
        fanout: (name, ms, index) => {
          fanout.push(ms);
          const key = `${name} ${index + 1}`;
          (fanoutByMessage[key] ??= []).push(ms);
        },
        answerSent: () => void (tally.sent += 1),
        answerAcked: (_index, ms, a) => {
          if (a.ok) {
            tally.acked += 1;
            ack.push(ms);
          } else rejected[a.error.code] = (rejected[a.error.code] ?? 0) + 1;
        },
        result: (r, ms) => {
          if (ms !== null) result.push(ms);
          if (r.grade === 'correct') tally.correct += 1;
          if (r.index < results.length) results[r.index] = (results[r.index] ?? 0) + 1;
        },
        leaderboard: (index, at) => {
          if (index >= leaderboards.length) return;
          leaderboards[index] = (leaderboards[index] ?? 0) + 1;
          leaderboardAt[index]?.push(at);
        },
        problem: (kind, detail) => {
          tally.problems += 1;
          problems[kind] = (problems[kind] ?? 0) + 1;
          if (problemSamples.length < 10) problemSamples.push(`${kind}: ${detail}`);
        },
      },
    },
  }));
  tally.joinStartedAt = Date.now();
  // Games join a few at a time, so that about `concurrency` joins are in flight in all.
  const perWave = Math.max(1, Math.floor(task.concurrency / Math.max(1, ...task.parts.map((p) => p.count))));
  for (let i = 0; i < swarms.length; i += perWave) await Promise.all(swarms.slice(i, i + perWave).map((s) => s.joinAll()));
  tally.joinEndedAt = Date.now();
  progress();
}

function finish(): void {
  if (finishing) return;
  finishing = true;
  const report: GeneratorReport = {
    type: 'report',
    joinStartedAt: tally.joinStartedAt,
    joinEndedAt: tally.joinEndedAt,
    clockOffsetMs: clock?.offsetMs ?? Number.NaN,
    clockRttMs: clock?.rttMs ?? Number.NaN,
    fanout,
    fanoutByMessage,
    ack,
    result,
    leaderboardAt,
    sent: tally.sent,
    acked: tally.acked,
    rejected,
    correct: tally.correct,
    problems,
    problemSamples,
    maxEventLoopDelayMs: loop.max / 1e6,
    p99EventLoopDelayMs: loop.percentile(99) / 1e6,
  };
  for (const s of swarms) s.close();
  // Exit once the report is through the IPC channel, not before.
  process.send?.(report, () => process.exit(0));
}

let floor: FloorClients | null = null;
let floorTimer: NodeJS.Timeout | null = null;

process.on('message', (m: ToGenerator) => {
  if (m.type === 'floor') {
    setTimeout(() => process.exit(3), Math.max(0, m.exitBy - Date.now())).unref();
    const clients = new FloorClients();
    floor = clients;
    floorTimer = setInterval(() => send(clients.progress()), 100);
    void clients.connect(m).then(() => send(clients.progress()), (err: unknown) => send({ type: 'fatal', message: String(err) }));
  } else if (m.type === 'floor-end') {
    if (floorTimer) clearInterval(floorTimer);
    if (floor) send(floor.finish());
    floor = null;
  } else if (m.type === 'start') void start(m).catch((err: unknown) => send({ type: 'fatal', message: String(err) }));
  else if (m.type === 'measure') loop.reset();
  else if (m.type === 'finish') finish();
});
process.on('disconnect', () => process.exit(0));
setInterval(progress, 100).unref();
