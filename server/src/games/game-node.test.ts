import type { DomainEvent, Quiz } from '@quizbus/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { FileQuizStore } from '../adapters/memory/file-quiz-store.ts';
import { MemoryCommandRelay } from '../adapters/memory/memory-command-relay.ts';
import { MemoryEventLog } from '../adapters/memory/memory-event-log.ts';
import { MemoryGameBus } from '../adapters/memory/memory-game-bus.ts';
import { MemoryGameDirectory } from '../adapters/memory/memory-game-directory.ts';
import { MemoryGameLeases } from '../adapters/memory/memory-game-leases.ts';
import type { Command, GameState } from '../engine/index.ts';
import { GameNode } from './game-node.ts';
import type { Outcome } from './game-runtime.ts';
import { hashToken } from './tokens.ts';

const quiz: Quiz = {
  id: 'node-quiz',
  title: 'Nodes',
  readTimeSec: 0,
  questions: [
    { type: 'single', text: 'A?', options: ['x', 'y'], correct: 0, timeLimitSec: 10, points: 'standard' },
    { type: 'single', text: 'B?', options: ['x', 'y'], correct: 1, timeLimitSec: 10, points: 'standard' },
  ],
};

/** Several nodes in one process over shared in-memory adapters: a cluster without Redis. */
function cluster() {
  const clock = new FakeClock();
  const bus = new MemoryGameBus();
  const shared = {
    clock,
    log: new MemoryEventLog(bus),
    bus,
    directory: new MemoryGameDirectory(),
    leases: new MemoryGameLeases(clock),
    relay: new MemoryCommandRelay<Command, Outcome>(),
    quizzes: new FileQuizStore([quiz], null),
  };
  const nodes: GameNode[] = [];
  const heard = new Map<string, DomainEvent[]>();
  const node = (nodeId: string) => {
    const seen: DomainEvent[] = [];
    heard.set(nodeId, seen);
    const n = new GameNode({
      ...shared,
      nodeId,
      logger: pino({ level: 'silent' }),
      sink: (e: DomainEvent, _s: GameState) => seen.push(e),
      onRemoved: () => undefined,
      idleMs: 3_600_000,
      endedTtlMs: 600_000,
      cluster: true,
      leaseMs: 3000,
      relayTimeoutMs: 2000,
    });
    nodes.push(n);
    return n;
  };
  return { clock, shared, node, nodes, heard };
}

describe('GameNode: games shared by several nodes', () => {
  let nodes: GameNode[] = [];
  afterEach(() => nodes.forEach((n) => n.close()));

  it('forwards a command to the owner and sees its result in its own copy', async () => {
    const c = cluster();
    nodes = c.nodes;
    const a = c.node('a');
    const b = c.node('b');
    const game = await a.create(quiz.id);
    expect(await b.resolvePin(game.pin)).toBe(game.gameId);
    b.retain(game.gameId);
    expect((await b.open(game.gameId))?.seq).toBe(1);
    let seenByThen: number | undefined;
    const outcome = await b.execute(game.gameId, { type: 'join', playerId: 'p1', nickname: 'Ann', tokenHash: 't1' }, (s) => {
      seenByThen = s.players.size;
    });
    expect(outcome).toMatchObject({ ok: true, seq: 2, reply: { playerId: 'p1' } });
    expect(seenByThen).toBe(1);
    expect(a.ownedIds()).toEqual([game.gameId]);
    expect(b.ownedIds()).toEqual([]);
    expect(b.stateOf(game.gameId)?.players.get('p1')?.nickname).toBe('Ann');
    expect(c.heard.get('b')?.map((e) => e.type)).toEqual(['player.joined']);
  });

  it('takes over a game whose owner died, with every acknowledged answer, and finishes it', async () => {
    const c = cluster();
    nodes = c.nodes;
    const a = c.node('a');
    const b = c.node('b');
    const game = await a.create(quiz.id);
    const host = hashToken(game.hostToken);
    b.retain(game.gameId);
    await b.open(game.gameId);
    await b.execute(game.gameId, { type: 'join', playerId: 'p1', nickname: 'Ann', tokenHash: 't1' });
    await b.execute(game.gameId, { type: 'join', playerId: 'p2', nickname: 'Bob', tokenHash: 't2' });
    await b.execute(game.gameId, { type: 'start', hostTokenHash: host });
    await c.clock.advance(0);
    const ack = await b.execute(game.gameId, { type: 'answer', playerId: 'p1', index: 0, answer: { kind: 'choice', choice: 0 } });
    expect(ack.ok).toBe(true);

    a.close(); // killed: no renewals, no more answers from it
    await c.clock.advance(3000 + 1000); // the lease lapses; b's orphan scan runs
    expect(b.ownedIds()).toEqual([game.gameId]);
    const closesAt = b.stateOf(game.gameId)?.current?.closesAt ?? 0;
    await c.clock.advanceTo(closesAt);
    const s = b.stateOf(game.gameId);
    expect(s?.phase).toBe('closed');
    expect(s?.players.get('p1')?.score).toBe(1000);
    expect((await b.execute(game.gameId, { type: 'next', hostTokenHash: host })).ok).toBe(true);
  });

  it('a node without the game takes it over on the first command when nobody owns it', async () => {
    const c = cluster();
    nodes = c.nodes;
    const a = c.node('a');
    const game = await a.create(quiz.id);
    await a.handOver(); // SIGTERM: leases released at once
    const b = c.node('b');
    const outcome = await b.execute(game.gameId, { type: 'join', playerId: 'p1', nickname: 'Ann', tokenHash: 't1' });
    expect(outcome.ok).toBe(true);
    expect(b.ownedIds()).toEqual([game.gameId]);
    expect(b.stateOf(game.gameId)?.seq).toBe(2);
  });

  it('fills a gap in its copy from the log', async () => {
    const c = cluster();
    nodes = c.nodes;
    const a = c.node('a');
    const b = c.node('b');
    const game = await a.create(quiz.id);
    b.retain(game.gameId);
    await b.open(game.gameId);
    // A message lost on the bus: publish fails silently once.
    const publish = c.shared.bus.publish.bind(c.shared.bus);
    let drop = true;
    c.shared.bus.publish = async (id, m) => {
      if (drop) {
        drop = false;
        return;
      }
      return publish(id, m);
    };
    await a.execute(game.gameId, { type: 'join', playerId: 'p1', nickname: 'Ann', tokenHash: 't1' });
    await a.execute(game.gameId, { type: 'join', playerId: 'p2', nickname: 'Bob', tokenHash: 't2' });
    await c.clock.advance(0);
    expect(b.stateOf(game.gameId)?.seq).toBe(3);
    expect(c.heard.get('b')?.map((e) => e.seq)).toEqual([2, 3]);
  });
});
