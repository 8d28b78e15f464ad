import { describe, expect, it } from 'vitest';
import type { ErrorCode, GameQuestion } from '@quizbus/shared';
import type { Decision } from './commands.ts';
import { replay } from './evolve.ts';
import { playerView, screenView } from './projections.ts';
import { responseWall } from './responses.ts';
import { A, Q, TestGame, snapshotState } from './test-game.ts';

/** Players p1…pn in the lobby, then the first question open 1 s in. */
function openWith(questions: GameQuestion[], names: string[]) {
  const g = new TestGame(questions);
  const ids = names.map((n) => g.add(n));
  TestGame.ok(g.start());
  g.toOpen(1_000);
  return { g, ids };
}

const cloudOf = (g: TestGame, role: 'host' | 'display') => responseWall(g.state, role)?.words?.map((w) => [w.text, w.count, ...(w.hidden ? ['hidden'] : [])]);

describe('word cloud: merging', () => {
  const rows: Array<[string, string[], Array<[string, number]>]> = [
    ['case and accents merge, the first spelling shows', ['Café', 'cafe', ' CAFÉ '], [['Café', 3]]],
    ['different words stay apart, most frequent first', ['Redis', 'Kafka', 'kafka'], [['Kafka', 2], ['Redis', 1]]],
    ['spaces inside a word do not split it', ['ice cream', 'Ice  Cream', 'icecream'], [['ice cream', 3]]],
    ['full-width letters merge with plain ones', ['ＫＡＦＫＡ', 'kafka'], [['ＫＡＦＫＡ', 2]]],
    ['umlauts fold like other accents', ['Zürich', 'ZURICH', 'zurich'], [['Zürich', 3]]],
    ['equal counts in a stable order', ['b', 'a'], [['a', 1], ['b', 1]]],
  ];
  it.each(rows)('%s', (_name, typed, cloud) => {
    const { g, ids } = openWith([Q.wordCloud()], typed.map((_, i) => `P${i}`));
    typed.forEach((text, i) => TestGame.ok(g.answer(ids[i] as string, 0, A.text(text))));
    expect(cloudOf(g, 'display')).toEqual(cloud);
    expect(cloudOf(g, 'host')).toEqual(cloud);
  });

  const refused: Array<[string, string]> = [
    ['only spaces', '   '],
    ['longer than 40 characters', 'x'.repeat(41)],
  ];
  it.each(refused)('refuses a word of %s with INVALID_ANSWER and changes nothing', (_name, text) => {
    const { g, ids } = openWith([Q.wordCloud()], ['Ann', 'Bob']);
    const before = g.state.seq;
    const d = g.answer(ids[0] as string, 0, A.text(text));
    expect(d.ok ? 'accepted' : d.code).toBe('INVALID_ANSWER');
    expect(g.state.seq).toBe(before);
  });

  it('keeps a filtered word off every screen but accepts it, so nobody can probe the list', () => {
    const { g, ids } = openWith([Q.wordCloud()], ['Ann', 'Bob', 'Cat']);
    TestGame.ok(g.answer(ids[0] as string, 0, A.text('Kafka')));
    expect(TestGame.ok(g.blockedAnswer(ids[1] as string, 0, 'rude')).reply.index).toBe(0);
    expect(g.state.players.get(ids[1] as string)?.answers[0]?.blocked).toBe(true);
    // Never recorded, like a caught nickname: the log holds an empty text.
    expect(JSON.stringify(g.events)).not.toContain('rude');
    expect(cloudOf(g, 'display')).toEqual([['Kafka', 1]]);
    expect(responseWall(g.state, 'host')?.blocked).toBe(1);
    expect(responseWall(g.state, 'display')?.blocked).toBeUndefined();
  });
});

describe('word cloud: the host hides a word', () => {
  it('hides it from the display in any spelling, keeps it marked on the host, and puts it back', () => {
    const { g, ids } = openWith([Q.wordCloud()], ['Ann', 'Bob', 'Cat']);
    for (const [i, w] of ['Kafka', 'kafka', 'Redis'].entries()) TestGame.ok(g.answer(ids[i] as string, 0, A.text(w)));
    TestGame.ok(g.hideWord(0, 'KÁFKA'));
    expect(cloudOf(g, 'display')).toEqual([['Redis', 1]]);
    expect(cloudOf(g, 'host')).toEqual([['Kafka', 2, 'hidden'], ['Redis', 1]]);
    // A repeat changes nothing (no event), and a later answer of that word stays hidden.
    const seq = g.state.seq;
    expect(TestGame.ok(g.hideWord(0, 'kafka')).events).toEqual([]);
    expect(g.state.seq).toBe(seq);
    TestGame.ok(g.hideWord(0, 'kafka', false));
    expect(cloudOf(g, 'display')).toEqual([['Kafka', 2], ['Redis', 1]]);
  });

  type Row = [string, (g: TestGame) => Decision, ErrorCode];
  const rows: Row[] = [
    ['by someone without the host token', (g) => g.hideWord(0, 'kafka', true, 'wrong'), 'UNAUTHORIZED'],
    ['for a question not on screen', (g) => g.hideWord(1, 'kafka'), 'WRONG_PHASE'],
    ['on an open-answer question', (g) => (TestGame.ok(g.skip()), TestGame.ok(g.next()), TestGame.ok(g.next()), g.hideWord(1, 'kafka')), 'WRONG_PHASE'],
    ['with a word that folds to nothing', (g) => g.hideWord(0, ' \u200b '), 'BAD_REQUEST'],
  ];
  it.each(rows)('is refused %s', (_name, act, code) => {
    const { g } = openWith([Q.wordCloud(), Q.openAnswer()], ['Ann']);
    const d = act(g);
    expect(d.ok ? 'accepted' : d.code).toBe(code);
  });

  it('works after the close too (the reveal is the cloud)', () => {
    const { g, ids } = openWith([Q.wordCloud()], ['Ann', 'Bob']);
    TestGame.ok(g.answer(ids[0] as string, 0, A.text('Kafka')));
    g.toClose();
    TestGame.ok(g.hideWord(0, 'kafka'));
    expect(cloudOf(g, 'display')).toEqual([]);
    expect(screenView(g.state, 'display', g.now).wall?.words).toEqual([]);
  });
});

describe('open answer: the host approves what the display shows', () => {
  it('shows nothing on the display until approved, in approval order, and takes it off again', () => {
    const { g, ids } = openWith([Q.openAnswer()], ['Ann', 'Bob', 'Cat']);
    const [ann, bob, cat] = ids as [string, string, string];
    TestGame.ok(g.answer(ann, 0, A.text('  Events   are facts ')));
    TestGame.ok(g.answer(bob, 0, A.text('A log of changes')));
    TestGame.ok(g.blockedAnswer(cat, 0, 'something rude'));
    expect(responseWall(g.state, 'display')?.answers).toEqual([]);
    expect(responseWall(g.state, 'host')).toEqual({
      index: 0,
      blocked: 1,
      answers: [
        { playerId: ann, text: 'Events are facts', approved: false },
        { playerId: bob, text: 'A log of changes', approved: false },
      ],
    });
    TestGame.ok(g.approve(0, bob));
    TestGame.ok(g.approve(0, ann));
    expect(responseWall(g.state, 'display')?.answers).toEqual([
      { playerId: bob, text: 'A log of changes' },
      { playerId: ann, text: 'Events are facts' },
    ]);
    TestGame.ok(g.approve(0, bob, false));
    expect(responseWall(g.state, 'display')?.answers).toEqual([{ playerId: ann, text: 'Events are facts' }]);
  });

  type Row = [string, (g: TestGame, ids: string[]) => Decision, ErrorCode];
  const rows: Row[] = [
    ['a filtered answer', (g, [, , cat]) => g.approve(0, cat as string), 'UNKNOWN_ANSWER'],
    ['a player who has not answered', (g, [, bob]) => g.approve(0, bob as string), 'UNKNOWN_ANSWER'],
    ['a player who does not exist', (g) => g.approve(0, 'nobody'), 'UNKNOWN_ANSWER'],
    ['without the host token', (g, [ann]) => g.approve(0, ann as string, true, 'wrong'), 'UNAUTHORIZED'],
    ['for another question', (g, [ann]) => g.approve(1, ann as string), 'WRONG_PHASE'],
  ];
  it.each(rows)('refuses to approve %s', (_name, act, code) => {
    const { g, ids } = openWith([Q.openAnswer(), Q.openAnswer()], ['Ann', 'Bob', 'Cat']);
    TestGame.ok(g.answer(ids[0] as string, 0, A.text('Mine')));
    TestGame.ok(g.blockedAnswer(ids[2] as string, 0, 'rude'));
    const seq = g.state.seq;
    const d = act(g, ids);
    expect(d.ok ? 'accepted' : d.code).toBe(code);
    expect(g.state.seq).toBe(seq);
  });

  it('drops a kicked player’s approved answer from the display', () => {
    const { g, ids } = openWith([Q.openAnswer()], ['Ann', 'Bob']);
    TestGame.ok(g.answer(ids[0] as string, 0, A.text('Mine')));
    TestGame.ok(g.approve(0, ids[0] as string));
    TestGame.ok(g.kick(ids[0] as string));
    expect(responseWall(g.state, 'display')?.answers).toEqual([]);
  });

  it('never puts a wall in a player’s view, and replays hidden words and approvals exactly', () => {
    const { g, ids } = openWith([Q.openAnswer(), Q.wordCloud()], ['Ann', 'Bob']);
    TestGame.ok(g.answer(ids[0] as string, 0, A.text('Mine')));
    TestGame.ok(g.approve(0, ids[0] as string));
    expect(JSON.stringify(playerView(g.state, ids[1] as string, g.now))).not.toContain('Mine');
    g.toClose();
    expect(JSON.stringify(playerView(g.state, ids[1] as string, g.now))).not.toContain('Mine');
    expect(snapshotState(replay(g.events) ?? g.state)).toEqual(snapshotState(g.state));
  });
});

describe('free text and slides: no points, no streak change', () => {
  /** Ann answers question 0 (single, correct 0) right; Bob wrong. Then `kind` runs as question 1. */
  function afterOneRight(second: GameQuestion) {
    const g = new TestGame([Q.single(0), second, Q.single(0)]);
    const [ann, bob] = [g.add('Ann'), g.add('Bob')];
    TestGame.ok(g.start());
    g.toOpen(500);
    TestGame.ok(g.answer(ann, 0, A.choice(0)));
    TestGame.ok(g.answer(bob, 0, A.choice(1)));
    TestGame.ok(g.next());
    return { g, ann, bob };
  }
  const streakAndScore = (g: TestGame, id: string) => {
    const p = g.state.players.get(id);
    return [p?.streak, p?.score, p?.totalResponseMs];
  };

  const kinds: Array<[string, GameQuestion, boolean]> = [
    ['word cloud, answered', Q.wordCloud(), true],
    ['word cloud, missed', Q.wordCloud(), false],
    ['open answer, answered', Q.openAnswer(), true],
    ['open answer, missed', Q.openAnswer(), false],
  ];
  it.each(kinds)('%s: points 0, grade poll, streak and score as before', (_name, q, answers) => {
    const { g, ann } = afterOneRight(q);
    TestGame.ok(g.next());
    const before = streakAndScore(g, ann);
    g.toOpen(1_000);
    if (answers) {
      const d = TestGame.ok(g.answer(ann, 1, A.text('Kafka')));
      const accepted = d.events.find((e) => e.type === 'answer.accepted');
      expect(accepted?.data).toMatchObject({ grade: 'poll', points: 0, streak: 1 });
    }
    g.toClose();
    expect(streakAndScore(g, ann)).toEqual(before);
  });

  it('a slide goes up closed, takes no answers, keeps streaks and scores, and next skips the leaderboard', () => {
    const { g, ann, bob } = afterOneRight(Q.slide());
    const before = [streakAndScore(g, ann), streakAndScore(g, bob)];
    const from = g.state.seq;
    TestGame.ok(g.next());
    expect(g.typesSince(from)).toEqual(['question.shown', 'question.closed']);
    expect(g.events.at(-1)?.data).toEqual({ index: 1, reason: 'slide' });
    expect(g.state.phase).toBe('closed');
    const d = g.answer(ann, 1, A.text('hi'));
    expect(d.ok ? 'accepted' : d.code).toBe('LATE');
    expect(playerView(g.state, ann, g.now).result).toBeUndefined();
    expect(screenView(g.state, 'display', g.now).question?.question).toMatchObject({ type: 'slide', text: 'A slide', body: 'Events are facts.' });
    expect([streakAndScore(g, ann), streakAndScore(g, bob)]).toEqual(before);
    const next = g.state.seq;
    TestGame.ok(g.next());
    expect(g.typesSince(next)).toEqual(['question.shown']);
    expect(g.state.questionIndex).toBe(2);
  });

  const slideRows: Array<[string, GameQuestion[], string[]]> = [
    ['a slide first: start shows it closed', [Q.slide(), Q.single(0)], ['game.started', 'question.shown', 'question.closed']],
    ['a slide last: next ends the game', [Q.slide()], ['game.started', 'question.shown', 'question.closed', 'game.ended']],
  ];
  it.each(slideRows)('%s', (_name, questions, types) => {
    const g = new TestGame(questions);
    g.add('Ann');
    const from = g.state.seq;
    TestGame.ok(g.start());
    if (questions.length === 1) TestGame.ok(g.next());
    expect(g.typesSince(from)).toEqual(types);
  });
});
