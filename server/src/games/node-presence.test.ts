import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { MemoryNodeHeartbeats } from '../adapters/memory/memory-node-heartbeats.ts';
import { Q, TestGame } from '../engine/test-game.ts';
import { NodePresence } from './node-presence.ts';
import { PeriodicTasks } from './periodic-tasks.ts';

const TTL = 3000;

/**
 * An owner (node "a") with players on nodes a, b and c, all three beating on one fake clock;
 * the owner's presence marks players away through the engine, as the runtime would.
 */
function cluster() {
  const clock = new FakeClock();
  const logger = pino({ level: 'silent' });
  const heartbeats = new MemoryNodeHeartbeats(clock);
  const game = new TestGame([Q.single()]);
  const ids = { onA: game.add('Ann', 'a'), onB: game.add('Bob', 'b'), onC: game.add('Cy', 'c') };
  const marked: Array<{ playerId: string; via: string; at: number }> = [];
  const nodes = new Map<string, PeriodicTasks>();
  const start = (nodeId: string, owner: boolean) => {
    const tasks = new PeriodicTasks(clock, logger);
    nodes.set(nodeId, tasks);
    const owned = owner ? () => [game.state] : () => [];
    const presence = new NodePresence({ nodeId, heartbeats, clock, logger, nodeTtlMs: TTL }, {
      owned,
      disconnect: async (_gameId, playerId, via) => {
        marked.push({ playerId, via, at: clock.now() });
        return game.run({ type: 'disconnect', playerId, via });
      },
    }, tasks);
    return presence;
  };
  const a = start('a', true);
  start('b', false);
  start('c', false);
  /** Node `id` dies: its timers stop, so its heartbeat lapses. */
  const kill = (id: string) => nodes.get(id)?.close();
  return { clock, game, ids, marked, kill, a, heartbeats };
}

describe('node presence', () => {
  it('marks the players of a dead node away within 2 × TTL + 2 checks, and nobody else', async () => {
    const { clock, game, ids, marked, kill } = cluster();
    await clock.advance(5000);
    expect(marked).toEqual([]);
    const diedAt = clock.now();
    kill('b');
    for (let ms = 0; ms < 2 * TTL + 2000 && marked.length === 0; ms += 100) await clock.advance(100);
    expect(marked.map((m) => [m.playerId, m.via])).toEqual([[ids.onB, 'b']]);
    expect(marked[0]!.at - diedAt).toBeLessThanOrEqual(2 * TTL + 2000);
    expect(game.state.players.get(ids.onB)?.connected).toBe(false);
    expect(game.state.players.get(ids.onC)?.connected).toBe(true);
    expect(game.state.players.get(ids.onA)?.connected).toBe(true);
    await clock.advance(10_000);
    expect(marked).toHaveLength(1);
  });

  it('does not mark anyone away after a store outage in which every heartbeat lapsed at once', async () => {
    const { clock, marked, heartbeats } = cluster();
    await clock.advance(5000);
    // The store is away for 10 s: every beat and every look fails.
    const { beat, alive } = heartbeats;
    heartbeats.beat = () => Promise.reject(new Error('store away'));
    heartbeats.alive = () => Promise.reject(new Error('store away'));
    await clock.advance(10_000);
    heartbeats.beat = beat;
    heartbeats.alive = alive;
    for (let ms = 0; ms < 15_000; ms += 100) await clock.advance(100);
    expect(marked).toEqual([]);
  });

  it('lets a node that leaves gracefully be judged without waiting for its TTL to lapse', async () => {
    const { clock, heartbeats } = cluster();
    await clock.advance(2000);
    await heartbeats.stop('c');
    expect(await heartbeats.alive(['a', 'b', 'c'])).toEqual(new Set(['a', 'b']));
  });
});
