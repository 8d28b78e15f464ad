import { describe, expect, it } from 'vitest';
import { axeProblems, hostSeatScript, screenshot, watchPage } from '../support/browser.ts';
import { connect, createGame, joinPlayers, saveQuiz, type TestClient } from '../support/test-client.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

/**
 * Issue 8, points 1, 2 and 6 on the embedded default: the host console's "under the hood"
 * panel, opened during a game, shows the channel, this node and the counts of the game.
 */
describe('the under-the-hood panel in Chromium (embedded)', () => {
  const suite = useBrowserSuite();

  /** A socket host starts the game and the clock moves to the first question's opening. */
  async function openFirstQuestion(game: { pin: string; hostToken: string }): Promise<TestClient> {
    const driver = await connect(suite.server.url);
    suite.clients.push(driver);
    expect((await driver.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    expect((await driver.send('host.start', {})).ok).toBe(true);
    const shown = await driver.next('question.shown');
    await suite.server.clock.advanceTo(shown.opensAt);
    return driver;
  }

  it('shows the event path and the answers as a count while a question is open', { timeout: 120_000 }, async () => {
    const quizId = await saveQuiz(suite.server.url, {
      title: 'Hood quiz',
      readTimeSec: 1,
      questions: [{ type: 'single', text: 'Which bus?', options: ['hood-right', 'hood-wrong'], correct: 0, timeLimitSec: 30 }],
    });
    const game = await createGame(suite.server.url, quizId);
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(hostSeatScript(game));
    const page = watchPage(await context.newPage(), suite.problems, 'host');
    await page.goto(`${suite.server.url}/host/${game.pin}`);
    const players = await joinPlayers(suite.server.url, game.pin, ['Ann', 'Bob', 'Cat'], suite.clients);

    const toggle = page.getByRole('button', { name: 'Under the hood' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Under the hood' });
    await panel.getByText('in-process bus (embedded)').waitFor();

    const driver = await openFirstQuestion(game);
    await driver.next('question.opened');
    for (const p of players.slice(0, 2)) expect((await p.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })).ok).toBe(true);
    await suite.server.clock.advance(250);

    const log = panel.getByRole('list', { name: 'Latest events' });
    await log.getByText('2 answers to question 1').waitFor();
    await panel.getByText('to 3 phones, 2 hosts, 0 displays').waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(suite.server.quizbus.nodeId);
    expect(text).not.toContain('hood-wrong');
    expect(text).not.toContain('hood-right');
    await screenshot(page, 'under-the-hood-embedded');
    expect(await axeProblems(page), 'axe on the host console with the panel open').toEqual([]);
    expect(suite.problems).toEqual([]);
  });

  it('replays the finished game on the display to the same podium', { timeout: 120_000 }, async () => {
    const quizId = await saveQuiz(suite.server.url, {
      title: 'Replay quiz',
      readTimeSec: 1,
      questions: [{ type: 'single', text: 'Which log?', options: ['append-only', 'mutable'], correct: 0, timeLimitSec: 30 }],
    });
    const game = await createGame(suite.server.url, quizId);
    const host = await connect(suite.server.url);
    suite.clients.push(host);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    const players: TestClient[] = [];
    for (const name of ['Ann', 'Bob']) {
      const c = await connect(suite.server.url);
      suite.clients.push(c);
      players.push(c);
      expect((await c.send('player.join', { pin: game.pin, nickname: name })).ok).toBe(true);
    }
    expect((await host.send('host.start', {})).ok).toBe(true);
    const shown = await host.next('question.shown');
    await suite.server.clock.advanceTo(shown.opensAt);
    await host.next('question.opened');
    await suite.server.clock.advance(1000);
    expect((await players[0]!.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).ok).toBe(true);
    expect((await players[1]!.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })).ok).toBe(true);
    await host.next('question.closed');
    expect((await host.send('host.next', {})).ok).toBe(true);
    await host.next('leaderboard.shown');
    expect((await host.send('host.next', {})).ok).toBe(true);
    await host.next('game.ended');

    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = watchPage(await context.newPage(), suite.problems, 'display');
    await page.goto(`${suite.server.url}/display/${game.pin}`);
    const replay = page.getByRole('region', { name: 'Replay' });
    await replay.getByRole('button', { name: 'Replay instantly' }).click();
    await replay.getByText(/step (\d+) of \1/).waitFor();
    const live = (await page.locator('main.screen__main').textContent()) ?? '';
    const replayed = (await replay.locator('.replay__stage > .screen__main').textContent()) ?? '';
    expect(live).toContain('Ann');
    expect(replayed).toBe(live);
    await screenshot(page, 'replay-display-instant');
    expect(await axeProblems(page), 'axe on the display with a replay').toEqual([]);
    expect(suite.problems).toEqual([]);
  });

  it("names a student's own answer event on the phone, in the starter quiz", { timeout: 120_000 }, async () => {
    const game = await createGame(suite.server.url, 'event-driven-architecture');
    const ann = await suite.phone('ann-starter');
    await ann.goto(`${suite.server.url}/`);
    await ann.getByLabel('Game PIN').fill(game.pin);
    await ann.getByLabel('Nickname').fill('Ann');
    await ann.getByRole('button', { name: 'Join' }).click();
    await ann.getByText("You're in!").waitFor();
    const driver = await openFirstQuestion(game);
    await ann.getByRole('button', { name: /Background tasks/ }).click();
    // The only player answered: the question closes, right after her answer.accepted.
    const closed = await driver.next('question.closed');
    await ann.getByRole('heading', { name: 'Correct!' }).waitFor();
    const moment = ann.getByRole('complementary', { name: 'Under the hood of your answer' });
    expect(await moment.textContent()).toContain(`Your answer was event #${closed.seq - 1} (answer.accepted)`);
    expect(await moment.textContent()).toContain(`this reveal is event #${closed.seq}`);
    expect(await axeProblems(ann)).toEqual([]);
    await screenshot(ann, 'play-result-teaching-moment');
    expect(suite.problems).toEqual([]);
  });
});
