import type { Answer, PlayerView, QuizInput, ScreenView } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import type { Frame, TestClient } from '../support/test-client.ts';
import {
  allTypesQuiz,
  ANSWER_KEYS,
  errorCode,
  attachDisplay,
  hasArray,
  hasNumber,
  hostGame,
  joinPlayer,
  type JoinedPlayer,
  keysIn,
  ok,
  openQuestion,
  SECRETS,
  singleQuiz,
  TYPES,
  useServer,
} from './helpers.ts';

/** Frames of one question's run: from its question.shown up to (not including) its question.closed. */
function questionWindow(c: TestClient, index: number): Frame[] {
  const shown = c.frames.findIndex((f) => f.name === 'question.shown' && (f.payload as { index: number }).index === index);
  const closed = c.frames.findIndex((f) => f.name === 'question.closed' && (f.payload as { reveal: { index: number } }).reveal.index === index);
  expect(shown).toBeGreaterThanOrEqual(0);
  expect(closed).toBeGreaterThan(shown);
  return c.frames.slice(shown, closed);
}

/** Every frame before the question's close (earlier questions included). */
function beforeClose(c: TestClient, index: number): Frame[] {
  const closed = c.frames.findIndex((f) => f.name === 'question.closed' && (f.payload as { reveal: { index: number } }).reveal.index === index);
  expect(closed).toBeGreaterThan(0);
  return c.frames.slice(0, closed);
}

/** A copy of a frame list without the anonymous type-answer tally of reveals. */
function withoutTextTallies(frames: Frame[]): unknown {
  return JSON.parse(JSON.stringify(frames), (k, v) => (k === 'texts' ? undefined : v));
}

describe('no leaks: correct answers never reach players or displays before the close', () => {
  const h = useServer();

  it('keeps every question type secret until question.closed and never shows a player another player\'s answer', async () => {
    const { game, host } = await hostGame(h, allTypesQuiz(2, 20));
    const display = await attachDisplay(h, game.pin);
    const ann = await joinPlayer(h, game.pin, 'Ann');
    const bob = await joinPlayer(h, game.pin, 'Bob');
    const watchers = { ann: ann.client, bob: bob.client, display: display.client };
    const midViews: Array<{ who: string; index: number; view: PlayerView | ScreenView }> = [];
    const solutions: number[][] = [];
    ok(await host.send('host.start', {}));

    for (let i = 0; i < TYPES.length; i += 1) {
      const shown = await openQuestion(h, host, i);
      expect(shown.question.type).toBe(TYPES[i]);
      // Ordering items are never shown in their correct order.
      if (shown.question.type === 'ordering') {
        expect(shown.question.items).toHaveLength(4);
        expect(shown.question.items).not.toEqual(SECRETS.orderingItems);
        solutions[i] = SECRETS.orderingItems.map((item) => shown.question.items!.indexOf(item));
      }
      const [annAnswer, bobAnswer] = answersFor(i, solutions[i]);
      ok(await ann.client.send('answer.submit', { index: i, answer: annAnswer }));
      // Mid-question views (as after a refresh) must not carry the answer either.
      for (const [who, c] of Object.entries(watchers)) midViews.push({ who, index: i, view: ok(await c.send('view.snapshot', {})).view });
      await h.server.clock.advance(300);
      ok(await bob.client.send('answer.submit', { index: i, answer: bobAnswer }));
      // Both answered: the question closes by itself.
      const closed = await host.next('question.closed', (m) => m.reveal.index === i);
      if (i === 5) expect(closed.reveal.correct).toEqual({ type: 'ordering', order: solutions[i] });
      for (const c of Object.values(watchers)) await c.next('question.closed', (m) => m.reveal.index === i);
      // After the close too, a player's view has the reveal without the typed answers of others.
      if (TYPES[i] === 'type-answer') {
        const annView = ok(await ann.client.send('view.snapshot', {})).view;
        expect(annView.reveal?.correct).toMatchObject({ type: 'type-answer' });
        expect(keysIn(annView).has('texts')).toBe(false);
        expect(JSON.stringify(annView)).not.toContain('Timbuktu');
        expect(JSON.stringify(ok(await display.client.send('view.snapshot', {})).view)).toContain('Timbuktu');
      }
      ok(await host.send('host.next', {}));
      ok(await host.send('host.next', {}));
    }
    for (const c of Object.values(watchers)) await c.next('game.ended');

    for (let i = 0; i < TYPES.length; i += 1) {
      for (const [who, c] of Object.entries(watchers)) {
        const window = questionWindow(c, i);
        const label = `${who}, question ${i} (${TYPES[i]})`;
        // Only the question, its opening and the throttled counts/lists go out while it runs.
        for (const f of window) expect(['question.shown', 'question.opened', 'answers.counted', 'players.updated'], label).toContain(f.name);
        const keys = keysIn(window);
        for (const k of ANSWER_KEYS) expect(keys.has(k), `${label}: key "${k}" before the close`).toBe(false);
        const before = beforeClose(c, i);
        const text = JSON.stringify(before);
        expect(text, label).not.toContain(SECRETS.explanations[i]);
        if (TYPES[i] === 'type-answer') {
          for (const s of SECRETS.typeAccepted) expect(text.toLowerCase(), label).not.toContain(s.toLowerCase());
        }
        if (TYPES[i] === 'slider') expect(hasNumber(before, SECRETS.sliderCorrect), label).toBe(false);
        if (TYPES[i] === 'ordering') expect(hasArray(window, solutions[i]!), label).toBe(false);
        if (TYPES[i] === 'multi') expect(hasArray(window, SECRETS.multiCorrect), label).toBe(false);
        // After the close, the reveal carries the answer to everyone.
        const closed = c.frames.find((f) => f.name === 'question.closed' && (f.payload as { reveal: { index: number } }).reveal.index === i);
        expect(keysIn(closed!.payload).has('correct'), label).toBe(true);
      }
    }
    for (const { who, index, view } of midViews) {
      const keys = keysIn(view);
      for (const k of ANSWER_KEYS) expect(keys.has(k), `${who}'s snapshot during question ${index}: key "${k}"`).toBe(false);
      expect(view.phase).toBe('open');
      if (view.role === 'player' && view.myAnswer) expect(Object.keys(view.myAnswer).sort()).toEqual(['index', 'responseMs']);
    }

    // Typed answers (which may be anything a classmate typed) go to the screens only: host and
    // display get the tally of the type-answer reveal, no phone ever does.
    for (const screen of [host, display.client]) {
      const typed = screen.all('question.closed').find((m) => m.reveal.index === TYPES.indexOf('type-answer'));
      expect(typed?.reveal.distribution.texts?.map((t) => t.text).sort()).toEqual(['OUAGADOUGOU', 'Timbuktu']);
    }
    for (const c of [ann.client, bob.client]) expect(keysIn(c.frames).has('texts')).toBe(false);

    // No player frame carries the other player's answer. Bob's distinctive answers never reach
    // Ann, and Ann's never reach Bob.
    const annText = JSON.stringify(withoutTextTallies(ann.client.frames));
    expect(annText).not.toContain('Timbuktu');
    expect(hasNumber(ann.client.frames, 12.5)).toBe(false);
    expect(hasArray(ann.client.frames, [...solutions[5]!].reverse())).toBe(false);
    expect(hasArray(ann.client.frames, [1, 3])).toBe(false);
    expect(JSON.stringify(withoutTextTallies(bob.client.frames))).not.toContain('OUAGADOUGOU');
    for (const c of [ann.client, bob.client]) {
      for (const f of c.frames) {
        walkTexts(f.payload, (entry) => expect(Object.keys(entry).sort()).toEqual(['correct', 'count', 'text']));
        // Frames naming players (leaderboards) never pair them with an answer.
        expect(keysIn(f.payload).has('answer')).toBe(false);
        expect(keysIn(f.payload).has('myAnswer')).toBe(false);
      }
    }
    // Personal results went to their owner only: Ann was right every time, Bob wrong every time.
    expect(ann.client.results().map((m) => m.result.grade)).toEqual(['correct', 'correct', 'correct', 'correct', 'correct', 'correct', 'poll']);
    expect(bob.client.results().map((m) => m.result.grade)).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'poll']);
    expect(display.client.results()).toHaveLength(0);
    expect(display.client.all('player.final')).toHaveLength(0);
    const annFinal = await ann.client.next('player.final');
    const bobFinal = await bob.client.next('player.final');
    expect(annFinal.rank).toBe(1);
    expect(bobFinal).toMatchObject({ rank: 2, score: 0 });
  });

  it('gives host and display a few answered-counts while five players answer, never the answers', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'count', 0, 20));
    const display = await attachDisplay(h, game.pin);
    const players: JoinedPlayer[] = [];
    for (const name of ['P1', 'P2', 'P3', 'P4', 'P5']) players.push(await joinPlayer(h, game.pin, name));
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    const choices = [0, 1, 2, 0, 1];
    const answer = (n: number) => players[n]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: choices[n]! } });
    ok(await answer(0));
    ok(await answer(1));
    await h.server.clock.advance(250);
    const first = await host.next('answers.counted', (m) => m.answered === 2);
    ok(await answer(2));
    ok(await answer(3));
    await h.server.clock.advance(250);
    await host.next('answers.counted', (m) => m.answered === 4);
    ok(await answer(4));
    await host.next('question.closed');
    await display.client.next('question.closed');

    expect(first).toEqual({ seq: expect.any(Number), index: 0, answered: 2, total: 5 });
    for (const screen of [host, display.client]) {
      const window = questionWindow(screen, 0);
      const counts = window.filter((f) => f.name === 'answers.counted');
      // Two paced counts for five answers, not one message per answer.
      expect(counts.map((f) => (f.payload as { answered: number }).answered)).toEqual([2, 4]);
      for (const f of counts) expect(Object.keys(f.payload as object).sort()).toEqual(['answered', 'index', 'seq', 'total']);
      for (const f of window) {
        expect(['question.shown', 'question.opened', 'answers.counted', 'players.updated']).toContain(f.name);
        const keys = keysIn(f.payload);
        for (const k of ANSWER_KEYS) expect(keys.has(k), `${f.name} carries "${k}"`).toBe(false);
      }
    }
    // The distribution comes once, at the close.
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 5, total: 5, correct: 2, options: [2, 2, 1] });
  });
});

/** Ann answers right (her text tagged so it is recognisable), Bob wrong with distinctive values. */
function answersFor(index: number, solution: number[] | undefined): [Answer, Answer] {
  switch (TYPES[index]) {
    case 'single':
      return [{ kind: 'choice', choice: 1 }, { kind: 'choice', choice: 3 }];
    case 'multi':
      return [{ kind: 'choices', choices: [0, 2] }, { kind: 'choices', choices: [1, 3] }];
    case 'true-false':
      return [{ kind: 'choice', choice: 0 }, { kind: 'choice', choice: 1 }];
    case 'type-answer':
      return [{ kind: 'text', text: '  OUAGADOUGOU ' }, { kind: 'text', text: 'Timbuktu' }];
    case 'slider':
      return [{ kind: 'number', value: 73.25 }, { kind: 'number', value: 12.5 }];
    case 'ordering':
      return [{ kind: 'order', order: solution! }, { kind: 'order', order: [...solution!].reverse() }];
    default:
      return [{ kind: 'choice', choice: 0 }, { kind: 'choice', choice: 2 }];
  }
}

/** Calls fn for every entry of a reveal's type-answer tally. */
function walkTexts(payload: unknown, fn: (entry: object) => void): void {
  const texts = (payload as { reveal?: { distribution?: { texts?: object[] } } }).reveal?.distribution?.texts;
  for (const t of texts ?? []) fn(t);
}

describe('no leaks: what students type reaches the big screen only through the filter and the host', () => {
  const h = useServer();
  const quiz: QuizInput = {
    title: 'Integration: free text',
    readTimeSec: 1,
    questions: [
      { type: 'word-cloud', text: 'One word for an event log' },
      { type: 'open-answer', text: 'What is an event?' },
    ],
  };
  const text = (frames: Frame[]) => JSON.stringify(frames);

  it('keeps filtered words off every screen, hidden words and unapproved answers off the display, and all of it off the phones', async () => {
    const { game, host } = await hostGame(h, quiz);
    const display = await attachDisplay(h, game.pin);
    const [ann, bob, cat] = [await joinPlayer(h, game.pin, 'Ann'), await joinPlayer(h, game.pin, 'Bob'), await joinPlayer(h, game.pin, 'Cat')];
    const say = (p: JoinedPlayer, index: number, t: string) => p.client.send('answer.submit', { index, answer: { kind: 'text', text: t } });
    ok(await host.send('host.start', {}));

    // Word cloud: two spellings of one word merge; the filter's catch is accepted but shown nowhere.
    await openQuestion(h, host, 0);
    ok(await say(ann, 0, 'Zébra'));
    ok(await say(bob, 0, ' ZEBRA '));
    ok(await say(cat, 0, 'shitbird'));
    await h.server.clock.advance(250);
    const cloud = await display.client.next('wall.updated', (m) => m.wall.words?.length === 1);
    expect(cloud.wall).toEqual({ index: 0, words: [{ key: 'zebra', text: 'Zébra', count: 2 }] });
    const hostCloud = await host.next('wall.updated', (m) => m.wall.index === 0 && m.wall.blocked === 1);
    expect(hostCloud.wall.words).toEqual([{ key: 'zebra', text: 'Zébra', count: 2, hidden: false }]);
    ok(await host.send('host.hideWord', { index: 0, word: 'zebra', hidden: true }));
    await h.server.clock.advance(250);
    expect((await display.client.next('wall.updated', (m) => m.wall.words?.length === 0)).wall.words).toEqual([]);
    // Everyone answered: the question closed by itself; the host moderates the cloud after the close too.
    await display.client.next('question.closed');
    ok(await host.send('host.next', {}));
    ok(await host.send('host.next', {}));

    // Open answer: the display sees only what the host approved.
    await openQuestion(h, host, 1);
    ok(await say(ann, 1, 'A fact that happened'));
    ok(await say(bob, 1, 'Secret thought of Bob'));
    ok(await say(cat, 1, 'shit happens'));
    await h.server.clock.advance(250);
    const pending = await host.next('wall.updated', (m) => m.wall.index === 1 && (m.wall.answers?.length ?? 0) === 2);
    expect(pending.wall).toEqual({
      index: 1,
      blocked: 1,
      answers: [
        { playerId: ann.playerId, text: 'A fact that happened', approved: false },
        { playerId: bob.playerId, text: 'Secret thought of Bob', approved: false },
      ],
    });
    expect(errorCode(await host.send('host.approveAnswer', { index: 1, playerId: cat.playerId, approved: true }))).toBe('UNKNOWN_ANSWER');
    expect(errorCode(await display.client.send('host.approveAnswer', { index: 1, playerId: bob.playerId, approved: true }))).toBe('FORBIDDEN');
    expect(errorCode(await ann.client.send('host.approveAnswer', { index: 1, playerId: ann.playerId, approved: true }))).toBe('FORBIDDEN');
    ok(await host.send('host.approveAnswer', { index: 1, playerId: ann.playerId, approved: true }));
    await h.server.clock.advance(250);
    const shown = await display.client.next('wall.updated', (m) => m.wall.index === 1 && (m.wall.answers?.length ?? 0) === 1);
    expect(shown.wall).toEqual({ index: 1, answers: [{ playerId: ann.playerId, text: 'A fact that happened' }] });
    await display.client.next('question.closed', (m) => m.reveal.index === 1);
    const snapshot = ok(await display.client.send('view.snapshot', {}));
    expect((snapshot.view as ScreenView).wall).toEqual(shown.wall);

    // Nothing filtered anywhere; nothing unapproved or hidden on the display after its hiding; no phone hears anyone's text.
    for (const c of [host, display.client, ann.client, bob.client, cat.client]) expect(text(c.frames)).not.toMatch(/shit/i);
    const afterHide = display.client.frames.slice(display.client.frames.findIndex((f) => f.name === 'wall.updated' && (f.payload as { wall: { words?: unknown[] } }).wall.words?.length === 0));
    expect(text(afterHide)).not.toMatch(/z[eé]bra/i);
    expect(text(display.client.frames)).not.toContain('Secret thought');
    for (const p of [ann, bob, cat]) {
      expect(p.client.frames.some((f) => f.name === 'wall.updated')).toBe(false);
      expect(text(p.client.frames)).not.toMatch(/Secret thought|A fact that happened|z[eé]bra/i);
    }
  });
});
