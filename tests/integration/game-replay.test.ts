import type { ReplayResponse } from '@quizbus/shared';
import { replayResponseSchema } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { attachDisplay, hostGame, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

/** Issue 8, point 3: a finished game rebuilt from its log, step by step, as the display saw it. */
describe('game replay', () => {
  const h = useServer();

  async function replay(pin: string): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${h.server.url}/api/games/${pin}/replay`);
    return { status: res.status, body: await res.json() };
  }

  it('replays a finished game to the same reveals and the same final podium', async () => {
    const { game, host } = await hostGame(h, singleQuiz(2, 'replay', 1, 20));
    const display = await attachDisplay(h, game.pin);
    const ann = await joinPlayer(h, game.pin, 'Ann');
    const bob = await joinPlayer(h, game.pin, 'Bob');
    expect((await replay(game.pin)).status).toBe(409);

    ok(await host.send('host.start', {}));
    for (const index of [0, 1]) {
      await openQuestion(h, host, index);
      await h.server.clock.advance(500 * (index + 1));
      ok(await ann.client.send('answer.submit', { index, answer: { kind: 'choice', choice: 0 } }));
      ok(await bob.client.send('answer.submit', { index, answer: { kind: 'choice', choice: index } }));
      await host.next('question.closed', (m) => m.reveal.index === index);
      ok(await host.send('host.next', {}));
      await host.next('leaderboard.shown', (m) => m.index === index);
      ok(await host.send('host.next', {}));
    }
    const ended = await display.client.next('game.ended');
    const live = ok(await display.client.send('view.snapshot', {})).view;

    const { status, body } = await replay(game.pin);
    expect(status).toBe(200);
    const result: ReplayResponse = replayResponseSchema.parse(body);
    expect(result.steps.map((s) => s.type)).toEqual([
      'lobby',
      'game.started',
      ...[0, 1].flatMap(() => ['question.shown', 'question.opened', 'question.closed', 'leaderboard.shown']),
      'game.ended',
    ]);
    const last = result.steps.at(-1)!;
    expect(last.view.podium).toEqual(ended.podium);
    expect(last.view.podium).toEqual(live.podium);
    expect(last.view.seq).toBe(live.seq);
    expect(result.steps[0]!.view.players.map((p) => p.nickname).sort()).toEqual(['Ann', 'Bob']);
    // Every reveal on the replay is the one the room saw.
    const reveals = display.client.all('question.closed').map((m) => m.reveal);
    expect(result.steps.filter((s) => s.type === 'question.closed').map((s) => s.view.reveal)).toEqual(reveals);
    // Steps keep their order and their original spacing (the owner's clock), for 1× and 4×.
    for (let i = 1; i < result.steps.length; i += 1) expect(result.steps[i]!.offsetMs).toBeGreaterThanOrEqual(result.steps[i - 1]!.offsetMs);
  });

  it('answers 404 for an unknown PIN', async () => {
    expect((await replay('000000')).status).toBe(404);
  });
});

