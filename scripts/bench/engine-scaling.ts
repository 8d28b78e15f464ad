import { gameOptionsSchema, type EventDraft, type GameQuestion } from '@quizbus/shared';
import { decide, evolve, outboundFor, playerResult, type Command, type GameState } from '../../server/src/engine/index.ts';

/**
 * `node --import tsx scripts/bench/engine-scaling.ts`: the engine's cost per answer and per
 * question close at 1,000, 5,000 and 10,000 players, without sockets, stores or other
 * processes — so the figures show the shape of the work (O(1) per answer, O(N log N) per close)
 * free of the noise of a shared machine (CPU time, not wall time). Each size runs nine questions
 * after a warm-up game; the medians are printed.
 */
const SIZES = [1000, 5000, 10_000];
/** A first game the JIT warms up on; its figures are not printed. */
const WARM_UP = 5000;
const QUESTIONS = 9;
const HOST = 'host';
const question: GameQuestion = { type: 'single', text: 'Q', timeLimitMs: 20_000, readMs: 0, points: 1000, options: ['a', 'b', 'c', 'd'], correct: 1 };

let state: GameState | null = null;
let now = 1_000_000;

function run(command: Command): void {
  const d = decide(state, command, now);
  if (!d.ok) throw new Error(`${command.type}: ${d.code}`);
  const base = state?.seq ?? 0;
  d.events.forEach((draft: EventDraft, i: number) => {
    const e = { ...draft, gameId: 'g', seq: base + i + 1, at: now };
    state = evolve(state, e);
    outboundFor(e, state, now);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** CPU time of this process in ms: on a shared machine, wall time would count other processes' turns. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

process.stdout.write('| players | µs per answer (decide, evolve, outbound) | ms per close (credit, rank, reveal, every result) | close ÷ (N log₂ N), ns |\n| --- | --- | --- | --- |\n');
for (const [round, n] of [WARM_UP, ...SIZES].entries()) {
  state = null;
  const options = gameOptionsSchema.parse({});
  run({ type: 'create', gameId: 'g', pin: '123456', quizId: 'q', title: 'Scaling', questions: Array.from({ length: QUESTIONS }, () => question), options, hostTokenHash: HOST });
  for (let p = 0; p < n; p += 1) run({ type: 'join', playerId: `p${p}`, nickname: `player ${p}`, tokenHash: `t${p}` });
  run({ type: 'start', hostTokenHash: HOST });
  const perAnswer: number[] = [];
  const perClose: number[] = [];
  for (let q = 0; q < QUESTIONS; q += 1) {
    now += 10;
    run({ type: 'tick' });
    // Everyone but the last player answers (the last would close the question by itself).
    const t0 = cpuMs();
    for (let p = 0; p < n - 1; p += 1) {
      now += 1;
      run({ type: 'answer', playerId: `p${p}`, index: q, answer: { kind: 'choice', choice: p % 4 } });
    }
    perAnswer.push(((cpuMs() - t0) * 1000) / (n - 1));
    const t1 = cpuMs();
    run({ type: 'skip', hostTokenHash: HOST });
    const s = state as GameState | null;
    if (s) for (let p = 0; p < n; p += 1) playerResult(s, `p${p}`);
    perClose.push(cpuMs() - t1);
    run({ type: 'next', hostTokenHash: HOST });
    if (q < QUESTIONS - 1) run({ type: 'next', hostTokenHash: HOST });
  }
  const close = median(perClose);
  if (round === 0) continue;
  process.stdout.write(`| ${n} | ${median(perAnswer).toFixed(2)} | ${close.toFixed(2)} | ${((close * 1e6) / (n * Math.log2(n))).toFixed(1)} |\n`);
}
