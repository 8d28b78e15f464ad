import type { Percentiles } from '../bots/percentiles.ts';

/** One scenario in the benchmark's JSON file. The shape is pinned by issue 5: other tools read it. */
export interface ScenarioResult {
  /** Players per game. */
  players: number;
  /** Games played at once (each with `players` players); 1 for the one-big-game runs. */
  games: number;
  nodes: number;
  questions: number;
  joinPerSecond: number;
  fanoutMs: Percentiles;
  ackMs: Percentiles;
  resultMs: Percentiles;
  leaderboardMs: Percentiles;
  serverCpuSeconds: number;
  serverPeakRssMB: number;
  heapPerPlayerKB: number;
  answers: { sent: number; acked: number; counted: number };
  generatorMaxEventLoopDelayMs: number;
  /** Server CPU (all nodes) while the games were played, per acknowledged answer, in ms. */
  serverCpuMsPerAnswer: number;
  /** Redis calls per acknowledged answer while playing, by command (INFO commandstats deltas); null on one node. */
  redisOpsPerAnswer: Record<string, number> | null;
  /** Issue 20: a bare Socket.IO server's broadcast receipt, same clients and frame sizes (null without --floor). */
  floorFanoutMs: Percentiles | null;
  /** fanoutMs.p99 ÷ floorFanoutMs.p99. */
  fanoutToFloor: number | null;
  /** The bare server sending each socket a distinct frame of a player's close size (null without --floor). */
  floorResultMs: Percentiles | null;
  /** resultMs.p99 ÷ floorResultMs.p99. */
  resultToFloor: number | null;
  /**
   * redis-server's CPU (ms) and network bytes in and out (INFO cpu, INFO stats deltas) while
   * playing, per acknowledged answer: the bus's cost in the capacity model; null on one node.
   */
  redisPerAnswer?: { cpuMs: number; bytesIn: number; bytesOut: number } | null;
}

/** The benchmark's JSON file. */
export interface BenchFile {
  scenarios: ScenarioResult[];
}

/** What a run shows beyond the pinned figures: printed, and what the correctness test checks. */
export interface ScenarioDetails {
  joined: number;
  failedJoins: number;
  /** Rejected answer acks by error code. */
  rejected: Record<string, number>;
  /** Gaps, timeouts, dropped sockets…: none in a healthy run. */
  problems: Record<string, number>;
  problemSamples: string[];
  /** Own results received, against joined × questions expected. */
  resultsReceived: number;
  correctShare: number;
  /** Server CPU while players joined, and while they played (all nodes). */
  joinCpuSeconds: number;
  gameCpuSeconds: number;
  redisCpuSeconds: number | null;
  /**
   * cpuSeconds from creation to the last leaderboard; playingCpuSeconds from host.start; ownedGames: games this node created and owns;
   * playingLoop…: the node's event-loop delay from `host.start` to the last leaderboard (node-loop-lag.ts).
   */
  perNode: Array<{ id: string; cpuSeconds: number; playingCpuSeconds: number; ownedGames: number; peakRssMB: number; heapDeltaMB: number; playingLoopP99Ms: number; playingLoopMaxMs: number }>;
  generators: number;
  generatorP99EventLoopDelayMs: number;
  clockOffsetsMs: number[];
  durationSec: number;
  /** With --panel: telemetry.events messages the host received (the Under-the-hood panel was open); null without. */
  panelMessages: number | null;
  /** The fan-out's p99 of each broadcast (`question.shown 1`, `question.opened 1`, …): which one makes the tail. */
  fanoutP99ByMessage: Record<string, number>;
  /** Bare clients the floor had connected (null without --floor). */
  floorClients: number | null;
}

export interface ScenarioOutcome {
  result: ScenarioResult;
  details: ScenarioDetails;
}

const f = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10)) : '–');
const pct = (p: Percentiles) => `${f(p.p50)} / ${f(p.p95)} / ${f(p.p99)} / ${f(p.max)}`;

/** The scenarios as a markdown table (latencies: p50 / p95 / p99 / max, in ms). */
export function markdownTable(results: readonly ScenarioResult[]): string {
  const head = [
    'games',
    'players',
    'nodes',
    'Q',
    'joins/s',
    'fan-out ms',
    'ack ms',
    'result ms',
    'floor fan-out ms',
    'fan-out ÷ floor',
    'floor result ms',
    'result ÷ floor',
    'leaderboard ms',
    'CPU s',
    'peak RSS MB',
    'heap/player KB',
    'answers sent / acked / counted',
    'gen. loop max ms',
    'CPU ms/answer',
    'Redis ops/answer',
  ];
  const rows = results.map((r) => [
    String(r.games ?? 1),
    String(r.players),
    String(r.nodes),
    String(r.questions),
    f(r.joinPerSecond),
    pct(r.fanoutMs),
    pct(r.ackMs),
    pct(r.resultMs),
    r.floorFanoutMs ? pct(r.floorFanoutMs) : '–',
    r.fanoutToFloor === null || r.fanoutToFloor === undefined ? '–' : f(r.fanoutToFloor),
    r.floorResultMs ? pct(r.floorResultMs) : '–',
    r.resultToFloor === null || r.resultToFloor === undefined ? '–' : f(r.resultToFloor),
    pct(r.leaderboardMs),
    f(r.serverCpuSeconds),
    f(r.serverPeakRssMB),
    f(r.heapPerPlayerKB),
    `${r.answers.sent} / ${r.answers.acked} / ${r.answers.counted}`,
    f(r.generatorMaxEventLoopDelayMs),
    f(r.serverCpuMsPerAnswer),
    r.redisOpsPerAnswer ? Object.entries(r.redisOpsPerAnswer).map(([k, v]) => `${k} ${v}`).join(', ') : '–',
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A few lines per scenario with what the table leaves out. */
export function detailLines(r: ScenarioResult, d: ScenarioDetails): string {
  const problems = Object.entries(d.problems).map(([k, n]) => `${k} ×${n}`);
  const rejected = Object.entries(d.rejected).map(([k, n]) => `${k} ×${n}`);
  return [
    `${(r.games ?? 1) > 1 ? `${r.games} games × ` : ''}${r.players} players on ${r.nodes} node(s), ${r.questions} questions, ${d.generators} generator process(es), ${f(d.durationSec)} s:`,
    `  joined ${d.joined}, failed ${d.failedJoins}; results received ${d.resultsReceived}/${d.joined * r.questions}; right answers ${Math.round(d.correctShare * 100)}%`,
    `  server CPU: joining ${f(d.joinCpuSeconds)} s, playing ${f(d.gameCpuSeconds)} s${d.redisCpuSeconds === null ? '' : `; redis-server ${f(d.redisCpuSeconds)} s`}`,
    ...(r.redisPerAnswer ? [`  redis per answer while playing: CPU ${r.redisPerAnswer.cpuMs} ms, ${r.redisPerAnswer.bytesIn} bytes in, ${r.redisPerAnswer.bytesOut} bytes out`] : []),
    `  per node: ${d.perNode.map((n) => `${n.id} (owns ${n.ownedGames}) CPU ${f(n.cpuSeconds)} s (playing ${f(n.playingCpuSeconds)} s), peak RSS ${f(n.peakRssMB)} MB, heap +${f(n.heapDeltaMB)} MB, event loop while playing p99 ${f(n.playingLoopP99Ms)} / max ${f(n.playingLoopMaxMs)} ms`).join('; ')}`,
    `  generators: event-loop delay p99 ${f(d.generatorP99EventLoopDelayMs)} ms (max in the table); clock offsets ${d.clockOffsetsMs.map((o) => o.toFixed(2)).join(', ')} ms`,
    `  fan-out p99 by broadcast: ${Object.entries(d.fanoutP99ByMessage).map(([k, v]) => `${k} ${f(v)}`).join(', ')} ms`,
    ...(d.floorClients === null ? [] : [`  floor: ${d.floorClients} bare clients; result ÷ fan-out in this run ${f(r.resultMs.p99 / r.fanoutMs.p99)} (p99 ÷ p99)`]),
    ...(d.panelMessages === null ? [] : [`  under-the-hood panel open on the host: ${d.panelMessages} telemetry.events messages received`]),
    `  rejected acks: ${rejected.length ? rejected.join(', ') : 'none'}; problems: ${problems.length ? problems.join(', ') : 'none'}`,
    ...d.problemSamples.slice(0, 5).map((s) => `    e.g. ${s}`),
  ].join('\n');
}
