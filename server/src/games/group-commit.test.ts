import type { DomainEvent, Quiz } from '@quizbus/shared';
import { gameOptionsSchema } from '@quizbus/shared';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { MemoryEventLog } from '../adapters/memory/memory-event-log.ts';
import { MemoryGameBus } from '../adapters/memory/memory-game-bus.ts';
import { replay } from '../engine/index.ts';
import type { BusMessage } from '../ports/game-bus.ts';
import { GameRuntime, type Outcome, type RuntimeDeps } from './game-runtime.ts';
import { prepareQuestions } from './prepare-quiz.ts';

const quiz: Quiz = {
  id: 'gc',
  title: 'Group commit',
  readTimeSec: 1,
  questions: [{ type: 'single', text: 'A?', options: ['x', 'y', 'z'], correct: 0, timeLimitSec: 10, points: 'standard' }],
};
const HOST = 'host-hash';

/** An event log that counts its appends and can be told to fail the next one. */
class CountingLog extends MemoryEventLog {
  appends = 0;
  failNext = false;

  override async append(gameId: string, expectedVersion: number, events: readonly DomainEvent[], origin?: string): Promise<void> {
    this.appends += 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('store unreachable');
    }
    return super.append(gameId, expectedVersion, events, origin);
  }
}

/** A game with `players` joined and its first question open; answers go in concurrently from here. */
async function openGame(players: number) {
  const clock = new FakeClock();
  const bus = new MemoryGameBus();
  const log = new CountingLog(bus);
  const published: BusMessage[] = [];
  const deps: RuntimeDeps = { log, clock, nodeId: 'n1', logger: pino({ level: 'silent' }), sink: () => undefined };
  void bus.subscribe('g1', (m) => published.push(m));
  const options = gameOptionsSchema.parse({});
  const rt = await GameRuntime.create(deps, {
    type: 'create',
    gameId: 'g1',
    pin: '222222',
    quizId: quiz.id,
    title: quiz.title,
    questions: prepareQuestions(quiz, options, () => 0),
    options,
    hostTokenHash: HOST,
  });
  for (let i = 0; i < players; i += 1) await rt.execute({ type: 'join', playerId: `p${i}`, nickname: `n${i}`, tokenHash: `t${i}` });
  await rt.execute({ type: 'start', hostTokenHash: HOST });
  await clock.advance(1000);
  await rt.execute({ type: 'tick' });
  expect(rt.current.phase).toBe('open');
  await clock.advance(500);
  log.appends = 0;
  published.length = 0;
  return { rt, log, clock, published };
}

const choice = (c: number) => ({ kind: 'choice' as const, choice: c });
const answer = (rt: GameRuntime, player: number, c = 0) => rt.execute({ type: 'answer', playerId: `p${player}`, index: 0, answer: choice(c) });
const seqOf = (o: Outcome) => (o.ok ? o.seq : -1);

describe('group commit of answers', () => {
  it('commits answers that queue up together in one append and one publish, each with its own ack', async () => {
    const { rt, log, published } = await openGame(6);
    const before = rt.current.seq;
    const acks = await Promise.all([0, 1, 2, 3, 4].map((p) => answer(rt, p, p % 3)));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(acks.map(seqOf)).toEqual([1, 2, 3, 4, 5].map((n) => before + n));
    expect(log.appends).toBe(1);
    expect(published.map((m) => m.events.length)).toEqual([5]);
    expect(rt.current.current?.answered).toBe(5);
    expect(rt.current.current?.optionCounts).toEqual([2, 2, 1]);
    // The log replays to the same game: nothing was decided that was not committed.
    expect(replay(await log.read('g1'))?.current?.answered).toBe(5);
  });

  it('gives a resend in the same batch the original ack and records the answer once', async () => {
    const { rt, log } = await openGame(4);
    const [, first, again] = await Promise.all([answer(rt, 3), answer(rt, 0, 1), answer(rt, 0, 2)]);
    expect(first).toMatchObject({ ok: true, reply: { index: 0 } });
    expect(again).toMatchObject({ ok: true, reply: first.ok ? first.reply : {} });
    expect(rt.current.players.get('p0')?.answers[0]?.answer).toEqual(choice(1));
    expect((await log.read('g1')).filter((e) => e.type === 'answer.accepted' && e.data.playerId === 'p0')).toHaveLength(1);
  });

  it('closes the question with the answer that completes the room; answers behind it meet the closed question', async () => {
    const { rt, log } = await openGame(3);
    const acks = await Promise.all([answer(rt, 0), answer(rt, 1), answer(rt, 2), answer(rt, 2, 1)]);
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, true]);
    expect(rt.current.phase).toBe('closed');
    const events = await log.read('g1');
    expect(events.filter((e) => e.type === 'question.closed')).toEqual([expect.objectContaining({ data: { index: 0, reason: 'all-answered' } })]);
    // The resend after the close still gets the original ack (exactly once), not a second answer.
    expect(acks[3]).toMatchObject({ ok: true, reply: acks[2]?.ok ? acks[2].reply : {} });
    expect(rt.current.current?.answered).toBe(3);
  });

  it('counts a disconnected player who answers as back, once, for the all-answered rule', async () => {
    const { rt, log } = await openGame(3);
    await rt.execute({ type: 'disconnect', playerId: 'p2' });
    const acks = await Promise.all([answer(rt, 0), answer(rt, 2), answer(rt, 2), answer(rt, 1)]);
    expect(acks.every((a) => a.ok)).toBe(true);
    const events = await log.read('g1');
    expect(events.filter((e) => e.type === 'player.reconnected')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'question.closed')).toHaveLength(1);
    expect(rt.current.players.get('p2')?.connected).toBe(true);
  });

  it('keeps arrival order: an answer queued after a skip meets the closed question', async () => {
    const { rt } = await openGame(3);
    const [a, skip, b] = await Promise.all([answer(rt, 0), rt.execute({ type: 'skip', hostTokenHash: HOST }), answer(rt, 1)]);
    expect(a.ok).toBe(true);
    expect(skip.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, code: 'LATE' });
  });

  it('acks every answer of a batch whose append failed OUTCOME_UNKNOWN, changes nothing, and takes the next batch', async () => {
    const { rt, log } = await openGame(5);
    const seq = rt.current.seq;
    log.failNext = true;
    const failed = await Promise.all([answer(rt, 0), answer(rt, 1), answer(rt, 2)]);
    expect(failed.map((a) => (a.ok ? 'ok' : a.code))).toEqual(['OUTCOME_UNKNOWN', 'OUTCOME_UNKNOWN', 'OUTCOME_UNKNOWN']);
    expect(rt.current.seq).toBe(seq);
    expect(rt.current.current?.answered).toBe(0);
    const retried = await Promise.all([answer(rt, 0), answer(rt, 1), answer(rt, 2)]);
    expect(retried.every((a) => a.ok)).toBe(true);
    expect(rt.current.current?.answered).toBe(3);
  });
});
