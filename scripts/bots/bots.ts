import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { quizSchema, type Quiz } from '@quizbus/shared';
import { AnswerKey } from './answer-picker.ts';
import { BotSwarm } from './bot-swarm.ts';
import { percentiles } from './percentiles.ts';
import { measureServerClock } from './server-clock.ts';

/**
 * `npm run bots -- --url http://localhost:3000 --pin 123456 --count 200`: a class of bot
 * players for trying a quiz with a full room. Bots join, answer every question after a random
 * delay, and take their seat back after a dropped connection. `--help` lists the options.
 */
const HELP = `npm run bots -- --pin PIN [options]

  --url URL[,URL…]     server, balancer, or several nodes (bots go round-robin and,
                       after a dropped connection, come back through the others) [http://localhost:3000]
  --pin PIN            the game's 6-digit PIN                                      (required)
  --count N            number of bots, 1–20000                                     [20]
  --accuracy P         share of right answers, 0–1 (needs --quiz-file or --quiz-id) [0.7]
  --min-delay MS       earliest answer after answers open                          [1000]
  --max-delay MS       latest answer after answers open (kept before the deadline) [5000]
  --prefix TEXT        nickname prefix: TEXT-1, TEXT-2, …                          [bot]
  --quiz-file FILE     the quiz document (JSON) the game runs, so bots can be right
  --quiz-id ID         fetch the quiz document from GET /api/quizzes/ID instead
  --concurrency N      joins in flight at once                                     [50]
  --local-address A,…  source addresses for the sockets (e.g. 127.0.0.2,127.0.0.3)
  --duration S         stop after S seconds whatever happens                       [3600]
  --no-reconnect       do not take the seat back after a dropped connection`;

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    pin: { type: 'string' },
    count: { type: 'string', default: '20' },
    accuracy: { type: 'string', default: '0.7' },
    'min-delay': { type: 'string', default: '1000' },
    'max-delay': { type: 'string', default: '5000' },
    prefix: { type: 'string', default: 'bot' },
    'quiz-file': { type: 'string' },
    'quiz-id': { type: 'string' },
    concurrency: { type: 'string', default: '50' },
    'local-address': { type: 'string', default: '' },
    duration: { type: 'string', default: '3600' },
    'no-reconnect': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}\n`);
  process.exit(2);
}

function int(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const pin = values.pin ?? fail('--pin is required');
if (!/^\d{6}$/.test(pin)) fail('--pin must be 6 digits');
const urls = values.url.split(',').map((u) => u.trim().replace(/\/+$/, '')).filter(Boolean);
const count = int('count', values.count, 1, 20_000);
const accuracy = Number(values.accuracy);
if (!(accuracy >= 0 && accuracy <= 1)) fail('--accuracy must be between 0 and 1');
const minDelayMs = int('min-delay', values['min-delay'], 0, 600_000);
const maxDelayMs = int('max-delay', values['max-delay'], minDelayMs, 600_000);
const durationMs = int('duration', values.duration, 1, 24 * 3600) * 1000;
const concurrency = int('concurrency', values.concurrency, 1, 1000);

async function loadQuiz(): Promise<Quiz | null> {
  if (values['quiz-file']) {
    const parsed = quizSchema.safeParse(JSON.parse(await readFile(values['quiz-file'], 'utf8')));
    if (!parsed.success) fail(`--quiz-file is not a quiz document: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return { ...parsed.data, id: parsed.data.id ?? 'from-file' };
  }
  if (values['quiz-id']) {
    const res = await fetch(`${urls[0]}/api/quizzes/${encodeURIComponent(values['quiz-id'])}`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) fail(`GET /api/quizzes/${values['quiz-id']} answered ${res.status}`);
    return (await res.json()) as Quiz;
  }
  return null;
}

const quiz = await loadQuiz();
const key = new AnswerKey(quiz);
const clock = await measureServerClock(urls[0] as string);
const started = Date.now();
const stopAt = started + durationMs;

const tally = { sent: 0, acked: 0, rejected: 0, results: 0, correct: 0, graded: 0, leaderboards: 0, problems: new Map<string, number>() };
const acks: number[] = [];
const fanouts: number[] = [];
const lastProblems: string[] = [];

const swarm = new BotSwarm({
  urls,
  pin,
  count,
  prefix: values.prefix,
  firstNumber: 1,
  localAddresses: values['local-address'].split(',').map((a) => a.trim()).filter(Boolean),
  concurrency,
  deadline: stopAt,
  bot: {
    minDelayMs,
    maxDelayMs,
    accuracy,
    key,
    ...(clock && { clock }),
    reconnect: !values['no-reconnect'],
    timeoutMs: 10_000,
    random: Math.random,
    observer: {
      fanout: (_name, ms) => void fanouts.push(ms),
      answerSent: () => void (tally.sent += 1),
      answerAcked: (_i, ms, ack) => {
        if (ack.ok) {
          tally.acked += 1;
          acks.push(ms);
        } else tally.rejected += 1;
      },
      result: (r) => {
        tally.results += 1;
        if (r.grade === 'correct' || r.grade === 'partial' || r.grade === 'wrong') tally.graded += 1;
        if (r.grade === 'correct') tally.correct += 1;
      },
      leaderboard: () => void (tally.leaderboards += 1),
      problem: (kind, detail) => {
        tally.problems.set(kind, (tally.problems.get(kind) ?? 0) + 1);
        lastProblems.push(detail);
        if (lastProblems.length > 5) lastProblems.shift();
      },
    },
  },
});

const tty = process.stdout.isTTY === true;
let lastPrinted = 0;
function status(): string {
  const problems = [...tally.problems.values()].reduce((a, b) => a + b, 0);
  const correct = tally.graded > 0 ? `${Math.round((100 * tally.correct) / tally.graded)}% right` : 'no graded results yet';
  return (
    `joined ${swarm.joined}/${count}${swarm.failed ? ` (${swarm.failed} failed)` : ''} · answers ${tally.sent} sent, ${tally.acked} acked` +
    ` · results ${tally.results} (${correct}) · leaderboards ${tally.leaderboards} · ended ${swarm.ended} · problems ${problems}`
  );
}
const progress = setInterval(() => {
  if (tty) process.stdout.write(`\r\x1b[2K${status()}`);
  else if (Date.now() - lastPrinted >= 5000) {
    lastPrinted = Date.now();
    process.stdout.write(`${status()}\n`);
  }
}, 1000);

let stopping = false;
let wake: () => void = () => undefined;
const finished = new Promise<void>((resolve) => {
  wake = resolve;
});
const stop = () => {
  stopping = true;
  wake();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const deadline = setTimeout(stop, durationMs);
// The run ends when every seated bot has seen the game end (or on a signal, or at the deadline).
const watch = setInterval(() => {
  if (swarm.joined > 0 && swarm.joined + swarm.failed >= count && swarm.ended >= swarm.joined) stop();
}, 500);

process.stdout.write(
  `${count} bots → ${urls.join(', ')} PIN ${pin}; ${quiz ? `answers from the quiz document, ${Math.round(accuracy * 100)}% right` : 'no quiz document: random answers'}; ` +
    `${clock ? `server clock offset ${clock.offsetMs.toFixed(1)} ms` : 'no server clock (BENCH_ENDPOINTS off): no fan-out figures'}\n`,
);
await swarm.joinAll();
if (swarm.joined === 0) stop();
if (!stopping) await finished;
clearInterval(progress);
clearInterval(watch);
clearTimeout(deadline);
swarm.close();

const ack = percentiles(acks);
const fan = percentiles(fanouts);
process.stdout.write(`${tty ? '\n' : ''}${status()}\n`);
process.stdout.write(`ack ms p50 ${ack.p50} p99 ${ack.p99} max ${ack.max}`);
process.stdout.write(clock ? ` · fan-out ms p50 ${fan.p50} p99 ${fan.p99} max ${fan.max}\n` : '\n');
if (tally.problems.size > 0) {
  process.stdout.write(`problems: ${[...tally.problems].map(([k, n]) => `${k} ×${n}`).join(', ')}\n  e.g. ${lastProblems.join('\n  e.g. ')}\n`);
}
process.exit(swarm.joined > 0 ? 0 : 1);
