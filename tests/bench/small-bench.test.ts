import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../scripts/bench/bench-report.ts';
import { runScenario, type ScenarioOptions } from '../../scripts/bench/scenario.ts';

/**
 * The benchmark's harness at class size, inside `npm test`: the same code as `npm run bench`
 * (servers as child processes, bots in forked generator processes, the host driving the game)
 * with 200 players. It checks correctness only — every answer sent is acknowledged and counted,
 * every player gets every result and leaderboard, nothing goes wrong on the way — and never
 * time: latencies on a shared two-core machine belong in docs/benchmarks.md, not in a test.
 */
const small = (nodes: number): ScenarioOptions => ({
  players: 200,
  nodes,
  questions: 2,
  generators: 2,
  // Answers well inside a long time limit: a loaded machine delays them, it must not make them late.
  minDelayMs: 100,
  maxDelayMs: 1000,
  accuracy: 0.7,
  readTimeSec: 1,
  timeLimitSec: 20,
  joinConcurrency: 50,
  // Each wait is bounded well inside the test's own timeout, so a failure says what it waited for.
  phaseTimeoutMs: 20_000,
  addressBlock: 240 + nodes,
  log: () => undefined,
});

/** The floor's figures are there and sane: every client connected, ordered percentiles, ratios that are the p99s' quotient. */
function expectFloor(result: ScenarioResult, clients: number | null): void {
  expect(clients).toBe(200);
  for (const floor of [result.floorFanoutMs, result.floorResultMs]) {
    if (!floor) throw new Error('no floor figures');
    expect(floor.p50).toBeGreaterThan(0);
    expect(floor.p50).toBeLessThanOrEqual(floor.p95);
    expect(floor.p95).toBeLessThanOrEqual(floor.p99);
    expect(floor.p99).toBeLessThanOrEqual(floor.max);
  }
  expect(result.fanoutToFloor).toBeCloseTo(result.fanoutMs.p99 / (result.floorFanoutMs?.p99 ?? Number.NaN), 1);
  expect(result.resultToFloor).toBeCloseTo(result.resultMs.p99 / (result.floorResultMs?.p99 ?? Number.NaN), 1);
}

describe('benchmark harness, small', () => {
  for (const nodes of [1, 3]) {
    it(`${nodes === 1 ? 'one node (embedded)' : 'three nodes on Redis'}: 200 players, every answer acknowledged and counted`, async () => {
      // The one-node run also measures the bare Socket.IO floor first (issue 20), with the same generators.
      const { result, details } = await runScenario({ ...small(nodes), floor: nodes === 1 });
      const expected = 200 * 2;
      expect({ joined: details.joined, failedJoins: details.failedJoins }).toEqual({ joined: 200, failedJoins: 0 });
      expect(result.answers).toEqual({ sent: expected, acked: expected, counted: expected });
      expect(details.resultsReceived).toBe(expected);
      expect(details.rejected).toEqual({});
      expect(details.problems).toEqual({});
      // Every latency series was measured (a broken measurement would show as NaN).
      for (const series of [result.fanoutMs, result.ackMs, result.resultMs, result.leaderboardMs]) expect(Number.isFinite(series.p50)).toBe(true);
      if (nodes === 1) expectFloor(result, details.floorClients);
      else expect([result.floorFanoutMs, result.fanoutToFloor, result.floorResultMs, result.resultToFloor, details.floorClients]).toEqual([null, null, null, null, null]);
    }, 110_000);
  }
});

/**
 * Issue 18, a school: several small games at once, each with its own host, created round-robin
 * over the nodes; bots of one generator spread over several games. Correctness only, as above:
 * every answer in every game acknowledged and counted, every result and leaderboard received,
 * and the per-answer cost figures measured (Redis calls only where there is a Redis).
 */
describe('benchmark harness, many small games', () => {
  const GAMES = 5;
  const PLAYERS = 4;
  for (const nodes of [1, 2]) {
    it(`${nodes === 1 ? 'one node' : 'two nodes on Redis'}: ${GAMES} games × ${PLAYERS} players, every answer acknowledged and counted`, async () => {
      const { result, details } = await runScenario({ ...small(nodes), players: PLAYERS, games: GAMES, addressBlock: 230 + nodes });
      const expected = GAMES * PLAYERS * 2;
      expect(result.games).toBe(GAMES);
      expect({ joined: details.joined, failedJoins: details.failedJoins }).toEqual({ joined: GAMES * PLAYERS, failedJoins: 0 });
      expect(result.answers).toEqual({ sent: expected, acked: expected, counted: expected });
      expect(details.resultsReceived).toBe(expected);
      expect(details.rejected).toEqual({});
      expect(details.problems).toEqual({});
      expect(Number.isFinite(result.serverCpuMsPerAnswer)).toBe(true);
      if (nodes === 1) expect(result.redisOpsPerAnswer).toBeNull();
      // Every answer is appended to a game's log by a script call: some Redis calls per answer.
      else expect(Object.values(result.redisOpsPerAnswer ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }, 110_000);
  }
});

