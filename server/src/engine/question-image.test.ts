import type { GameQuestion } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { playerView, screenView } from './projections.ts';
import { Q, TestGame } from './test-game.ts';

const UPLOADED = `/media/${'c'.repeat(64)}.png`;

/**
 * Issue 16, point 4: a question's image reaches every screen as the question's public part,
 * with imageOnPhones only when the teacher asked for it (the phone draws the image only then).
 * Both while reading and while answers are open; nothing about the image changes scoring.
 */
const cases: Array<[string, GameQuestion, { imageUrl?: string; imageOnPhones?: boolean }]> = [
  ['no image', Q.single(0), {}],
  ['an uploaded image, big screen only', { ...Q.single(0), imageUrl: UPLOADED }, { imageUrl: UPLOADED }],
  ['an uploaded image the phones need', { ...Q.single(0), imageUrl: UPLOADED, imageOnPhones: true }, { imageUrl: UPLOADED, imageOnPhones: true }],
  ['a linked image the phones need', { ...Q.trueFalse(0), imageUrl: 'https://example.org/a.png', imageOnPhones: true }, { imageUrl: 'https://example.org/a.png', imageOnPhones: true }],
  ['imageOnPhones false is left out', { ...Q.poll(), imageUrl: UPLOADED, imageOnPhones: false }, { imageUrl: UPLOADED }],
];

describe('question images in the views', () => {
  it.each(cases)('%s', (_name, question, expected) => {
    const g = new TestGame([question]);
    const ann = g.add('Ann');
    expect(g.start().ok).toBe(true);
    for (const phase of ['reading', 'open'] as const) {
      if (phase === 'open') g.toOpen();
      const views = [playerView(g.state, ann, g.now).question, screenView(g.state, 'display', g.now).question, screenView(g.state, 'host', g.now).question];
      for (const view of views) {
        const q = view?.question;
        expect(q, phase).toBeDefined();
        expect({ imageUrl: q?.imageUrl, imageOnPhones: q?.imageOnPhones }, phase).toEqual({ imageUrl: undefined, imageOnPhones: undefined, ...expected });
      }
    }
  });
});
