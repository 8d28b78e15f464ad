import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { connect, createGame, joinPlayers, saveQuiz } from '../support/test-client.ts';

/**
 * Counts the sources Chromium's real Web Audio starts, whatever schedules them; and keeps
 * every AudioContext suspended until the page has had a real click or key press, as a
 * browser's autoplay policy does for a site its user never played media on. (Headless
 * Chromium on a machine without a sound card lets audio run at once or not, from run to run.)
 */
const AUDIO_AS_IN_A_CLASSROOM = `
  let gestured = false;
  for (const name of ['pointerdown', 'keydown']) addEventListener(name, (e) => { if (e.isTrusted) gestured = true; }, true);
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor(...args) {
      super(...args);
      if (!gestured) void this.suspend();
    }
    get state() {
      return gestured ? super.state : 'suspended';
    }
    resume() {
      return gestured ? super.resume() : Promise.resolve();
    }
  };
  window.startedSources = 0;
  const start = AudioScheduledSourceNode.prototype.start;
  AudioScheduledSourceNode.prototype.start = function (...args) { window.startedSources += 1; return start.apply(this, args); };
`;

type Counts = { lobby: number; tick: number; reveal: number; podium: number };

/**
 * Issue 12, point 5: the display's sound in Chromium through a whole one-question game —
 * held back until a click, lobby music, five ticks, the reveal and podium stings — its
 * remembered mute, and a phone that stays silent unless its player opts in.
 */
describe('game sound in Chromium', () => {
  const suite = useBrowserSuite();

  it('schedules the cues of each phase on the display', { timeout: 120_000 }, async () => {
    const quizId = await saveQuiz(suite.server.url, {
      title: 'Sound quiz',
      readTimeSec: 1,
      questions: [{ type: 'single', text: 'Which clock?', options: ['audio', 'wall'], correct: 0, timeLimitSec: 6 }],
    });
    const game = await createGame(suite.server.url, quizId);
    const page = await suite.page('display-sound', { viewport: { width: 1280, height: 720 } });
    await page.addInitScript({ content: AUDIO_AS_IN_A_CLASSROOM });
    await page.goto(`${suite.server.url}/display/${game.pin}`);
    const counts = () => page.evaluate<Counts | null>('window.quizbusSound ? { ...window.quizbusSound } : null');
    const sound = page.getByRole('button', { name: 'Sound' });
    expect(await sound.getAttribute('aria-pressed')).toBe('true');

    // Chromium holds audio until a gesture: the screen says so, and a click anywhere starts it.
    await page.getByRole('status').filter({ hasText: 'Click anywhere to start the sound' }).waitFor();
    expect(await counts()).toEqual({ lobby: 0, tick: 0, reveal: 0, podium: 0 });
    await expectAccessible(page, 'the display waiting for a click to start the sound');
    await screenshot(page, 'sound-display-waiting');
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await expect.poll(async () => (await counts())?.lobby ?? 0).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate('window.startedSources')).toBeGreaterThan(0);

    const [ann] = await joinPlayers(suite.server.url, game.pin, ['Ann'], suite.clients);
    const host = await connect(suite.server.url);
    suite.clients.push(host);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    expect((await host.send('host.start', {})).ok).toBe(true);
    const shown = await host.next('question.shown');
    await suite.server.clock.advanceTo(shown.opensAt);
    await host.next('question.opened');
    const lobbyBars = (await counts())!.lobby;
    // The page counts the 6 s down on its own clock: the last five seconds tick, once each.
    await expect.poll(async () => (await counts())?.tick, { timeout: 30_000 }).toBe(5);
    expect((await counts())!.lobby).toBe(lobbyBars);

    expect((await ann!.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).ok).toBe(true);
    await host.next('question.closed');
    await expect.poll(async () => (await counts())?.reveal).toBe(1);
    expect((await host.send('host.next', {})).ok).toBe(true);
    await host.next('leaderboard.shown');
    expect((await host.send('host.next', {})).ok).toBe(true);
    await host.next('game.ended');
    await expect.poll(async () => (await counts())?.podium).toBe(1);
    expect(await counts()).toEqual({ lobby: lobbyBars, tick: 5, reveal: 1, podium: 1 });
    await screenshot(page, 'sound-display-podium');

    // At the podium the switch gives its room to the replay: nothing is left to play.
    await sound.waitFor({ state: 'detached' });
    expect(suite.problems).toEqual([]);
  });

  it('remembers a muted display across a reload, and then makes no audio at all', { timeout: 120_000 }, async () => {
    const game = await createGame(suite.server.url, 'event-driven-architecture');
    const page = await suite.page('display-muted', { viewport: { width: 1280, height: 720 } });
    await page.goto(`${suite.server.url}/display/${game.pin}`);
    const sound = page.getByRole('button', { name: 'Sound' });
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    await expect.poll(() => sound.getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate('window.quizbusSound ?? null')).toBeNull();
    expect(suite.problems).toEqual([]);
  });

  it('keeps a phone silent until its player turns sound on', { timeout: 120_000 }, async () => {
    const game = await createGame(suite.server.url, 'event-driven-architecture');
    const phone = await suite.phone('phone-sound');
    await phone.goto(`${suite.server.url}/`);
    await phone.getByLabel('Game PIN').fill(game.pin);
    await phone.getByLabel('Nickname').fill('Bea');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByText("You're in!").waitFor();
    const sound = phone.getByRole('button', { name: 'Sound' });
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    expect(await phone.evaluate('window.quizbusSound ?? null')).toBeNull();
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('true');
    // Opted in, the phone waits for ticks and stings: the lobby plays no music on a phone.
    await expect.poll(() => phone.evaluate('window.quizbusSound ? window.quizbusSound.lobby : null')).toBe(0);
    await expectAccessible(phone, 'the phone with its sound switch');
    await screenshot(phone, 'sound-phone-lobby');
    expect(suite.problems).toEqual([]);
  });
});
