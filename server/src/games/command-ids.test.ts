import type { DomainEvent, Quiz } from '@quizbus/shared';
import { gameOptionsSchema } from '@quizbus/shared';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { MemoryEventLog } from '../adapters/memory/memory-event-log.ts';
import { evolve, REMEMBERED_COMMANDS, replay } from '../engine/index.ts';
import { VersionConflictError } from '../ports/event-log.ts';
import { GameRuntime, type RuntimeDeps } from './game-runtime.ts';
import { prepareQuestions } from './prepare-quiz.ts';

const quiz: Quiz = {
  id: 'ids',
  title: 'Command ids',
  readTimeSec: 0,
  questions: [
    { type: 'single', text: 'A?', options: ['x', 'y'], correct: 0, timeLimitSec: 10, points: 'standard' },
    { type: 'single', text: 'B?', options: ['x', 'y'], correct: 1, timeLimitSec: 10, points: 'standard' },
  ],
};
const HOST = 'host-hash';

/** An event log that can be told how to fail its next append, after or instead of appending. */
class FaultyLog extends MemoryEventLog {
  next: 'applied-then-timeout' | 'conflict' | null = null;

  override async append(gameId: string, expectedVersion: number, events: readonly DomainEvent[], origin?: string): Promise<void> {
    const fault = this.next;
    this.next = null;
    if (fault === 'conflict') throw new VersionConflictError(gameId, expectedVersion, expectedVersion + 1);
    await super.append(gameId, expectedVersion, events, origin);
    if (fault === 'applied-then-timeout') throw new Error('Command timed out');
  }
}

function deps(log: MemoryEventLog, clock = new FakeClock()): RuntimeDeps {
  return { log, clock, nodeId: 'n1', logger: pino({ level: 'silent' }), sink: () => undefined };
}

async function lobby(log = new FaultyLog()) {
  const clock = new FakeClock();
  const options = gameOptionsSchema.parse({});
  const rt = await GameRuntime.create(deps(log, clock), {
    type: 'create',
    gameId: 'g1',
    pin: '333333',
    quizId: quiz.id,
    title: quiz.title,
    questions: prepareQuestions(quiz, options, () => 0),
    options,
    hostTokenHash: HOST,
  });
  return { rt, log, clock };
}

const join = (rt: GameRuntime, n: number, cid?: string) =>
  rt.execute({ type: 'join', playerId: `p${n}-${Math.random()}`, nickname: `n${n}`, tokenHash: `t${n}`, ...(cid !== undefined && { cid }) });

describe('command ids: exactly once', () => {
  it('a repeated join gets the original seat and adds no player', async () => {
    const { rt, log } = await lobby();
    const first = await join(rt, 1, 'join-1');
    const again = await join(rt, 1, 'join-1');
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual({ ok: true, events: [], reply: first.ok ? first.reply : null, seq: first.ok ? first.seq : -1 });
    expect((await log.read('g1')).filter((e) => e.type === 'player.joined')).toHaveLength(1);
  });

  it('a retried host.next advances once, also after the game was rebuilt from its log elsewhere', async () => {
    const { rt, log, clock } = await lobby();
    await join(rt, 1, 'j1');
    expect(await rt.execute({ type: 'start', hostTokenHash: HOST, cid: 'start' })).toMatchObject({ ok: true });
    await clock.advance(10_000);
    await rt.execute({ type: 'tick' });
    expect(rt.current.phase).toBe('closed');
    const next = await rt.execute({ type: 'next', hostTokenHash: HOST, cid: 'next-1' });
    expect(rt.current.phase).toBe('leaderboard');
    // The owner dies; a new one rebuilds from the log and meets the resend.
    rt.stop();
    const taken = await GameRuntime.restore(deps(log, clock), 'g1');
    const resent = await taken?.execute({ type: 'next', hostTokenHash: HOST, cid: 'next-1' });
    expect(resent).toMatchObject({ ok: true, seq: next.ok ? next.seq : -1 });
    expect(taken?.current.phase).toBe('leaderboard');
    expect((await log.read('g1')).filter((e) => e.type === 'leaderboard.shown')).toHaveLength(1);
  });

  it('an append that may have happened is acked OUTCOME_UNKNOWN; the resend with the same id gets the original outcome', async () => {
    const { rt, log } = await lobby();
    log.next = 'applied-then-timeout';
    expect(await join(rt, 1, 'j-unknown')).toMatchObject({ ok: false, code: 'OUTCOME_UNKNOWN' });
    // This owner's state is behind its log now: its next append conflicts and it steps down.
    expect(await join(rt, 2, 'j-other')).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect(rt.isStopped).toBe(true);
    const taken = await GameRuntime.restore(deps(log), 'g1');
    const resent = await taken?.execute({ type: 'join', playerId: 'p-new', nickname: 'n1', tokenHash: 't1', cid: 'j-unknown' });
    const joined = (await log.read('g1')).filter((e) => e.type === 'player.joined');
    expect(joined).toHaveLength(1);
    expect(resent).toMatchObject({ ok: true, reply: { playerId: joined[0]?.data.playerId } });
  });

  it('a version conflict (nothing appended) is acked UNAVAILABLE', async () => {
    const { rt, log } = await lobby();
    log.next = 'conflict';
    expect(await join(rt, 1, 'j1')).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
  });

  it('an answer resent into the same batch as its original is recorded once and both get its ack', async () => {
    const { rt, log, clock } = await lobby();
    for (const n of [1, 2, 3]) await join(rt, n, `j${n}`);
    const ids = [...rt.current.players.keys()];
    await rt.execute({ type: 'start', hostTokenHash: HOST });
    await clock.advance(1000);
    const answer = (p: number, cid: string) => rt.execute({ type: 'answer', playerId: ids[p] as string, index: 0, answer: { kind: 'choice', choice: 0 }, cid });
    const acks = await Promise.all([answer(0, 'a0'), answer(1, 'a1'), answer(0, 'a0')]);
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(acks[2]).toEqual(acks[0]);
    expect((await log.read('g1')).filter((e) => e.type === 'answer.accepted')).toHaveLength(2);
  });

  it('remembers a bounded window of commands, oldest forgotten first', async () => {
    const { log } = await lobby();
    const state = replay(await log.read('g1'));
    if (!state) throw new Error('no state');
    // Feed more keyed events than the window through a rebuilt copy: the first ids drop out.
    let seq = state.seq;
    let s = state;
    for (let i = 0; i < REMEMBERED_COMMANDS + 2; i += 1) {
      seq += 1;
      s = evolve(s, { type: 'game.locked', data: { locked: i % 2 === 0 }, gameId: 'g1', seq, at: 0, cid: `c${i}` });
    }
    expect(s.commands.size).toBe(REMEMBERED_COMMANDS);
    expect(s.commands.has('c0')).toBe(false);
    expect(s.commands.has('c1')).toBe(false);
    expect(s.commands.get(`c${REMEMBERED_COMMANDS + 1}`)).toEqual({ seq, reply: {} });
  });
});
