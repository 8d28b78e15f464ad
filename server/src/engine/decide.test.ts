import { describe, expect, it } from 'vitest';
import type { ErrorCode, GameOptions, GameQuestion } from '@quizbus/shared';
import type { Decision } from './commands.ts';
import { decide, nextDeadline } from './decide.ts';
import { A, Q, TestGame, snapshotState } from './test-game.ts';

const READ = 3_000;
const LIMIT = 20_000;

/** A lobby with Ann (p1) and Bob (p2) and two single-choice questions (correct 0, then 1). */
function lobby(options: Partial<GameOptions> = {}, questions: GameQuestion[] = [Q.single(0), Q.single(1)]) {
  const g = new TestGame(questions, options);
  const ann = g.add('Ann');
  const bob = g.add('Bob');
  return { g, ann, bob };
}
/** The first question on screen, in its read time. */
function reading(options: Partial<GameOptions> = {}, questions?: GameQuestion[]) {
  const ctx = lobby(options, questions);
  TestGame.ok(ctx.g.start());
  return ctx;
}
/** The first question open for answers, 1 s in. */
function open(options: Partial<GameOptions> = {}, questions?: GameQuestion[]) {
  const ctx = reading(options, questions);
  ctx.g.toOpen(1_000);
  return ctx;
}
/** The first question closed by its deadline. */
function closed(options: Partial<GameOptions> = {}) {
  const ctx = open(options);
  ctx.g.toClose();
  return ctx;
}
/** The second question open, 1 s in. */
function secondOpen() {
  const ctx = closed();
  TestGame.ok(ctx.g.next());
  TestGame.ok(ctx.g.next());
  ctx.g.toOpen(1_000);
  return ctx;
}
/** The first question open, 1 s in, with Ann, Bob and Cat (p3) who all joined in the lobby. */
function openTrio() {
  const g = new TestGame([Q.single(0), Q.single(1)]);
  const [ann, bob, cat] = [g.add('Ann'), g.add('Bob'), g.add('Cat')];
  TestGame.ok(g.start());
  g.toOpen(1_000);
  return { g, ann, bob, cat };
}
function ended() {
  const ctx = lobby();
  TestGame.ok(ctx.g.end());
  return ctx;
}

type Row = [string, () => { g: TestGame; act: () => Decision }, ErrorCode];

/** Puts the expected code into the row's title. */
const titled = (rows: Row[]): Row[] => rows.map(([name, setup, code]) => [`${name} → ${code}`, setup, code]);

/** Runs a rejection row: the code matches, the message says something, and the state is untouched. */
function expectRejected([_, setup, code]: Row) {
  const { g, act } = setup();
  const before = snapshotState(g.state);
  const eventCount = g.events.length;
  const d = act();
  expect(d.ok).toBe(false);
  if (d.ok) return;
  expect(d.code).toBe(code);
  expect(d.message.length).toBeGreaterThan(0);
  expect(snapshotState(g.state)).toEqual(before);
  expect(g.events.length).toBe(eventCount);
}

describe('rejections', () => {
  const join: Row[] = [
    ['join after the end', () => { const { g } = ended(); return { g, act: () => g.join('Cat') }; }, 'GAME_ENDED'],
    ['join after the end, late join allowed', () => { const { g } = reading({ allowLateJoin: true }); g.end(); return { g, act: () => g.join('Cat') }; }, 'GAME_ENDED'],
    ['join a locked lobby', () => { const { g } = lobby(); g.lock(true); return { g, act: () => g.join('Cat') }; }, 'GAME_LOCKED'],
    ['join a locked running game with late join', () => { const { g } = reading({ allowLateJoin: true }); g.lock(true); return { g, act: () => g.join('Cat') }; }, 'GAME_LOCKED'],
    ['join in read time without late join', () => { const { g } = reading(); return { g, act: () => g.join('Cat') }; }, 'GAME_STARTED'],
    ['join an open question without late join', () => { const { g } = open(); return { g, act: () => g.join('Cat') }; }, 'GAME_STARTED'],
    ['join at the leaderboard without late join', () => { const { g } = closed(); g.next(); return { g, act: () => g.join('Cat') }; }, 'GAME_STARTED'],
    ...(
      [
        ['empty', ''],
        ['only spaces', '    '],
        ['only tabs and newlines', '\t\n\r'],
        ['25 characters', 'abcdefghijklmnopqrstuvwxy'],
        ['25 emoji (counted in code points)', '😀'.repeat(25)],
        ['25 characters after trimming', `  ${'x'.repeat(25)}  `],
        ['a NUL', 'Ann\u0000'],
        ['a bell', 'A\u0007nn'],
        ['an escape', '\u001b[31mAnn'],
        ['a DEL', 'An\u007fn'],
        ['a C1 control', 'An\u0085n'],
        ['a zero-width space', 'An\u200bn'],
        ['a zero-width joiner', '\u200dAnn'],
        ['a word joiner', 'Ann\u2060'],
        ['a right-to-left override', '\u202eAnn'],
        ['a soft hyphen', 'An\u00adn'],
        ['a private-use character', 'Ann\ue000'],
        ['only a zero-width space', '\u200b'],
      ] as const
    ).map(([what, nickname]): Row => [`nickname with ${what}`, () => { const { g } = lobby(); return { g, act: () => g.join(nickname) }; }, 'NICKNAME_INVALID']),
    ...(
      [
        ['the same', 'Ann'],
        ['lower case', 'ann'],
        ['upper case', 'ANN'],
        ['surrounding spaces', '   Ann\t'],
        ['full-width letters', 'Ａｎｎ'],
        ['full-width capitals', 'ＡＮＮ'],
      ] as const
    ).map(([what, nickname]): Row => [`nickname taken: ${what}`, () => { const { g } = lobby(); return { g, act: () => g.join(nickname) }; }, 'NICKNAME_TAKEN']),
    ['nickname taken: decomposed accent', () => { const { g } = lobby(); g.add('Zoë'); return { g, act: () => g.join('Zoe\u0308') }; }, 'NICKNAME_TAKEN'],
    ['nickname taken: inner spaces collapse', () => { const { g } = lobby(); g.add('Ann Lee'); return { g, act: () => g.join('ann   lee') }; }, 'NICKNAME_TAKEN'],
    ['nickname taken: ligature', () => { const { g } = lobby(); g.add('Fin'); return { g, act: () => g.join('\ufb01n') }; }, 'NICKNAME_TAKEN'],
    ['player id reused', () => { const { g } = lobby(); return { g, act: () => g.run({ type: 'join', playerId: 'p1', nickname: 'Cat', tokenHash: 'fresh' }) }; }, 'BAD_REQUEST'],
    ['token reused', () => { const { g } = lobby(); return { g, act: () => g.run({ type: 'join', playerId: 'p9', nickname: 'Cat', tokenHash: 'token-p1' }) }; }, 'BAD_REQUEST'],
  ];
  it.each(titled(join))('join: %s', (...row) => expectRejected(row));

  const resume: Row[] = [
    ['unknown token', () => { const { g } = lobby(); return { g, act: () => g.run({ type: 'resume', tokenHash: 'nope' }) }; }, 'UNAUTHORIZED'],
    ['host token as a session', () => { const { g } = lobby(); return { g, act: () => g.run({ type: 'resume', tokenHash: g.hostHash }) }; }, 'UNAUTHORIZED'],
    ['kicked player', () => { const { g, bob } = lobby(); g.kick(bob); return { g, act: () => g.resume(bob) }; }, 'KICKED'],
    ['kicked player, mid-game', () => { const { g, bob } = open(); g.kick(bob); return { g, act: () => g.resume(bob) }; }, 'KICKED'],
  ];
  it.each(titled(resume))('resume: %s', (...row) => expectRejected(row));

  const answer: Row[] = [
    ['unknown player', () => { const { g } = open(); return { g, act: () => g.answer('nobody', 0, A.choice(0)) }; }, 'UNKNOWN_PLAYER'],
    ['kicked player', () => { const { g, bob } = open(); g.kick(bob); return { g, act: () => g.answer(bob, 0, A.choice(0)) }; }, 'KICKED'],
    ['kicked player who had answered', () => { const { g, bob } = open(); g.answer(bob, 0, A.choice(0)); expect(g.state.phase).toBe('open'); g.kick(bob); return { g, act: () => g.answer(bob, 0, A.choice(0)) }; }, 'KICKED'],
    ['index past the quiz', () => { const { g, ann } = open(); return { g, act: () => g.answer(ann, 2, A.choice(0)) }; }, 'UNKNOWN_QUESTION'],
    ['index far past the quiz', () => { const { g, ann } = open(); return { g, act: () => g.answer(ann, 999, A.choice(0)) }; }, 'UNKNOWN_QUESTION'],
    ['negative index', () => { const { g, ann } = open(); return { g, act: () => g.answer(ann, -1, A.choice(0)) }; }, 'UNKNOWN_QUESTION'],
    ['in the lobby', () => { const { g, ann } = lobby(); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'NOT_OPEN'],
    ['at the start of read time', () => { const { g, ann } = reading(); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'NOT_OPEN'],
    ['1 ms before answers open', () => { const { g, ann } = reading(); g.advanceTo(g.state.current!.opensAt - 1); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'NOT_OPEN'],
    ['a future question', () => { const { g, ann } = open(); return { g, act: () => g.answer(ann, 1, A.choice(1)) }; }, 'NOT_OPEN'],
    ['a future question at the leaderboard', () => { const { g, ann } = closed(); g.next(); return { g, act: () => g.answer(ann, 1, A.choice(1)) }; }, 'NOT_OPEN'],
    ['at the deadline, before the tick closed it', () => { const { g, ann } = open(); g.now = g.state.current!.closesAt; expect(g.state.phase).toBe('open'); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'LATE'],
    ['long after the deadline, before the tick', () => { const { g, ann } = open(); g.now = g.state.current!.closesAt + 60_000; return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'LATE'],
    ['after the close', () => { const { g, ann } = closed(); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'LATE'],
    ['after a skip', () => { const { g, ann } = open(); g.skip(); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'LATE'],
    ['at the leaderboard', () => { const { g, ann } = closed(); g.next(); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'LATE'],
    ['a past question while the next is open', () => { const { g, ann } = secondOpen(); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'LATE'],
    ['after the host ended the game mid-question', () => { const { g, ann } = open(); g.end(); return { g, act: () => g.answer(ann, 0, A.choice(0)) }; }, 'LATE'],
    ['wrong kind', () => { const { g, ann } = open(); return { g, act: () => g.answer(ann, 0, A.text('Red')) }; }, 'INVALID_ANSWER'],
    ['option out of range', () => { const { g, ann } = open(); return { g, act: () => g.answer(ann, 0, A.choice(4)) }; }, 'INVALID_ANSWER'],
    ['negative option', () => { const { g, ann } = open(); return { g, act: () => g.answer(ann, 0, A.choice(-1)) }; }, 'INVALID_ANSWER'],
    ['multi with a repeated pick', () => { const { g, ann } = open({}, [Q.multi()]); return { g, act: () => g.answer(ann, 0, A.choices(1, 1)) }; }, 'INVALID_ANSWER'],
    ['ordering that is no permutation', () => { const { g, ann } = open({}, [Q.ordering()]); return { g, act: () => g.answer(ann, 0, A.order(0, 0, 1)) }; }, 'INVALID_ANSWER'],
    ['slider out of range', () => { const { g, ann } = open({}, [Q.slider()]); return { g, act: () => g.answer(ann, 0, A.number(101)) }; }, 'INVALID_ANSWER'],
    ['empty type-answer', () => { const { g, ann } = open({}, [Q.typeAnswer()]); return { g, act: () => g.answer(ann, 0, A.text('  ')) }; }, 'INVALID_ANSWER'],
    ['late joiner on the question they joined during (read time)', () => {
      const { g } = reading({ allowLateJoin: true }); const cat = g.add('Cat'); g.toOpen(); return { g, act: () => g.answer(cat, 0, A.choice(0)) };
    }, 'NOT_ELIGIBLE'],
    ['late joiner on the question they joined during (open)', () => {
      const { g } = open({ allowLateJoin: true }); const cat = g.add('Cat'); return { g, act: () => g.answer(cat, 0, A.choice(0)) };
    }, 'NOT_ELIGIBLE'],
  ];
  it.each(titled(answer))('answer: %s', (...row) => expectRejected(row));

  const hostCommands = ['start', 'next', 'skip', 'end', 'kick', 'lock'] as const;
  const host = (g: TestGame, command: (typeof hostCommands)[number], hash: string, playerId = 'p1'): Decision => {
    switch (command) {
      case 'start': return g.start(hash);
      case 'next': return g.next(hash);
      case 'skip': return g.skip(hash);
      case 'end': return g.end(hash);
      case 'kick': return g.kick(playerId, hash);
      case 'lock': return g.lock(true, hash);
    }
  };
  const hostRows: Row[] = [
    ...hostCommands.flatMap((c): Row[] => [
      [`${c} with a wrong host hash (lobby)`, () => { const { g } = lobby(); return { g, act: () => host(g, c, 'not-the-host') }; }, 'UNAUTHORIZED'],
      [`${c} with a wrong host hash (open)`, () => { const { g } = open(); return { g, act: () => host(g, c, 'not-the-host') }; }, 'UNAUTHORIZED'],
      [`${c} with a player's token hash`, () => { const { g } = open(); return { g, act: () => host(g, c, 'token-p1') }; }, 'UNAUTHORIZED'],
      [`${c} with an empty hash`, () => { const { g } = lobby(); return { g, act: () => host(g, c, '') }; }, 'UNAUTHORIZED'],
      [`${c} after the end`, () => { const { g } = ended(); return { g, act: () => host(g, c, g.hostHash) }; }, 'GAME_ENDED'],
    ]),
    ['start twice', () => { const { g } = reading(); return { g, act: () => g.start() }; }, 'WRONG_PHASE'],
    ['start while a question is open', () => { const { g } = open(); return { g, act: () => g.start() }; }, 'WRONG_PHASE'],
    ['next in the lobby', () => { const { g } = lobby(); return { g, act: () => g.next() }; }, 'WRONG_PHASE'],
    ['next in read time', () => { const { g } = reading(); return { g, act: () => g.next() }; }, 'WRONG_PHASE'],
    ['next while open', () => { const { g } = open(); return { g, act: () => g.next() }; }, 'WRONG_PHASE'],
    ['skip in the lobby', () => { const { g } = lobby(); return { g, act: () => g.skip() }; }, 'WRONG_PHASE'],
    ['skip after the close', () => { const { g } = closed(); return { g, act: () => g.skip() }; }, 'WRONG_PHASE'],
    ['skip at the leaderboard', () => { const { g } = closed(); g.next(); return { g, act: () => g.skip() }; }, 'WRONG_PHASE'],
    ['start with nobody', () => { const g = new TestGame([Q.single()]); return { g, act: () => g.start() }; }, 'NO_PLAYERS'],
    ['start after every player was kicked', () => { const { g, ann, bob } = lobby(); g.kick(ann); g.kick(bob); return { g, act: () => g.start() }; }, 'NO_PLAYERS'],
    ['kick an unknown player', () => { const { g } = lobby(); return { g, act: () => g.kick('p99') }; }, 'UNKNOWN_PLAYER'],
    ['kick a kicked player', () => { const { g, bob } = open(); g.kick(bob); return { g, act: () => g.kick(bob) }; }, 'UNKNOWN_PLAYER'],
  ];
  it.each(titled(hostRows))('host: %s', (...row) => expectRejected(row));

  it('create on an existing game → WRONG_PHASE; any other command without a game → GAME_NOT_FOUND', () => {
    const { g } = lobby();
    const created = g.events[0];
    if (created?.type !== 'game.created') throw new Error('first event is not game.created');
    const again = decide(g.state, { type: 'create', gameId: g.gameId, ...created.data }, g.now);
    expect(again).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(decide(null, { type: 'tick' }, g.now)).toMatchObject({ ok: false, code: 'GAME_NOT_FOUND' });
    expect(decide(null, { type: 'join', playerId: 'x', nickname: 'X', tokenHash: 'x' }, g.now)).toMatchObject({ ok: false, code: 'GAME_NOT_FOUND' });
  });
});

describe('join', () => {
  it('trims and collapses the nickname and replies with the player id', () => {
    const g = new TestGame([Q.single()]);
    const d = TestGame.ok(g.join('  Ann \t  Lee  '));
    expect(d.reply).toEqual({ playerId: 'p1' });
    expect(d.events).toEqual([{ type: 'player.joined', data: { playerId: 'p1', nickname: 'Ann Lee', tokenHash: 'token-p1' } }]);
    expect(g.state.players.get('p1')?.nickname).toBe('Ann Lee');
  });

  it.each([
    ['24 characters', 'abcdefghijklmnopqrstuvwx'],
    ['24 emoji', '😀'.repeat(24)],
    ['24 letters written with combining accents (NFC makes 24)', 'e\u0301'.repeat(24)],
    ['accents and scripts', 'Zoë Ñandú 李'],
    ['an emoji with a variation selector', 'Ann ❤️'],
  ])('accepts %s', (_case, nickname) => {
    const g = new TestGame([Q.single()]);
    expect(g.join(nickname).ok).toBe(true);
    expect(g.state.activeCount).toBe(1);
  });

  it('names that only look alike in case folding stay distinct when they differ', () => {
    const { g } = lobby();
    expect(g.join('Anna').ok).toBe(true);
    expect(g.join('Bob2').ok).toBe(true);
  });

  it('a kicked player frees the nickname', () => {
    const { g, ann } = lobby();
    TestGame.ok(g.kick(ann));
    expect(TestGame.ok(g.join('ann')).events[0]).toMatchObject({ type: 'player.joined', data: { nickname: 'ann' } });
  });

  it('lock and unlock', () => {
    const { g } = lobby();
    expect(TestGame.ok(g.lock(true)).events).toEqual([{ type: 'game.locked', data: { locked: true } }]);
    expect(g.state.locked).toBe(true);
    expect(TestGame.ok(g.lock(true)).events).toEqual([]);
    expect(g.join('Cat')).toMatchObject({ ok: false, code: 'GAME_LOCKED' });
    expect(TestGame.ok(g.lock(false)).events).toEqual([{ type: 'game.locked', data: { locked: false } }]);
    expect(TestGame.ok(g.lock(false)).events).toEqual([]);
    expect(g.join('Cat').ok).toBe(true);
  });
});

describe('resume and disconnect', () => {
  it('a connected player resumes without events; a disconnected one is reconnected', () => {
    const { g, ann } = lobby();
    expect(TestGame.ok(g.resume(ann))).toEqual({ ok: true, events: [], reply: { playerId: ann } });
    expect(TestGame.ok(g.disconnect(ann)).events).toEqual([{ type: 'player.disconnected', data: { playerId: ann } }]);
    expect(g.state.connectedCount).toBe(1);
    expect(TestGame.ok(g.resume(ann)).events).toEqual([{ type: 'player.reconnected', data: { playerId: ann } }]);
    expect(g.state.connectedCount).toBe(2);
  });

  it.each([
    ['an unknown player', (g: TestGame) => g.disconnect('p99')],
    ['a player already disconnected', (g: TestGame) => (g.disconnect('p1'), g.disconnect('p1'))],
    ['a kicked player', (g: TestGame) => (g.kick('p1'), g.disconnect('p1'))],
    ['anyone after the end', (g: TestGame) => (g.end(), g.disconnect('p1'))],
  ])('disconnecting %s yields no events', (_case, act) => {
    const { g } = lobby();
    expect(TestGame.ok(act(g)).events).toEqual([]);
  });

  describe('presence across nodes (via: the node of the socket)', () => {
    it('a disconnect from a node the player has left is stale and changes nothing', () => {
      const g = new TestGame([Q.single(0)]);
      const ann = g.add('Ann', 'node-a');
      expect(g.state.players.get(ann)?.via).toBe('node-a');
      // Node A froze; the phone took its seat back on node B while A still held the old socket.
      expect(TestGame.ok(g.resume(ann, 'node-b')).events).toEqual([{ type: 'player.reconnected', data: { playerId: ann, via: 'node-b' } }]);
      expect(g.state.players.get(ann)?.via).toBe('node-b');
      expect(g.state.connectedCount).toBe(1);
      expect(TestGame.ok(g.disconnect(ann, 'node-a')).events).toEqual([]);
      expect(g.state.players.get(ann)?.connected).toBe(true);
      expect(TestGame.ok(g.disconnect(ann, 'node-b')).events).toEqual([{ type: 'player.disconnected', data: { playerId: ann } }]);
      expect(g.state.connectedCount).toBe(0);
    });

    it('a resume on the same node while connected changes nothing; after a disconnect it reconnects there', () => {
      const g = new TestGame([Q.single(0)]);
      const ann = g.add('Ann', 'node-a');
      expect(TestGame.ok(g.resume(ann, 'node-a')).events).toEqual([]);
      g.disconnect(ann, 'node-a');
      expect(TestGame.ok(g.resume(ann, 'node-a')).events).toEqual([{ type: 'player.reconnected', data: { playerId: ann, via: 'node-a' } }]);
      expect(g.state.players.get(ann)?.connected).toBe(true);
    });

    it('a stale disconnect cannot close an open question the player has not answered', () => {
      const g = new TestGame([Q.single(0), Q.single(1)]);
      const ann = g.add('Ann', 'node-a');
      const bob = g.add('Bob', 'node-a');
      TestGame.ok(g.start());
      g.toOpen(1_000);
      g.answer(bob, 0, A.choice(0));
      g.resume(ann, 'node-b');
      // Taken as real, this disconnect would leave Bob the only one connected, who has answered.
      expect(TestGame.ok(g.disconnect(ann, 'node-a')).events).toEqual([]);
      expect(g.state.phase).toBe('open');
    });
  });

  it('resume after the end yields no events but still identifies the player', () => {
    const { g, ann } = lobby();
    g.disconnect(ann);
    g.end();
    expect(TestGame.ok(g.resume(ann))).toEqual({ ok: true, events: [], reply: { playerId: ann } });
  });
});

describe('answers', () => {
  it('are accepted once: a resend, even with another answer, gets the original reply and no events', () => {
    const { g, ann } = open();
    const first = TestGame.ok(g.answer(ann, 0, A.choice(0)));
    expect(first.reply).toEqual({ index: 0, responseMs: 1_000 });
    expect(first.events.map((e) => e.type)).toEqual(['answer.accepted']);
    const seq = g.state.seq;
    g.advanceBy(2_000);
    expect(g.answer(ann, 0, A.choice(0))).toEqual({ ok: true, events: [], reply: { index: 0, responseMs: 1_000 } });
    expect(g.answer(ann, 0, A.choice(3))).toEqual({ ok: true, events: [], reply: { index: 0, responseMs: 1_000 } });
    expect(g.state.seq).toBe(seq);
    g.toClose();
    // A retry after the close (e.g. after a reconnect) still gets the original ack, not LATE.
    expect(g.answer(ann, 0, A.choice(2))).toEqual({ ok: true, events: [], reply: { index: 0, responseMs: 1_000 } });
    expect(g.state.players.get(ann)?.score).toBe(975);
    expect(g.events.filter((e) => e.type === 'answer.accepted')).toHaveLength(1);
  });

  it('carry the grade, points and streak computed on the server clock', () => {
    const { g, ann, bob } = open({}, [Q.single(0)]);
    g.advanceTo(g.state.current!.opensAt + 10_000);
    const a = TestGame.ok(g.answer(ann, 0, A.choice(0)));
    expect(a.events[0]).toEqual({
      type: 'answer.accepted',
      data: { playerId: ann, index: 0, answer: A.choice(0), responseMs: 10_000, grade: 'correct', points: 750, streak: 1 },
    });
    const b = TestGame.ok(g.answer(bob, 0, A.choice(1)));
    expect(b.events[0]).toMatchObject({ data: { playerId: bob, grade: 'wrong', points: 0, streak: 0 } });
  });

  it('open only at opensAt, after the read time', () => {
    const { g, ann } = lobby();
    const t0 = g.now;
    const started = TestGame.ok(g.start());
    expect(started.events).toEqual([
      { type: 'game.started', data: {} },
      { type: 'question.shown', data: { index: 0, opensAt: t0 + READ, closesAt: t0 + READ + LIMIT } },
    ]);
    expect(g.state.phase).toBe('reading');
    expect(nextDeadline(g.state)).toBe(t0 + READ);
    expect(TestGame.ok(g.advanceTo(t0 + READ - 1)).events).toEqual([]);
    expect(g.answer(ann, 0, A.choice(0))).toMatchObject({ ok: false, code: 'NOT_OPEN' });
    expect(TestGame.ok(g.advanceTo(t0 + READ)).events).toEqual([{ type: 'question.opened', data: { index: 0 } }]);
    expect(nextDeadline(g.state)).toBe(t0 + READ + LIMIT);
    expect(TestGame.ok(g.answer(ann, 0, A.choice(0))).reply).toEqual({ index: 0, responseMs: 0 });
  });

  it('read time 0: the question opens at the moment it is shown', () => {
    const { g, ann } = lobby({}, [Q.single(0, { readMs: 0 })]);
    const t0 = g.now;
    expect(TestGame.ok(g.start()).events[1]).toEqual({ type: 'question.shown', data: { index: 0, opensAt: t0, closesAt: t0 + LIMIT } });
    expect(nextDeadline(g.state)).toBe(t0);
    expect(TestGame.ok(g.advanceTo(t0)).events).toEqual([{ type: 'question.opened', data: { index: 0 } }]);
    expect(TestGame.ok(g.answer(ann, 0, A.choice(0))).reply).toEqual({ index: 0, responseMs: 0 });
  });

  it('a tick late past both moments opens and closes in one go', () => {
    const { g } = reading();
    const { closesAt } = g.state.current!;
    expect(TestGame.ok(g.advanceTo(closesAt + 5)).events).toEqual([
      { type: 'question.opened', data: { index: 0 } },
      { type: 'question.closed', data: { index: 0, reason: 'deadline' } },
    ]);
    expect(nextDeadline(g.state)).toBeNull();
    expect(TestGame.ok(g.advanceBy(10_000)).events).toEqual([]);
  });

  it('nothing waits on the clock in the lobby, after a close, at the leaderboard and after the end', () => {
    const { g } = lobby();
    expect(nextDeadline(g.state)).toBeNull();
    expect(TestGame.ok(g.advanceBy(100_000)).events).toEqual([]);
    g.start();
    g.toClose();
    expect(nextDeadline(g.state)).toBeNull();
    g.next();
    expect(nextDeadline(g.state)).toBeNull();
    g.end();
    expect(nextDeadline(g.state)).toBeNull();
  });
});

describe('closing when every connected player has answered', () => {
  it('closes with the last answer', () => {
    const { g, ann, bob } = open();
    expect(TestGame.ok(g.answer(ann, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted']);
    expect(g.state.phase).toBe('open');
    expect(TestGame.ok(g.answer(bob, 0, A.choice(1))).events).toEqual([
      expect.objectContaining({ type: 'answer.accepted' }),
      { type: 'question.closed', data: { index: 0, reason: 'all-answered' } },
    ]);
    expect(g.state.phase).toBe('closed');
  });

  it('a disconnected player does not hold it open', () => {
    const { g, ann, bob, cat } = openTrio();
    g.disconnect(cat);
    g.answer(ann, 0, A.choice(0));
    expect(TestGame.ok(g.answer(bob, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted', 'question.closed']);
  });

  it('a connected player who has not answered holds it open', () => {
    const { g, ann, bob, cat } = openTrio();
    g.answer(ann, 0, A.choice(0));
    g.answer(bob, 0, A.choice(0));
    expect(g.state.phase).toBe('open');
    expect(TestGame.ok(g.answer(cat, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted', 'question.closed']);
  });

  it.each([
    ['disconnect', (g: TestGame, id: string) => g.disconnect(id), 'player.disconnected'],
    ['kick', (g: TestGame, id: string) => g.kick(id), 'player.kicked'],
  ])('a %s of the last player who has not answered closes it', (_case, act, eventType) => {
    const { g, ann, bob } = open();
    g.answer(ann, 0, A.choice(0));
    expect(TestGame.ok(act(g, bob)).events).toEqual([
      { type: eventType, data: { playerId: bob } },
      { type: 'question.closed', data: { index: 0, reason: 'all-answered' } },
    ]);
    expect(g.state.phase).toBe('closed');
  });

  it.each([
    ['disconnect', (g: TestGame, id: string) => g.disconnect(id)],
    ['kick', (g: TestGame, id: string) => g.kick(id)],
  ])('a %s of a player who answered does not close it while another has not', (_case, act) => {
    const { g, ann } = open();
    g.answer(ann, 0, A.choice(0));
    expect(TestGame.ok(act(g, ann)).events).toHaveLength(1);
    expect(g.state.phase).toBe('open');
  });

  it.each([
    ['disconnect', (g: TestGame, id: string) => g.disconnect(id)],
    ['kick', (g: TestGame, id: string) => g.kick(id)],
  ])('a %s of a non-answerer does not close it while another non-answerer remains', (_case, act) => {
    const { g, ann, bob } = openTrio();
    g.answer(ann, 0, A.choice(0));
    expect(TestGame.ok(act(g, bob)).events).toHaveLength(1);
    expect(g.state.phase).toBe('open');
  });

  it('a kick of a disconnected non-answerer does not close it by itself', () => {
    const { g, ann, bob, cat } = openTrio();
    g.disconnect(cat);
    g.answer(ann, 0, A.choice(0));
    expect(TestGame.ok(g.kick(cat)).events).toEqual([{ type: 'player.kicked', data: { playerId: cat } }]);
    expect(TestGame.ok(g.answer(bob, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted', 'question.closed']);
  });

  it('a player who answered and left no longer counts as an answer from a connected player', () => {
    const { g, ann, bob, cat } = openTrio();
    g.answer(ann, 0, A.choice(0));
    g.disconnect(ann);
    expect(g.state.current).toMatchObject({ answered: 1, answeredConnected: 0 });
    // Bob and Cat are the connected players; Bob's answer alone must not close it.
    expect(TestGame.ok(g.answer(bob, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted']);
    expect(g.state.phase).toBe('open');
    // Ann comes back: her answer counts again, and Cat's closes the question.
    g.resume(ann);
    expect(g.state.current).toMatchObject({ answered: 2, answeredConnected: 2 });
    expect(TestGame.ok(g.answer(cat, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted', 'question.closed']);
  });

  it('when everyone has disconnected it waits for the deadline', () => {
    const { g, ann, bob } = open();
    g.disconnect(ann);
    expect(TestGame.ok(g.disconnect(bob)).events).toHaveLength(1);
    expect(g.state.phase).toBe('open');
    expect(TestGame.ok(g.toClose()).events).toEqual([{ type: 'question.closed', data: { index: 0, reason: 'deadline' } }]);
  });

  it('in read time a disconnect closes nothing', () => {
    const { g, bob } = reading();
    expect(TestGame.ok(g.disconnect(bob)).events).toHaveLength(1);
    expect(g.state.phase).toBe('reading');
  });

  it('an answer from a player marked disconnected reconnects them first', () => {
    const { g, ann, bob } = open();
    g.disconnect(bob);
    expect(TestGame.ok(g.answer(bob, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['player.reconnected', 'answer.accepted']);
    expect(g.state.connectedCount).toBe(2);
    expect(g.state.phase).toBe('open');
    expect(TestGame.ok(g.answer(ann, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted', 'question.closed']);
  });

  it('with everyone marked disconnected, the one answer that comes in closes it', () => {
    const { g, ann, bob } = open();
    g.disconnect(ann);
    g.disconnect(bob);
    expect(TestGame.ok(g.answer(bob, 0, A.choice(0))).events.map((e) => e.type)).toEqual([
      'player.reconnected',
      'answer.accepted',
      'question.closed',
    ]);
  });

  it('late joiners sitting the question out do not hold it open', () => {
    const { g, ann, bob } = open({ allowLateJoin: true });
    g.add('Cat');
    g.answer(ann, 0, A.choice(0));
    expect(TestGame.ok(g.answer(bob, 0, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted', 'question.closed']);
  });
});

describe('host flow', () => {
  it.each([
    ['read time', reading],
    ['open', open],
  ])('skip in %s closes the question as skipped', (_case, setup) => {
    const { g, ann } = setup();
    expect(TestGame.ok(g.skip())).toEqual({ ok: true, events: [{ type: 'question.closed', data: { index: 0, reason: 'skipped' } }], reply: {} });
    expect(g.state.phase).toBe('closed');
    expect(nextDeadline(g.state)).toBeNull();
    expect(g.answer(ann, 0, A.choice(0))).toMatchObject({ ok: false, code: 'LATE' });
  });

  it('next: leaderboard → next question → … → game.ended(finished)', () => {
    const { g, ann, bob } = lobby({}, [Q.single(0), Q.single(1), Q.single(2)]);
    const from = g.state.seq;
    g.start();
    for (let i = 0; i < 3; i += 1) {
      expect(g.state.questionIndex).toBe(i);
      g.toOpen();
      g.answer(ann, i, A.choice(i));
      g.answer(bob, i, A.choice(3));
      expect(g.state.phase).toBe('closed');
      expect(TestGame.ok(g.next()).events).toEqual([{ type: 'leaderboard.shown', data: { index: i } }]);
      expect(g.state.phase).toBe('leaderboard');
      const after = TestGame.ok(g.next()).events;
      if (i < 2) expect(after).toEqual([{ type: 'question.shown', data: { index: i + 1, opensAt: g.now + READ, closesAt: g.now + READ + LIMIT } }]);
      else expect(after).toEqual([{ type: 'game.ended', data: { reason: 'finished' } }]);
    }
    expect(g.typesSince(from)).toEqual([
      'game.started',
      ...['question.shown', 'question.opened', 'answer.accepted', 'answer.accepted', 'question.closed', 'leaderboard.shown'],
      ...['question.shown', 'question.opened', 'answer.accepted', 'answer.accepted', 'question.closed', 'leaderboard.shown'],
      ...['question.shown', 'question.opened', 'answer.accepted', 'answer.accepted', 'question.closed', 'leaderboard.shown'],
      'game.ended',
    ]);
    expect(g.state.phase).toBe('ended');
    expect(g.state.endReason).toBe('finished');
    expect(g.state.players.get(ann)?.score).toBe(1000 + 1100 + 1200);
  });

  it.each([
    ['lobby', lobby],
    ['read time', reading],
    ['open', open],
    ['closed', closed],
  ])('end in the %s ends the game (host)', (_case, setup) => {
    const { g } = setup();
    expect(TestGame.ok(g.end()).events).toEqual([{ type: 'game.ended', data: { reason: 'host' } }]);
    expect(g.state.phase).toBe('ended');
    expect(g.state.endReason).toBe('host');
    expect(nextDeadline(g.state)).toBeNull();
  });

  it('expire ends an idle game once', () => {
    const { g } = reading();
    expect(TestGame.ok(g.run({ type: 'expire' })).events).toEqual([{ type: 'game.ended', data: { reason: 'idle' } }]);
    expect(g.state.endReason).toBe('idle');
    expect(TestGame.ok(g.run({ type: 'expire' })).events).toEqual([]);
  });

  it('kick in the lobby removes the player', () => {
    const { g, bob } = lobby();
    expect(TestGame.ok(g.kick(bob)).events).toEqual([{ type: 'player.kicked', data: { playerId: bob } }]);
    expect(g.state.activeCount).toBe(1);
    expect(g.state.connectedCount).toBe(1);
  });
});

describe('late join', () => {
  it('with allowLateJoin a player joins mid-question and plays from the next question', () => {
    const { g, ann, bob } = open({ allowLateJoin: true });
    const cat = g.add('Cat');
    expect(g.state.players.get(cat)?.joinedDuring).toBe(0);
    expect(g.answer(cat, 0, A.choice(0))).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    g.answer(ann, 0, A.choice(0));
    g.answer(bob, 0, A.choice(0));
    expect(g.state.phase).toBe('closed');
    // The question sat out counts its full time for the tie-break, as a miss would.
    expect(g.state.players.get(cat)).toMatchObject({ score: 0, streak: 0, totalResponseMs: 20_000 });
    g.next();
    g.next();
    g.toOpen();
    const d = TestGame.ok(g.answer(cat, 1, A.choice(1)));
    expect(d.events[0]).toMatchObject({ type: 'answer.accepted', data: { playerId: cat, grade: 'correct', points: 1000 } });
    g.answer(ann, 1, A.choice(0));
    expect(TestGame.ok(g.answer(bob, 1, A.choice(0))).events.map((e) => e.type)).toEqual(['answer.accepted', 'question.closed']);
    expect(g.state.players.get(cat)?.score).toBe(1000);
  });

  it('a player who joins at the leaderboard plays the next question', () => {
    const { g } = closed({ allowLateJoin: true });
    g.next();
    const cat = g.add('Cat');
    g.next();
    g.toOpen();
    expect(g.answer(cat, 1, A.choice(1)).ok).toBe(true);
  });
});

describe('decide is pure', () => {
  it('never changes the state it is given, accepted or not', () => {
    const { g, ann } = open();
    const before = snapshotState(g.state);
    for (const c of [
      { type: 'answer', playerId: ann, index: 0, answer: A.choice(0) },
      { type: 'skip', hostTokenHash: g.hostHash },
      { type: 'end', hostTokenHash: g.hostHash },
      { type: 'kick', hostTokenHash: g.hostHash, playerId: ann },
      { type: 'tick' },
      { type: 'disconnect', playerId: ann },
    ] as const) {
      expect(decide(g.state, c, g.now).ok).toBe(true);
    }
    expect(snapshotState(g.state)).toEqual(before);
  });
});
