import type { DomainEvent, TelemetryEvents } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { EventTelemetry } from './event-telemetry.ts';
import { rooms } from './rooms.ts';
import type { QuizbusServer } from './socket-types.ts';

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
    const telemetry = new EventTelemetry(fake.io, clock, () => undefined, { nodeId: 'n1', channelOf: () => 'in-process bus (embedded)', owns: () => true, capacity });
    return { clock, telemetry, ...fake };
  }

  it('keeps nothing and arms no timer while nobody watches', async () => {
    const { clock, telemetry, sent } = setup();
    for (let i = 1; i <= 100; i += 1) telemetry.record(answer(i, clock.now()));
    expect(telemetry.pendingTimers).toBe(0);
    await clock.advance(1000);
    expect(sent).toEqual([]);
  });

  it('sends one message per window with folded answers, the newest entries and a dropped count', async () => {
    const { clock, telemetry, sent, roomMap } = setup(4);
    roomMap.set(rooms.telemetry('g1'), new Set(['s1']));
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
