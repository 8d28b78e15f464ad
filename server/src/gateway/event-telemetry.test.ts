import type { DomainEvent, TelemetryEvents } from '@quizbus/shared';
import type { GameState } from '../engine/index.ts';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { MemoryTelemetryBus } from '../adapters/memory/memory-telemetry-bus.ts';
import { EventTelemetry } from './event-telemetry.ts';
import { rooms } from './rooms.ts';
import type { QuizbusServer } from './socket-types.ts';
import { TelemetryWatch } from './telemetry-watch.ts';

const silent = pino({ level: 'silent' });

/** A stand-in for Socket.IO: room sizes from a map, emits recorded. */
function fakeIo() {
  const roomMap = new Map<string, Set<string>>();
  const sent: Array<{ room: string; payload: TelemetryEvents }> = [];
  const io = {
    sockets: { adapter: { rooms: roomMap } },
    to: (room: string) => ({ emit: (_name: string, payload: TelemetryEvents) => sent.push({ room, payload }) }),
  };
  return { io: io as unknown as QuizbusServer, roomMap, sent };
}

const answer = (seq: number, at: number): DomainEvent => ({
  gameId: 'g1',
  seq,
  at,
  type: 'answer.accepted',
  data: { playerId: `p${seq}`, index: 0, answer: { kind: 'choice', choice: 1 }, responseMs: 100, grade: 'wrong', points: 0, streak: 0 },
});
const shown = (seq: number, index: number, at: number): DomainEvent => ({ gameId: 'g1', seq, at, type: 'question.shown', data: { index, opensAt: at, closesAt: at + 1 } });

describe('EventTelemetry', () => {
  function setup(capacity = 4) {
    const clock = new FakeClock();
    const fake = fakeIo();
    const watch = new TelemetryWatch({ nodeId: 'n1', bus: new MemoryTelemetryBus(), clock, logger: silent });
    const telemetry = new EventTelemetry(fake.io, clock, () => undefined, watch, { nodeId: 'n1', channelOf: () => 'in-process bus (embedded)', owns: () => true, capacity });
    const watchHere = () => {
      fake.roomMap.set(rooms.telemetry('g1'), new Set(['s1']));
      watch.localStarted('g1');
    };
    return { clock, telemetry, watchHere, ...fake };
  }

  it('keeps nothing and arms no timer while nobody watches', async () => {
    const { clock, telemetry, sent } = setup();
    for (let i = 1; i <= 100; i += 1) telemetry.record(answer(i, clock.now()));
    expect(telemetry.pendingTimers).toBe(0);
    await clock.advance(1000);
    expect(sent).toEqual([]);
  });

  it('sends one message per window with folded answers, the newest entries and a dropped count', async () => {
    const { clock, telemetry, sent, watchHere } = setup(4);
    watchHere();
    let seq = 0;
    for (let q = 0; q < 5; q += 1) {
      telemetry.record(shown(++seq, q, clock.now()));
      for (let i = 0; i < 3; i += 1) telemetry.record(answer(++seq, clock.now()));
    }
    expect(telemetry.pendingTimers).toBe(1);
    await clock.advance(250);
    expect(sent).toHaveLength(1);
    const message = sent[0]!.payload;
    expect(message.eventsInWindow).toBe(20);
    expect(message.dropped).toBe(6);
    expect(message.events.map((e) => [e.type, e.seq, e.toSeq, e.count])).toEqual([
      ['question.shown', 13, 13, 1],
      ['answer.accepted', 14, 16, 3],
      ['question.shown', 17, 17, 1],
      ['answer.accepted', 18, 20, 3],
    ]);
    expect(JSON.stringify(message)).not.toContain('"p1');
    expect(telemetry.pendingTimers).toBe(0);
  });
});

/**
 * Two nodes on one telemetry bus and one clock: A owns the game and holds 2 phones and the host,
 * B holds the display that watches and 1 phone. Both fan out every event, as nodes do.
 */
describe('EventTelemetry across nodes', () => {
  function node(nodeId: string, bus: MemoryTelemetryBus, clock: FakeClock, seq: { value: number }, reached: { host: number; display: number; players: number }) {
    const fake = fakeIo();
    for (const [role, n] of Object.entries(reached)) {
      const room = role === 'host' ? rooms.host('g1') : role === 'display' ? rooms.display('g1') : rooms.players('g1');
      fake.roomMap.set(room, new Set(Array.from({ length: n }, (_, i) => `${nodeId}-${role}-${i}`)));
    }
    const published: string[] = [];
    const spied = new Proxy(bus, {
      get: (target, prop, receiver) =>
        prop === 'publishNote'
          ? (note: Parameters<MemoryTelemetryBus['publishNote']>[0]) => {
              published.push(`${note.nodeId}@${note.seq}`);
              return target.publishNote(note);
            }
          : Reflect.get(target, prop, receiver),
    });
    let telemetry: EventTelemetry | null = null;
    const watch = new TelemetryWatch({
      nodeId,
      bus: spied,
      clock,
      logger: silent,
      onRemoteWatch: (id) => telemetry?.remoteWatch(id),
      onNote: (id) => telemetry?.noteHeard(id),
    });
    const state = () => ({ seq: seq.value }) as unknown as GameState;
    telemetry = new EventTelemetry(fake.io, clock, state, watch, { nodeId, channelOf: () => 'quizbus:game:{g1}:events', owns: () => nodeId === 'A' });
    const startWatching = () => {
      fake.roomMap.set(rooms.telemetry('g1'), new Set(['w']));
      watch.localStarted('g1');
    };
    const stopWatching = () => {
      fake.roomMap.delete(rooms.telemetry('g1'));
      watch.localStopped('g1');
    };
    return { telemetry, watch, sent: fake.sent, published, startWatching, stopWatching };
  }

  async function cluster() {
    const bus = new MemoryTelemetryBus();
    const clock = new FakeClock();
    const seq = { value: 0 };
    const a = node('A', bus, clock, seq, { host: 1, display: 0, players: 2 });
    const b = node('B', bus, clock, seq, { host: 0, display: 1, players: 1 });
    await a.watch.start();
    await b.watch.start();
    /** One event, delivered on both nodes as the owner's sink and the bus would. */
    const deliver = (type: 'answer' | 'shown') => {
      seq.value += 1;
      const e = type === 'answer' ? answer(seq.value, clock.now()) : shown(seq.value, 0, clock.now());
      a.telemetry.record(e);
      b.telemetry.record(e);
    };
    return { bus, clock, seq, a, b, deliver };
  }

  it('sends no note and keeps no window anywhere while nobody watches', async () => {
    const { clock, a, b, deliver } = await cluster();
    for (let i = 0; i < 50; i += 1) deliver('answer');
    expect(a.telemetry.pendingTimers + b.telemetry.pendingTimers).toBe(0);
    await clock.advance(5000);
    expect([...a.published, ...b.published, ...a.sent, ...b.sent]).toEqual([]);
  });

  it('lists every node by name with the sockets it reached, its last seq and its rate, on the watching node', async () => {
    const { clock, seq, a, b, deliver } = await cluster();
    b.startWatching();
    // A hears B's notice and says where it stands at once, before any event.
    await clock.advance(250);
    expect(a.published).toEqual(['A@0']);
    await clock.advance(250);
    const first = b.sent.at(-1)!.payload;
    expect(first.nodes.map((n) => [n.nodeId, n.owner, n.reached])).toEqual([
      ['A', true, { host: 1, display: 0, players: 2 }],
      ['B', false, { host: 0, display: 1, players: 1 }],
    ]);
    expect(first.ownerNode).toBe('A');

    deliver('shown');
    for (let i = 0; i < 3; i += 1) deliver('answer');
    await clock.advance(250);
    // B's own window shows its events; A's note for the same window follows in the next one.
    expect(a.published.at(-1)).toBe(`A@${seq.value}`);
    await clock.advance(250);
    const merged = b.sent.at(-1)!.payload;
    const byNode = Object.fromEntries(merged.nodes.map((n) => [n.nodeId, n]));
    expect(byNode.A).toMatchObject({ seq: seq.value, eventsInWindow: 4, eventsPerSecond: 16, owner: true });
    expect(byNode.B).toMatchObject({ seq: seq.value, ageMs: 0 });
    expect(b.sent.flatMap((m) => m.payload.events).map((e) => [e.type, e.count])).toEqual([
      ['question.shown', 1],
      ['answer.accepted', 3],
    ]);
    // Only B watches: B never sends a note, A never emits to sockets.
    expect(b.published).toEqual([]);
    expect(a.sent).toEqual([]);
  });

  it('stops sending notes once the panel closes, and drops a node whose notes stopped', async () => {
    const { clock, a, b, deliver } = await cluster();
    b.startWatching();
    await clock.advance(500);
    expect(a.published.length).toBeGreaterThan(0);
    b.stopWatching();
    await clock.advance(0);
    const before = a.published.length;
    for (let i = 0; i < 10; i += 1) deliver('answer');
    await clock.advance(5000);
    expect(a.published).toHaveLength(before);
    expect(a.telemetry.pendingTimers + b.telemetry.pendingTimers).toBe(0);

    // B watches again; A goes quiet (died): after three heartbeats without a note A drops out.
    b.startWatching();
    await clock.advance(500);
    await a.watch.close();
    await clock.advance(6500);
    deliver('shown');
    await clock.advance(250);
    expect(b.sent.at(-1)!.payload.nodes.map((n) => n.nodeId)).toEqual(['B']);
  });
});
