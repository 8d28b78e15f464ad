import type { DomainEvent, Quiz } from '@quizbus/shared';
import { gameOptionsSchema } from '@quizbus/shared';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { MemoryEventLog } from '../adapters/memory/memory-event-log.ts';
import { MemoryGameBus } from '../adapters/memory/memory-game-bus.ts';
import type { GameState } from '../engine/index.ts';
import type { BusMessage } from '../ports/game-bus.ts';
import { GameRuntime, type RuntimeDeps } from './game-runtime.ts';
import { prepareQuestions } from './prepare-quiz.ts';

const quiz: Quiz = {
  id: 'rt',
  title: 'Runtime',
  readTimeSec: 2,
  questions: [
    { type: 'single', text: 'A?', options: ['x', 'y'], correct: 0, timeLimitSec: 10, points: 'standard' },
    { type: 'single', text: 'B?', options: ['x', 'y'], correct: 1, timeLimitSec: 10, points: 'standard' },
  ],
};
const HOST = 'host-hash';

/** `given`: a log of the test's own (it then publishes nowhere); by default one that publishes on `bus`. */
function setup(given?: MemoryEventLog) {
  const clock = new FakeClock();
  const bus = new MemoryGameBus();
  const log = given ?? new MemoryEventLog(bus);
  const delivered: Array<{ event: DomainEvent; seq: number }> = [];
  const published: BusMessage[] = [];
  const deps: RuntimeDeps = {
    log,
    clock,
    nodeId: 'n1',
    logger: pino({ level: 'silent' }),
    sink: (event: DomainEvent, state: GameState) => delivered.push({ event, seq: state.seq }),
  };
  void bus.subscribe('g1', (m) => published.push(m));
  const create = () =>
    GameRuntime.create(deps, {
      type: 'create',
      gameId: 'g1',
      pin: '111111',
      quizId: quiz.id,
      title: quiz.title,
      questions: prepareQuestions(quiz, gameOptionsSchema.parse({}), () => 0),
      options: gameOptionsSchema.parse({}),
      hostTokenHash: HOST,
    });
  return { clock, bus, log, deps, delivered, published, create };
}

describe('GameRuntime', () => {
  it('runs concurrent commands one at a time, in arrival order', async () => {
    const { create } = setup();
    const rt = await create();
    const joins = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((n, i) => rt.execute({ type: 'join', playerId: `p${i}`, nickname: n, tokenHash: `t${i}` })),
    );
    expect(joins.map((o) => (o.ok ? o.seq : -1))).toEqual([2, 3, 4, 5, 6]);
    expect([...rt.current.players.values()].map((p) => p.nickname)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('appends to the log before anyone hears of an event', async () => {
    const log = new MemoryEventLog();
    const { create, deps, delivered } = setup(log);
    const seenInLog: boolean[] = [];
    const sink = deps.sink;
    deps.sink = (event, state) => {
      void log.version('g1').then((v) => seenInLog.push(v >= event.seq));
      sink(event, state);
    };
    const rt = await create();
    await rt.execute({ type: 'join', playerId: 'p1', nickname: 'a', tokenHash: 't1' });
    await rt.execute({ type: 'start', hostTokenHash: HOST });
    await new Promise((r) => setImmediate(r));
    expect(delivered.length).toBe(4);
    expect(seenInLog).toEqual([true, true, true, true]);
  });

  it('fires the read-time and deadline timers from absolute moments', async () => {
    const { create, clock } = setup();
    const rt = await create();
    await rt.execute({ type: 'join', playerId: 'p1', nickname: 'a', tokenHash: 't1' });
    const startedAt = clock.now();
    await rt.execute({ type: 'start', hostTokenHash: HOST });
    expect(rt.current.phase).toBe('reading');
    await clock.advance(1999);
    expect(rt.current.phase).toBe('reading');
    await clock.advance(1);
    expect(rt.current.phase).toBe('open');
    expect(rt.current.current?.opensAt).toBe(startedAt + 2000);
    await clock.advanceTo(startedAt + 12_000);
    expect(rt.current.phase).toBe('closed');
    expect(rt.current.current?.closedReason).toBe('deadline');
    expect(rt.hasTimer).toBe(false);
  });

  it('a game rebuilt from its log resumes its deadline', async () => {
    const log = new MemoryEventLog();
    const first = setup(log);
    const rt = await first.create();
    await rt.execute({ type: 'join', playerId: 'p1', nickname: 'a', tokenHash: 't1' });
    await rt.execute({ type: 'join', playerId: 'p2', nickname: 'b', tokenHash: 't2' });
    await rt.execute({ type: 'start', hostTokenHash: HOST });
    await first.clock.advance(2000);
    await rt.execute({ type: 'answer', playerId: 'p1', index: 0, answer: { kind: 'choice', choice: 0 } });
    const closesAt = rt.current.current?.closesAt ?? 0;
    rt.stop(); // the owner dies mid-question, p2 has not answered
    expect((await rt.execute({ type: 'skip', hostTokenHash: HOST })).ok).toBe(false);

    const second = setup(log);
    await second.clock.advanceTo(first.clock.now() + 3000);
    const again = await GameRuntime.restore(second.deps, 'g1');
    expect(again?.current.seq).toBe(rt.current.seq);
    expect(again?.current.phase).toBe('open');
    expect(again?.hasTimer).toBe(true);
    await second.clock.advanceTo(closesAt - 1);
    expect(again?.current.phase).toBe('open');
    await second.clock.advanceTo(closesAt);
    expect(again?.current.phase).toBe('closed');
    expect(again?.current.players.get('p1')?.score).toBe(1000);
  });

  it('says the outcome is unknown when an append fails in a way that may have reached the store, and changes nothing here', async () => {
    const log = new MemoryEventLog();
    const { create } = setup(log);
    const rt = await create();
    const seq = rt.current.seq;
    log.append = async () => {
      throw new Error('disk full');
    };
    const outcome = await rt.execute({ type: 'join', playerId: 'p1', nickname: 'a', tokenHash: 't1' });
    expect(outcome).toMatchObject({ ok: false, code: 'OUTCOME_UNKNOWN' });
    expect(rt.current.seq).toBe(seq);
    expect(rt.current.players.size).toBe(0);
  });

  it('publishes each command\'s events as one bus message, through its append', async () => {
    const { create, published } = setup();
    const rt = await create();
    await rt.execute({ type: 'join', playerId: 'p1', nickname: 'a', tokenHash: 't1' });
    await rt.execute({ type: 'start', hostTokenHash: HOST });
    await new Promise((r) => setImmediate(r));
    expect(published.map((m) => m.events.map((e) => e.type))).toEqual([
      ['game.created'],
      ['player.joined'],
      ['game.started', 'question.shown'],
    ]);
  });
});
