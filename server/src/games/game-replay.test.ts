import { describe, expect, it } from 'vitest';
import { A, Q, TestGame } from '../engine/test-game.ts';
import { replaySteps } from './game-replay.ts';

describe('replay of free-text questions and slides', () => {
  it('replays a slide, a trimmed word cloud and approvals as the display saw them, never more', () => {
    const g = new TestGame([Q.slide(), Q.wordCloud(), Q.openAnswer()]);
    const [ann, bob] = [g.add('Ann'), g.add('Bob')];
    TestGame.ok(g.start());
    TestGame.ok(g.next());
    g.toOpen(1_000);
    TestGame.ok(g.answer(ann, 1, A.text('Kafka')));
    TestGame.ok(g.answer(bob, 1, A.text('Redis')));
    TestGame.ok(g.hideWord(1, 'redis'));
    TestGame.ok(g.next());
    TestGame.ok(g.next());
    g.toOpen(1_000);
    TestGame.ok(g.answer(ann, 2, A.text('A fact')));
    TestGame.ok(g.answer(bob, 2, A.text('Not for the screen')));
    TestGame.ok(g.approve(2, ann));
    TestGame.ok(g.end());

    const { steps } = replaySteps(g.events);
    const slide = steps.find((s) => s.type === 'question.closed' && s.view.question?.index === 0);
    expect(slide?.view.question?.question).toMatchObject({ type: 'slide', body: 'Events are facts.' });
    const hidden = steps.find((s) => s.type === 'word.hidden');
    expect(hidden?.view.wall?.words?.map((w) => w.text)).toEqual(['Kafka']);
    const approved = steps.find((s) => s.type === 'answer.approved');
    expect(approved?.view.wall?.answers).toEqual([{ playerId: ann, text: 'A fact' }]);
    expect(JSON.stringify(steps)).not.toContain('Not for the screen');
  });
});
