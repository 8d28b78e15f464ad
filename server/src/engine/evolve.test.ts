import { describe, expect, it } from 'vitest';
import type { DomainEvent, GameOptions, GameQuestion } from '@quizbus/shared';
import { evolve, replay } from './evolve.ts';
import type { GameState } from './game-state.ts';
import { podium, reveal, topRows } from './projections.ts';
import { checkNickname } from './nickname.ts';
import { A, Q, TestGame, snapshotState } from './test-game.ts';

function game(names: string[], questions: GameQuestion[], options: Partial<GameOptions> = {}) {
  const g = new TestGame(questions, options);
  const ids = names.map((n) => g.add(n));
  return { g, ids };
}
const player = (s: GameState, id: string) => {
  const p = s.players.get(id);
  if (!p) throw new Error(`no player ${id}`);
  return p;
};
const standing = (s: GameState) => s.ranking.map((id) => player(s, id).nickname);

describe('scores are credited only at the close', () => {
  it('answers leave score, streak and rank untouched until the question closes', () => {
    const { g, ids: [ann, bob] } = game(['Ann', 'Bob', 'Cat'], [Q.single(0)]);
    g.start();
    g.toOpen();
    g.answer(ann!, 0, A.choice(0));
    g.answer(bob!, 0, A.choice(0));
    expect(g.state.phase).toBe('open');
    for (const id of [ann!, bob!]) {
      expect(player(g.state, id)).toMatchObject({ score: 0, streak: 0, correctCount: 0, totalResponseMs: 0, rank: null });
    }
    expect(g.state.ranking).toEqual([]);
    // The answer itself is recorded, with the points it will earn.
    expect(player(g.state, ann!).answers[0]).toMatchObject({ grade: 'correct', points: 1000, streak: 1 });
    expect(g.state.current).toMatchObject({ answered: 2, answeredConnected: 2, correct: 2, optionCounts: [2, 0, 0, 0] });

    g.advanceBy(4_000);
    g.toClose();
    expect(player(g.state, ann!)).toMatchObject({ score: 1000, streak: 1, correctCount: 1, rank: 1 });
    expect(player(g.state, bob!)).toMatchObject({ score: 1000, streak: 1, correctCount: 1, rank: 2 });
    expect(player(g.state, 'p3')).toMatchObject({ score: 0, streak: 0, correctCount: 0, totalResponseMs: 20_000, rank: 3 });
  });
});

describe('streaks', () => {
  // Per question: Ann's and Bob's choice (null = no answer); every question's correct option is 0.
  const rounds: Array<[number | null, number | null]> = [
    [0, 1],
    [0, 0],
    [0, 0],
    [null, 0],
    [0, 0],
    [0, 2],
  ];
  it.each([
    // [after question, Ann streak, Ann score, Bob streak, Bob score] — all answers at 0 ms.
    [1, 1, 1000, 0, 0],
    [2, 2, 2100, 1, 1000],
    [3, 3, 3300, 2, 2100],
    [4, 0, 3300, 3, 3300],
    [5, 1, 4300, 4, 4600],
    [6, 2, 5400, 0, 4600],
  ])('after question %i: Ann streak %i (score %i), Bob streak %i (score %i)', (upTo, annStreak, annScore, bobStreak, bobScore) => {
    const { g, ids: [ann, bob] } = game(['Ann', 'Bob'], rounds.map(() => Q.single(0)));
    g.start();
    rounds.slice(0, upTo).forEach(([a, b], i) => {
      if (i > 0) {
        g.next();
        g.next();
      }
      g.toOpen();
      if (a !== null) g.answer(ann!, i, A.choice(a));
      if (b !== null) g.answer(bob!, i, A.choice(b));
      if (g.state.phase === 'open') g.toClose();
    });
    expect(player(g.state, ann!)).toMatchObject({ streak: annStreak, score: annScore });
    expect(player(g.state, bob!)).toMatchObject({ streak: bobStreak, score: bobScore });
  });

  it('a poll between correct answers keeps the streak going; a missed poll does not reset it', () => {
    const { g, ids: [ann] } = game(['Ann', 'Bob'], [Q.single(0), Q.poll(), Q.single(0)]);
    g.start();
    g.toOpen();
    g.answer(ann!, 0, A.choice(0));
    g.toClose();
    g.next();
    g.next();
    g.toClose(); // nobody answers the poll
    expect(player(g.state, ann!).streak).toBe(1);
    expect(player(g.state, ann!).totalResponseMs).toBe(0);
    g.next();
    g.next();
    g.toOpen();
    g.answer(ann!, 2, A.choice(0));
    g.toClose();
    expect(player(g.state, ann!)).toMatchObject({ streak: 2, score: 2100 });
  });
});

describe('ranking and tie-breaks', () => {
  it.each([
    // [case, options, per-player [choice, ms after open] (null = missed), expected order]
    ['higher score first', {}, [[0, 5_000], [0, 1_000], [1, 0]], ['Bob', 'Ann', 'Cat']],
    ['equal score: lower total response time first', { accuracyMode: true }, [[0, 5_000], [0, 1_000], [0, 3_000]], ['Bob', 'Cat', 'Ann']],
    ['equal score and time: earlier join first', { accuracyMode: true }, [[0, 2_000], [0, 2_000], [0, 2_000]], ['Ann', 'Bob', 'Cat']],
    ['wrong answers: the faster wrong answer first', {}, [[1, 9_000], [2, 4_000], [3, 4_000]], ['Bob', 'Cat', 'Ann']],
    ['a miss counts the whole time limit', {}, [null, [1, 19_999], [2, 20_000 - 1]], ['Bob', 'Cat', 'Ann']],
  ] as Array<[string, Partial<GameOptions>, Array<[number, number] | null>, string[]]>)('%s', (_case, options, plays, expected) => {
    const { g, ids } = game(['Ann', 'Bob', 'Cat'], [Q.single(0)], options);
    g.start();
    const opensAt = g.state.current!.opensAt;
    const byTime = plays.map((p, i) => ({ p, id: ids[i]! })).filter((x) => x.p !== null).sort((x, y) => x.p![1] - y.p![1]);
    g.toOpen();
    for (const { p, id } of byTime) {
      g.advanceTo(opensAt + p![1]);
      if (g.state.phase === 'open') TestGame.ok(g.answer(id, 0, A.choice(p![0])));
    }
    if (g.state.phase === 'open') g.toClose();
    expect(standing(g.state)).toEqual(expected);
    expect(g.state.ranking.map((id) => player(g.state, id).rank)).toEqual([1, 2, 3]);
  });

  it('movement: previous rank minus rank after each close', () => {
    const { g, ids: [ann, bob, cat] } = game(['Ann', 'Bob', 'Cat'], [Q.single(0), Q.single(0)]);
    g.start();
    const o0 = g.state.current!.opensAt;
    g.toOpen();
    g.answer(bob!, 0, A.choice(0)); // 1000
    g.advanceTo(o0 + 10_000);
    g.answer(ann!, 0, A.choice(0)); // 750
    g.answer(cat!, 0, A.choice(1)); // 0
    expect(standing(g.state)).toEqual(['Bob', 'Ann', 'Cat']);
    expect(topRows(g.state).map((r) => [r.nickname, r.rank, r.movement])).toEqual([['Bob', 1, 0], ['Ann', 2, 0], ['Cat', 3, 0]]);
    g.next();
    g.next();
    g.toOpen();
    g.answer(cat!, 1, A.choice(0)); // 1000
    g.answer(ann!, 1, A.choice(0)); // 1000 + 100
    g.answer(bob!, 1, A.choice(2)); // 0
    expect(standing(g.state)).toEqual(['Ann', 'Bob', 'Cat']);
    expect(topRows(g.state).map((r) => [r.nickname, r.score, r.rank, r.movement])).toEqual([
      ['Ann', 1850, 1, 1],
      ['Bob', 1000, 2, -1],
      ['Cat', 1000, 3, 0],
    ]);
  });

  it('a kicked player leaves the ranking, the others move up and the nickname is free again', () => {
    const { g, ids: [ann, bob, cat] } = game(['Ann', 'Bob', 'Cat'], [Q.single(0), Q.single(0)]);
    g.start();
    g.toOpen();
    g.answer(ann!, 0, A.choice(0));
    g.answer(bob!, 0, A.choice(1));
    g.answer(cat!, 0, A.choice(2));
    expect(standing(g.state)).toEqual(['Ann', 'Bob', 'Cat']);
    TestGame.ok(g.kick(ann!));
    expect(standing(g.state)).toEqual(['Bob', 'Cat']);
    expect([player(g.state, bob!).rank, player(g.state, cat!).rank]).toEqual([1, 2]);
    expect(player(g.state, ann!)).toMatchObject({ kicked: true, connected: false });
    expect(g.state.byNickname.has('ann')).toBe(false);
    expect(g.state.byToken.get('token-p1')).toBe(ann);
    expect([g.state.activeCount, g.state.connectedCount]).toEqual([2, 2]);
    expect(topRows(g.state).map((r) => r.nickname)).toEqual(['Bob', 'Cat']);
    // Still out after the next close.
    g.next();
    g.next();
    g.toClose();
    expect(standing(g.state)).toEqual(['Bob', 'Cat']);
    expect(player(g.state, ann!).score).toBe(1000);
  });

  it('a kicked player who answered is not credited at the close', () => {
    const { g, ids: [ann, bob] } = game(['Ann', 'Bob', 'Cat'], [Q.single(0)]);
    g.start();
    g.toOpen();
    g.answer(ann!, 0, A.choice(0));
    g.kick(ann!);
    g.answer(bob!, 0, A.choice(0));
    g.toClose();
    expect(player(g.state, ann!).score).toBe(0);
    expect(standing(g.state)).toEqual(['Bob', 'Cat']);
  });

  it('a late joiner has no rank before the first close (not ranked above the lobby players)', () => {
    const { g, ids: [ann, bob] } = game(['Ann', 'Bob'], [Q.single(0), Q.single(0)], { allowLateJoin: true });
    g.start();
    const cat = g.add('Cat');
    expect(player(g.state, cat).rank).toBeNull();
    expect(topRows(g.state)).toEqual([]);
    g.toOpen();
    g.answer(ann!, 0, A.choice(0));
    g.answer(bob!, 0, A.choice(0));
    expect(g.state.phase).toBe('closed');
    expect(standing(g.state)).toEqual(['Ann', 'Bob', 'Cat']);
    expect(player(g.state, cat).rank).toBe(3);
  });

  it('a late joiner after a close enters at the bottom until the next close', () => {
    const { g, ids: [ann] } = game(['Ann', 'Bob'], [Q.single(0), Q.single(0)], { allowLateJoin: true });
    g.start();
    g.toClose();
    const cat = g.add('Cat');
    expect(player(g.state, cat).rank).toBe(3);
    expect(standing(g.state)).toEqual(['Ann', 'Bob', 'Cat']);
    g.next();
    g.next();
    g.toOpen();
    g.answer(cat, 1, A.choice(0));
    g.answer(ann!, 1, A.choice(1));
    g.toClose();
    expect(standing(g.state)[0]).toBe('Cat');
    expect(topRows(g.state)[0]).toMatchObject({ nickname: 'Cat', rank: 1, movement: 2 });
  });
});

/** A full game over every question type, with disconnects, a kick, a late joiner and a resend. */
function fullGame(): TestGame {
  const questions = [Q.single(1), Q.multi([0, 2]), Q.trueFalse(1), Q.typeAnswer(['Zürich']), Q.slider(40, 2), Q.ordering(), Q.poll()];
  const g = new TestGame(questions, { allowLateJoin: true });
  const [ann, bob, cat, dan] = ['Ann', 'Bob', 'Cat', 'Dan'].map((n) => g.add(n)) as [string, string, string, string];
  const plays = [A.choice(1), A.choices(0), A.choice(1), A.text(' zurich '), A.number(41), A.order(2, 0, 1), A.choice(2)];
  g.start();
  plays.forEach((a, i) => {
    if (i > 0) {
      g.next();
      g.next();
    }
    g.toOpen(300 * i);
    g.answer(ann, i, a);
    g.advanceBy(1_700);
    if (i !== 2) g.answer(bob, i, i % 2 ? a : A.choice(9));
    if (i === 1) g.disconnect(cat);
    if (i === 2) g.add('Eve');
    if (i === 3) g.resume(cat);
    if (i === 4) g.kick(dan);
    g.answer(ann, i, a); // a resend: no events
    if (g.state.phase === 'open') g.toClose();
  });
  g.next();
  g.next();
  return g;
}

describe('replay', () => {
  it('the sample game ends with every kind of event in its log', () => {
    const g = fullGame();
    expect(g.state.phase).toBe('ended');
    expect(new Set(g.events.map((e) => e.type))).toEqual(
      new Set(['game.created', 'player.joined', 'game.started', 'question.shown', 'question.opened', 'answer.accepted', 'question.closed',
        'leaderboard.shown', 'player.disconnected', 'player.reconnected', 'player.kicked', 'game.ended']),
    );
  });

  it('replaying the same events from scratch twice gives deep-equal states, equal to the live one', () => {
    const g = fullGame();
    const first = replay(g.events);
    const second = replay(g.events.map((e) => structuredClone(e)));
    expect(first).not.toBe(second);
    expect(snapshotState(first!)).toEqual(snapshotState(second!));
    expect(snapshotState(first!)).toEqual(snapshotState(g.state));
    expect(first!.ranking.length).toBeGreaterThan(0);
  });

  it('replaying a prefix gives the state the live game had at that seq', () => {
    const g = new TestGame([Q.single(0), Q.single(1)]);
    const snapshots: unknown[] = [];
    const record = () => snapshots.push(snapshotState(g.state));
    record();
    g.add('Ann');
    record();
    g.add('Bob');
    record();
    g.start();
    record();
    g.toOpen();
    record();
    g.answer('p1', 0, A.choice(0));
    record();
    g.answer('p2', 0, A.choice(1));
    record();
    expect(g.state.phase).toBe('closed');
    for (const snap of snapshots) {
      const seq = (snap as { seq: number }).seq;
      expect(snapshotState(replay(g.events.slice(0, seq))!)).toEqual(snap);
    }
    expect(snapshots).toHaveLength(7);
  });
});

describe('sequence numbers', () => {
  const PUBLIC = new Set(['game.started', 'question.shown', 'question.opened', 'question.closed', 'leaderboard.shown', 'game.ended']);

  it('publicSeq follows the public events and prevPublicSeq chains to the one before', () => {
    const g = fullGame();
    let state: GameState | null = null;
    let lastPublic = 1;
    let publicCount = 0;
    for (const e of g.events) {
      const prev = state ? state.publicSeq : null;
      state = evolve(state, e);
      expect(state.seq).toBe(e.seq);
      expect(state.lastEventAt).toBe(e.at);
      if (e.type === 'game.created') {
        expect([state.publicSeq, state.prevPublicSeq]).toEqual([1, 0]);
      } else if (PUBLIC.has(e.type)) {
        expect([state.publicSeq, state.prevPublicSeq]).toEqual([e.seq, lastPublic]);
        lastPublic = e.seq;
        publicCount += 1;
      } else {
        expect(state.publicSeq).toBe(prev);
      }
    }
    expect(publicCount).toBeGreaterThan(20);
  });

  it('the stamped log is consecutive from 1', () => {
    const g = fullGame();
    expect(g.events.map((e) => e.seq)).toEqual(g.events.map((_, i) => i + 1));
  });

  const log = () => {
    const g = new TestGame([Q.single(0)]);
    g.add('Ann');
    g.add('Bob');
    g.start();
    return g.events;
  };
  it.each([
    ['a gap', (events: DomainEvent[]) => [...events.slice(0, 2), ...events.slice(3)], /seq 4 does not follow 2/],
    ['a repeated event', (events: DomainEvent[]) => [...events.slice(0, 3), events[2]!], /seq 3 does not follow 3/],
    ['events out of order', (events: DomainEvent[]) => [events[0]!, events[2]!, events[1]!], /seq 3 does not follow 1/],
    ['an event before game.created', (events: DomainEvent[]) => events.slice(1), /before game.created/],
  ])('evolve throws on %s', (_case, mangle, message) => {
    expect(() => replay(mangle(log()))).toThrow(message);
  });

  it('a throw on a gap leaves the state at its last good seq', () => {
    const events = log();
    const state = replay(events.slice(0, 2))!;
    expect(() => evolve(state, { ...events[3]! })).toThrow();
    expect(state.seq).toBe(2);
    expect(state.players.size).toBe(1);
  });
});

describe('fairness at the edges', () => {
  it('a late joiner does not win a tie by having sat questions out', () => {
    const { g, ids: [ann] } = game(['Ann', 'Bob'], [Q.single(0), Q.single(0)], { allowLateJoin: true });
    g.start();
    const cat = g.add('Cat');
    g.toOpen();
    g.advanceBy(1000);
    g.answer(ann!, 0, A.choice(1)); // wrong: 0 points, like everyone
    g.toClose();
    expect(standing(g.state)).toEqual(['Ann', 'Bob', 'Cat']);
    expect(player(g.state, cat).totalResponseMs).toBe(20_000);
  });

  it('a kicked player\'s answer leaves the running question\'s tallies', () => {
    const { g, ids: [ann, bob] } = game(['Ann', 'Bob', 'Cat'], [Q.single(0)]);
    g.start();
    g.toOpen();
    g.answer(ann!, 0, A.choice(0));
    g.answer(bob!, 0, A.choice(2));
    g.kick(bob!);
    g.toClose();
    const r = reveal(g.state);
    expect(r?.distribution).toMatchObject({ answered: 1, correct: 1, total: 2, options: [1, 0, 0, 0] });
  });

  it('a question skipped during its read time costs nobody a streak or time', () => {
    const { g, ids: [ann] } = game(['Ann'], [Q.single(0), Q.single(0), Q.single(0)]);
    g.start();
    g.toOpen();
    g.answer(ann!, 0, A.choice(0));
    expect(player(g.state, ann!).streak).toBe(1);
    const before = player(g.state, ann!).totalResponseMs;
    g.next();
    g.next();
    g.skip(); // still reading
    expect(g.state.phase).toBe('closed');
    expect(player(g.state, ann!)).toMatchObject({ streak: 1, totalResponseMs: before });
  });

  it('a game ended before any close still ranks everyone on the podium', () => {
    const { g } = game(['Ann', 'Bob'], [Q.single(0)]);
    g.start();
    g.end();
    expect(podium(g.state)).toMatchObject({ playerCount: 2, top: [{ nickname: 'Ann', rank: 1 }, { nickname: 'Bob', rank: 2 }] });
  });

  it('emoji glued by a zero-width joiner make a nickname; a stray joiner does not', () => {
    expect(checkNickname('👨\u200d👩\u200d👧 fam')).toMatchObject({ ok: true });
    expect(checkNickname('An\u200dn')).toMatchObject({ ok: false });
  });
});
