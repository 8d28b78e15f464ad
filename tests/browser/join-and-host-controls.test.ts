import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { axeProblems, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { connect, createGame } from '../support/test-client.ts';

/**
 * Issue 3, points 2, 5 and 9: the join page's messages for every refusal, next to the field
 * they are about; the host console's kick and lock; a reloaded host console keeps control.
 */
describe('joining and the host console controls in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems, clients: sockets, phone } = suite;

  const join = async (page: Page, pin: string, nickname: string) => {
    await page.goto(`${suite.server.url}/?pin=${pin}`);
    await page.getByLabel('Nickname').fill(nickname);
    await page.getByRole('button', { name: 'Join' }).click();
  };
  /** The message shown under a field, found through the field's aria-describedby. */
  const fieldError = async (page: Page, label: string) => {
    const field = page.getByLabel(label);
    await page.locator('.field__error').first().waitFor();
    // The field may describe itself with more than its error (the nickname's counter).
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    for (const id of ids) {
      const described = page.locator(`[id="${id}"]`);
      if ((await described.getAttribute('class'))?.split(' ').includes('field__error')) return described.textContent();
    }
    return null;
  };

  it('explains an unknown PIN, a taken nickname, a started game and an ended one', { timeout: 120_000 }, async () => {
    const { server } = suite;
    const page = await phone('joiner');
    await page.goto(`${server.url}/`);
    await page.getByLabel('Game PIN').fill('000000');
    await page.getByLabel('Nickname').fill('Zed');
    await page.getByRole('button', { name: 'Join' }).click();
    expect(await fieldError(page, 'Game PIN')).toBe('There is no game with PIN 000000. Check the PIN on the big screen.');
    await screenshot(page, 'join-error-unknown-pin');
    expect(await axeProblems(page), 'axe on the join page with an error').toEqual([]);

    const game = await createGame(server.url, 'general-knowledge');
    const ann = await connect(server.url);
    sockets.push(ann);
    expect((await ann.send('player.join', { pin: game.pin, nickname: 'Ann' })).ok).toBe(true);
    await join(page, game.pin, ' ANN ');
    expect(await fieldError(page, 'Nickname')).toBe('Someone in this game already has that nickname. Try another one.');
    await screenshot(page, 'join-error-nickname-taken');

    const host = await connect(server.url);
    sockets.push(host);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);
    expect((await host.send('host.start', {})).ok).toBe(true);
    await join(page, game.pin, 'Late');
    expect(await fieldError(page, 'Game PIN')).toBe('This game has already started and does not take late players.');

    expect((await host.send('host.end', {})).ok).toBe(true);
    await join(page, game.pin, 'Later');
    expect(await fieldError(page, 'Game PIN')).toBe('This game has ended.');
    expect(problems).toEqual([]);
  });

  it('lets the host remove a player and lock the game, and keeps control after a reload', { timeout: 120_000 }, async () => {
    const { server } = suite;
    const host = await suite.page('host', { viewport: { width: 1280, height: 800 } });
    await host.goto(`${server.url}/host`);
    await host.getByRole('button', { name: 'Play General knowledge demo' }).click();
    await host.getByLabel('Allow late join').check();
    await host.getByRole('button', { name: 'Open the lobby' }).click();
    await host.waitForURL(/\/host\/\d{6}$/);
    const pin = new URL(host.url()).pathname.split('/').pop() as string;

    const dan = await phone('dan');
    await join(dan, pin, 'Dan');
    await dan.getByText("You're in!").waitFor();
    const eve = await phone('eve');
    await join(eve, pin, 'Eve');
    await eve.getByText("You're in!").waitFor();
    await server.clock.advance(600);
    await host.getByRole('heading', { name: '2 players' }).waitFor();

    // A reload keeps the host's seat: the token is in this browser's storage.
    await host.reload();
    await host.getByRole('heading', { name: '2 players' }).waitFor();

    await host.getByRole('button', { name: 'Remove Dan' }).click();
    await dan.getByRole('heading', { name: 'You were removed from the game' }).waitFor();
    await screenshot(dan, 'play-kicked');
    expect(await axeProblems(dan), 'axe on the removed-player page').toEqual([]);
    await server.clock.advance(600);
    await host.getByRole('heading', { name: '1 player' }).waitFor();

    await host.getByRole('button', { name: 'Lock joining' }).click();
    // The lock reaches the screens with the throttled player list: once the game has it, move time.
    const gameId = (await server.quizbus.node.resolvePin(pin)) ?? '';
    await vi.waitFor(() => expect(server.quizbus.node.stateOf(gameId)?.locked).toBe(true));
    await server.clock.advance(600);
    await host.getByRole('button', { name: 'Unlock joining' }).waitFor();
    await host.getByText('Locked: no one new can join').waitFor();
    await screenshot(host, 'host-lobby-locked');
    const fay = await phone('fay');
    await join(fay, pin, 'Fay');
    expect(await fieldError(fay, 'Game PIN')).toBe('The teacher has locked this game: no one new can join.');
    await screenshot(fay, 'join-error-locked');

    // Start, close the question early, then end the game from the console.
    await host.getByRole('button', { name: 'Start with 1 player' }).click();
    await eve.getByText('Get ready…').waitFor();
    await host.getByRole('button', { name: 'Close question now' }).click();
    await eve.getByRole('heading', { name: "Time's up" }).waitFor();
    await host.getByText('0 of 1 got it right', { exact: false }).waitFor();
    await host.getByRole('button', { name: 'End game…' }).click();
    await host.getByRole('button', { name: 'End game', exact: true }).click();
    await host.getByRole('heading', { name: 'Podium' }).waitFor();
    await eve.getByRole('heading', { name: 'Game over' }).waitFor();
    expect(problems).toEqual([]);
  });
});
