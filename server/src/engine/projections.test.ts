import { describe, expect, it } from 'vitest';
import { CHAINED_MESSAGES, type Answer, type CorrectAnswer, type DomainEvent, type GameQuestion } from '@quizbus/shared';
import { evolve } from './evolve.ts';
import type { GameState } from './game-state.ts';
import { outboundFor, type Outbound } from './outbound.ts';
import { playerResult, playersReveal, playerView, reveal, screenView, topRows } from './projections.ts';
import { A, Q, TestGame } from './test-game.ts';

const SECRET = 'SECRET-EXPLANATION';

interface Case {
  q: GameQuestion;
  right: Answer;
  wrong: Answer;
  correct: CorrectAnswer;
  options?: number[];
  texts?: Array<{ text: string; count: number; correct: boolean }>;
  /** Slider and ordering: the spread the reveal carries. */
  spread?: { histogram: number[] } | { placedRight: number[] };
  /** Strings that only the answers or the solution contain. */
  secrets: string[];
  scored: boolean;
}

/** The 17 bands (6 positions each) of a 0–100 slider with the given non-zero counts. */
function bands(counts: Record<number, number>): number[] {
  return Array.from({ length: 17 }, (_, i) => counts[i] ?? 0);
}

const cases: Array<[string, Case]> = [
  ['single', { q: Q.single(2), right: A.choice(2), wrong: A.choice(0), correct: { type: 'single', choice: 2 }, options: [1, 0, 1, 0], secrets: [], scored: true }],
  ['multi', { q: Q.multi([0, 2]), right: A.choices(0, 2), wrong: A.choices(1), correct: { type: 'multi', choices: [0, 2] }, options: [1, 1, 1, 0], secrets: [], scored: true }],
  ['true-false', { q: Q.trueFalse(1), right: A.choice(1), wrong: A.choice(0), correct: { type: 'true-false', choice: 1 }, options: [1, 1], secrets: [], scored: true }],
  [
    'type-answer',
    {
      q: Q.typeAnswer(['Zanzibar', 'Unguja']),
      right: A.text(' ZANZIBAR '),
      wrong: A.text('Mombasa'),
      correct: { type: 'type-answer', accepted: ['Zanzibar', 'Unguja'] },
      texts: [{ text: 'ZANZIBAR', count: 1, correct: true }, { text: 'Mombasa', count: 1, correct: false }],
      secrets: ['zanzibar', 'unguja', 'mombasa'],
      scored: true,
    },
  ],
  ['slider', { q: Q.slider(37, 2), right: A.number(38), wrong: A.number(90), correct: { type: 'slider', value: 37, tolerance: 2 }, spread: { histogram: bands({ 6: 1, 15: 1 }) }, secrets: [], scored: true }],
  ['ordering', { q: Q.ordering([2, 0, 1]), right: A.order(2, 0, 1), wrong: A.order(0, 1, 2), correct: { type: 'ordering', order: [2, 0, 1] }, spread: { placedRight: [1, 1, 1] }, secrets: [], scored: true }],
  ['poll', { q: Q.poll(), right: A.choice(1), wrong: A.choice(2), correct: { type: 'poll' }, options: [0, 1, 1], secrets: [], scored: false }],
];

/** Everything any client could receive right now: views of every role, plus the messages of `events`. */
function everything(g: TestGame, events: DomainEvent[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of g.state.players.keys()) out[`player ${id}`] = JSON.stringify(playerView(g.state, id, g.now));
  out.host = JSON.stringify(screenView(g.state, 'host', g.now));
  out.display = JSON.stringify(screenView(g.state, 'display', g.now));
  for (const e of events) out[`messages of ${e.type} #${e.seq}`] = JSON.stringify(messages(outboundFor(e, g.state, g.now), [...g.state.players.keys()]));
  return out;
}
/** The payloads of outbound messages, with per-player messages built for every player. */
function messages(list: Outbound[], playerIds: string[]): unknown[] {
  return list.flatMap((o): unknown[] => {
    if (o.to === 'everyone' || o.to === 'screens' || o.to === 'players') return [o.payload];
    if (o.to === 'each-player') return playerIds.map((id) => o.build(id)).filter((m) => m !== undefined);
    if (o.to === 'player') return [o.message];
    return [o];
  });
}

describe.each(cases)('%s question', (_type, c) => {
  const setup = () => {
    const g = new TestGame([{ ...c.q, explanation: SECRET }, Q.single(0)]);
    const [ann, bob, cat] = ['Ann', 'Bob', 'Cat'].map((n) => g.add(n)) as [string, string, string];
    return { g, ann, bob, cat };
  };

  it('leaks nothing before the close: no solution, no explanation, no answers, no grades', () => {
    const { g, ann, bob, cat } = setup();
    const seen: Array<Record<string, string>> = [];
    const step = (act: () => unknown) => {
      const from = g.state.seq;
      act();
      seen.push(everything(g, g.events.filter((e) => e.seq > from)));
    };
    step(() => g.start());
    step(() => g.toOpen());
    step(() => g.answer(ann, 0, c.right));
    step(() => g.answer(bob, 0, c.wrong));
    expect(g.state.phase).toBe('open');
    expect(g.state.current?.answered).toBe(2);

    for (const snapshot of seen) {
      for (const [who, json] of Object.entries(snapshot)) {
        for (const key of ['"correct"', '"accepted"', '"solution"', '"tolerance"', '"grade"', '"reveal"', '"distribution"', '"answer"', '"choices"', '"order"', '"value"', '"points":1000,"streak"', '"result"']) {
          expect(json, `${who} contains ${key}`).not.toContain(key);
        }
        expect(json, who).not.toContain(SECRET);
        for (const s of c.secrets) expect(json.toLowerCase(), `${who} contains ${s}`).not.toContain(s);
      }
    }
    // Each phone knows only that it answered, and when; nobody knows how well yet.
    const last = seen.at(-1)!;
    expect(JSON.parse(last[`player ${ann}`]!)).toMatchObject({ me: { score: 0, streak: 0, rank: null }, myAnswer: { index: 0, responseMs: 0 } });
    expect(JSON.parse(last[`player ${ann}`]!).myAnswer).toEqual({ index: 0, responseMs: 0 });
    expect(JSON.parse(last[`player ${cat}`]!).myAnswer).toBeUndefined();
    expect(JSON.parse(last.host!)).toMatchObject({ answered: 2, playerCount: 3 });
  });

  it('reveals the correct answer, distribution, explanation and top at the close', () => {
    const { g, ann, bob, cat } = setup();
    g.start();
    g.toOpen();
    g.answer(ann, 0, c.right);
    const annSeq = g.state.seq;
    g.answer(bob, 0, c.wrong);
    const bobSeq = g.state.seq;
    expect(g.events.filter((e) => e.type === 'answer.accepted').map((e) => e.seq)).toEqual([annSeq, bobSeq]);
    const closedAt = g.toClose();
    const closeEvent = g.events.at(-1)!;
    expect(closeEvent.type).toBe('question.closed');
    expect(TestGame.ok(closedAt).events).toHaveLength(1);

    const r = reveal(g.state);
    expect(r).toBeDefined();
    expect(r!.index).toBe(0);
    expect(r!.correct).toEqual(c.correct);
    expect(r!.explanation).toBe(SECRET);
    expect(r!.distribution).toEqual({
      answered: 2,
      total: 3,
      correct: c.scored ? 1 : 0,
      ...(c.options ? { options: c.options } : {}),
      ...(c.texts ? { texts: c.texts } : {}),
      ...c.spread,
    });
    const annPoints = c.scored ? 1000 : 0;
    expect(r!.top).toEqual([
      { rank: 1, playerId: ann, nickname: 'Ann', score: annPoints, movement: 0 },
      { rank: 2, playerId: bob, nickname: 'Bob', score: 0, movement: 0 },
      { rank: 3, playerId: cat, nickname: 'Cat', score: 0, movement: 0 },
    ]);

    expect(playerResult(g.state, ann)).toEqual({
      index: 0, grade: c.scored ? 'correct' : 'poll', points: annPoints, streak: c.scored ? 1 : 0, score: annPoints, rank: 1, playerCount: 3, ahead: null, answerSeq: annSeq,
    });
    expect(playerResult(g.state, bob)).toEqual({
      index: 0, grade: c.scored ? 'wrong' : 'poll', points: 0, streak: 0, score: 0, rank: 2, playerCount: 3, ahead: { nickname: 'Ann', score: annPoints }, answerSeq: bobSeq,
    });
    expect(playerResult(g.state, cat)).toEqual({
      index: 0, grade: 'missed', points: 0, streak: 0, score: 0, rank: 3, playerCount: 3, ahead: { nickname: 'Bob', score: 0 },
    });

    // The same reaches the clients: one reveal broadcast to the screens, and to each player one
    // close carrying the reveal and their own result. Typed answers are for the screens only:
    // the phones get the reveal without the tally.
    const out = outboundFor(closeEvent, g.state, g.now);
    const forPlayers = playersReveal(r!);
    if (r!.distribution.texts) expect(forPlayers.distribution).not.toHaveProperty('texts');
    else expect(forPlayers).toBe(r);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ to: 'screens', name: 'question.closed', payload: { seq: closeEvent.seq, reveal: r } });
    const each = out[1];
    if (each?.to !== 'each-player') throw new Error('expected per-player closes');
    const chain = { seq: closeEvent.seq, prevSeq: g.state.prevPublicSeq, closedAt: closeEvent.at };
    expect(each.build(bob)).toEqual({ name: 'question.closed', payload: { ...chain, reveal: forPlayers, result: playerResult(g.state, bob) } });
    expect(each.build('p_nobody')).toEqual({ name: 'question.closed', payload: { ...chain, reveal: forPlayers } });
    // The same messages in parts (the fan-out encodes the shared part once): key for key what build gives.
    const splice = each.splice;
    if (!splice) throw new Error('expected the close in parts');
    for (const id of [bob, 'p_nobody']) {
      const own = splice.own(id);
      expect({ name: splice.name, payload: own === undefined ? splice.shared : { ...splice.shared, [splice.key]: own } }).toEqual(each.build(id));
    }
    expect(playerView(g.state, ann, g.now)).toMatchObject({ phase: 'closed', reveal: forPlayers, result: { grade: c.scored ? 'correct' : 'poll' } });
    expect(playerView(g.state, ann, g.now).reveal?.distribution).toEqual(forPlayers.distribution);
    expect(screenView(g.state, 'display', g.now).reveal).toEqual(r);

    // The next question's read time shows nothing of either question's answer.
    g.next();
    g.next();
    const views = JSON.stringify([playerView(g.state, ann, g.now), screenView(g.state, 'host', g.now)]);
    expect(views).not.toContain('"reveal"');
    expect(views).not.toContain('"correct"');
    expect(views).not.toContain(SECRET);
  });
});

describe('reveal', () => {
  it('top 5 with movement since the previous close', () => {
    const g = new TestGame([Q.single(0), Q.single(0)]);
    const ids = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7'].map((n) => g.add(n));
    g.start();
    const o0 = g.state.current!.opensAt;
    g.toOpen();
    ids.forEach((id, i) => {
      g.advanceTo(o0 + 1_000 * i);
      g.answer(id, 0, A.choice(0)); // 1000, 975, 950, … 850
    });
    expect(reveal(g.state)!.top.map((r) => [r.nickname, r.score])).toEqual([['N1', 1000], ['N2', 975], ['N3', 950], ['N4', 925], ['N5', 900]]);
    g.next();
    g.next();
    g.toOpen();
    ids.forEach((id, i) => g.answer(id, 1, A.choice(i >= 5 ? 0 : 1))); // N6, N7: +1100
    expect(g.state.phase).toBe('closed');
    expect(reveal(g.state)!.top.map((r) => [r.rank, r.nickname, r.score, r.movement])).toEqual([
      [1, 'N6', 1975, 5],
      [2, 'N7', 1950, 5],
      [3, 'N1', 1000, -2],
      [4, 'N2', 975, -2],
      [5, 'N3', 950, -2],
    ]);
    expect(playerResult(g.state, ids[3]!)).toMatchObject({ rank: 6, playerCount: 7, ahead: { nickname: 'N3', score: 950 } });
    expect(playerResult(g.state, ids[0]!)).toMatchObject({ rank: 3, ahead: { nickname: 'N7', score: 1950 } });
    expect(playerResult(g.state, ids[5]!)).toMatchObject({ rank: 1, streak: 2, points: 1100, ahead: null });
    g.next();
    expect(outboundFor(g.events.at(-1)!, g.state, g.now)).toEqual([
      { to: 'everyone', name: 'leaderboard.shown', payload: { seq: g.state.seq, prevSeq: g.state.prevPublicSeq, index: 1, top: reveal(g.state)!.top } },
    ]);
    expect(playerView(g.state, ids[0]!, g.now).leaderboard).toEqual(topRows(g.state));
  });

  it('a partial multi-select answer shows as partial with its share of the points', () => {
    const g = new TestGame([Q.multi([0, 1, 2])]);
    const ann = g.add('Ann');
    g.start();
    g.toOpen();
    g.answer(ann, 0, A.choices(0, 1));
    expect(playerResult(g.state, ann)).toMatchObject({ grade: 'partial', points: 667, streak: 0, score: 667 });
    expect(reveal(g.state)!.distribution).toEqual({ answered: 1, total: 1, correct: 0, options: [1, 1, 0, 0] });
  });

  it('type-answer texts group spellings that normalise alike, most frequent first', () => {
    const g = new TestGame([Q.typeAnswer(['Zürich'])]);
    const ids = ['A', 'B', 'C', 'D', 'E'].map((n) => g.add(n));
    g.start();
    g.toOpen();
    ['Bern', 'zurich', 'ZÜRICH ', 'Zu rich', 'bern'].forEach((t, i) => g.answer(ids[i]!, 0, A.text(t)));
    expect(reveal(g.state)!.distribution.texts).toEqual([
      { text: 'zurich', count: 3, correct: true },
      { text: 'Bern', count: 2, correct: false },
    ]);
  });

  it('a slider reveal counts answers per band of the scale: one band per position when few, 20 bands at most', () => {
    const g = new TestGame([{ text: 'Ten', timeLimitMs: 20_000, readMs: 3_000, points: 1000, type: 'slider', min: 0, max: 10, step: 1, correct: 7, tolerance: 1 }, Q.slider(37, 2)]);
    const ids = ['A', 'B', 'C', 'D', 'E'].map((n) => g.add(n));
    g.start();
    g.toOpen();
    [7, 7, 3, 10].forEach((v, i) => g.answer(ids[i]!, 0, A.number(v)));
    g.kick(ids[3]!);
    g.toClose();
    expect(reveal(g.state)!.distribution.histogram).toEqual([0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0]);
    g.next();
    g.next();
    g.toOpen();
    const stillIn = [ids[0]!, ids[1]!, ids[2]!, ids[4]!];
    [0, 4.9, 5, 100].forEach((v, i) => g.answer(stillIn[i]!, 1, A.number(v)));
    g.toClose();
    // 101 positions: bands of 6 (0–5, 6–11, … 96–100); 4.9 rounds to the position 5.
    expect(reveal(g.state)!.distribution.histogram).toEqual(bands({ 0: 3, 16: 1 }));
  });

  it('an ordering reveal counts, per item, the players who put it in its right place', () => {
    const g = new TestGame([Q.ordering([2, 0, 1])]);
    const ids = ['A', 'B', 'C', 'D'].map((n) => g.add(n));
    g.start();
    g.toOpen();
    g.answer(ids[0]!, 0, A.order(2, 0, 1));
    g.answer(ids[1]!, 0, A.order(2, 1, 0));
    g.answer(ids[2]!, 0, A.order(1, 0, 2));
    g.toClose();
    // Item 2 is first in two answers, item 0 second in two, item 1 third in one.
    expect(reveal(g.state)!.distribution.placedRight).toEqual([2, 1, 2]);
  });

  it('late joiners count in neither answered nor total; a kicked late joiner does not shrink the total', () => {
    const g = new TestGame([Q.single(0), Q.single(0)], { allowLateJoin: true });
    const [ann, bob] = [g.add('Ann'), g.add('Bob')];
    g.start();
    g.toOpen();
    const cat = g.add('Cat');
    g.add('Dan');
    g.kick(cat);
    g.answer(ann, 0, A.choice(0));
    g.answer(bob, 0, A.choice(1));
    expect(g.state.phase).toBe('closed');
    expect(reveal(g.state)!.distribution).toMatchObject({ answered: 2, total: 2, correct: 1 });
    expect(playerResult(g.state, 'p4')).toBeUndefined();
    expect(playerResult(g.state, cat)).toBeUndefined();
    expect(reveal(g.state)!.top.map((r) => r.nickname)).toEqual(['Ann', 'Bob', 'Dan']);
  });

  it('is undefined while the question runs', () => {
    const g = new TestGame([Q.single(0)]);
    const ann = g.add('Ann');
    expect(reveal(g.state)).toBeUndefined();
    g.start();
    expect(reveal(g.state)).toBeUndefined();
    g.toOpen();
    expect(reveal(g.state)).toBeUndefined();
    expect(playerResult(g.state, ann)).toBeUndefined();
  });
});

describe('outboundFor', () => {
  it('an accepted answer yields only a throttled count for the screens', () => {
    const g = new TestGame([Q.single(0)]);
    const ids = ['A', 'B', 'C', 'D'].map((n) => g.add(n));
    g.start();
    g.toOpen();
    for (const id of ids.slice(0, 3)) {
      const d = TestGame.ok(g.answer(id, 0, A.choice(0)));
      expect(d.events).toHaveLength(1);
      expect(outboundFor(g.events.at(-1)!, g.state, g.now)).toEqual([{ to: 'screens-throttled', what: 'answers' }]);
    }
  });

  it('presence changes yield only a throttled player list; a kick also tells the kicked player', () => {
    const g = new TestGame([Q.single(0)]);
    const [ann] = [g.add('Ann'), g.add('Bob')];
    expect(outboundFor(g.events.at(-1)!, g.state, g.now)).toEqual([{ to: 'screens-throttled', what: 'players' }]);
    g.disconnect(ann);
    expect(outboundFor(g.events.at(-1)!, g.state, g.now)).toEqual([{ to: 'screens-throttled', what: 'players' }]);
    g.kick(ann);
    expect(outboundFor(g.events.at(-1)!, g.state, g.now)).toEqual([
      { to: 'player', playerId: ann, message: { name: 'player.kicked', payload: { seq: g.state.seq } }, disconnect: true },
      { to: 'screens-throttled', what: 'players' },
    ]);
  });

  it('chained messages continue from the previous public seq, all the way through a game', () => {
    const g = new TestGame([Q.single(0), Q.poll()]);
    const [ann, bob] = [g.add('Ann'), g.add('Bob')];
    g.start();
    g.toOpen();
    g.answer(ann, 0, A.choice(0));
    g.disconnect(bob);
    g.next();
    g.next();
    g.toClose();
    g.next();
    g.next();
    expect(g.state.phase).toBe('ended');

    let state: GameState | null = null;
    let publicSeq = 0;
    const chained: string[] = [];
    for (const e of g.events) {
      state = evolve(state, e);
      if (e.type === 'game.created') {
        publicSeq = state.publicSeq;
        continue;
      }
      for (const o of outboundFor(e, state, e.at)) {
        // What Ann's phone receives: the room-wide messages and her own copy of each close.
        const m = o.to === 'everyone' ? o : o.to === 'each-player' ? o.build(ann) : undefined;
        if (!m || !(CHAINED_MESSAGES as readonly string[]).includes(m.name)) continue;
        const p = m.payload as { seq: number; prevSeq: number };
        expect([m.name, p.prevSeq, p.seq]).toEqual([m.name, publicSeq, e.seq]);
        publicSeq = p.seq;
        chained.push(m.name);
      }
    }
    expect(chained).toEqual([
      'game.started', 'question.shown', 'question.opened', 'question.closed', 'leaderboard.shown',
      'question.shown', 'question.opened', 'question.closed', 'leaderboard.shown', 'game.ended',
    ]);
    expect(publicSeq).toBe(g.state.publicSeq);
  });

  it('game.ended sends the podium and each remaining player their final place', () => {
    const g = new TestGame([Q.single(0)]);
    const [ann, bob, cat] = [g.add('Ann'), g.add('Bob'), g.add('Cat')];
    g.start();
    g.toOpen();
    g.answer(bob, 0, A.choice(0));
    g.answer(ann, 0, A.choice(1));
    g.answer(cat, 0, A.choice(1));
    g.kick(cat);
    g.next();
    g.next();
    const out = outboundFor(g.events.at(-1)!, g.state, g.now);
    expect(out[0]).toMatchObject({
      to: 'everyone',
      name: 'game.ended',
      payload: { reason: 'finished', podium: { playerCount: 2, top: [{ nickname: 'Bob', rank: 1, score: 1000 }, { nickname: 'Ann', rank: 2, score: 0 }] } },
    });
    const each = out[1];
    if (each?.to !== 'each-player') throw new Error('expected per-player finals');
    expect(each.build(ann)).toEqual({ name: 'player.final', payload: { seq: g.state.seq, rank: 2, score: 0, playerCount: 2 } });
    expect(each.build(cat)).toBeUndefined();
    expect(playerView(g.state, bob, g.now).podium).toEqual({ top: topRows(g.state), playerCount: 2 });
  });
});

describe('screen views', () => {
  it('the display gets no game options; the host does; both list players newest first', () => {
    const g = new TestGame([Q.single(0)], { accuracyMode: true });
    const ann = g.add('Ann');
    g.add('Bob');
    g.disconnect(ann);
    const host = screenView(g.state, 'host', g.now);
    const display = screenView(g.state, 'display', g.now);
    expect(host.options).toMatchObject({ accuracyMode: true });
    expect(display.options).toBeUndefined();
    expect(display.players).toEqual([
      { playerId: 'p2', nickname: 'Bob', connected: true, score: 0 },
      { playerId: 'p1', nickname: 'Ann', connected: false, score: 0 },
    ]);
    expect(display.playerCount).toBe(2);
    g.kick('p2');
    expect(screenView(g.state, 'display', g.now).players.map((p) => p.nickname)).toEqual(['Ann']);
  });
});
