import { describe, expect, it } from 'vitest';
import { NICKNAME_ADJECTIVES, NICKNAME_ANIMALS } from '../../server/src/games/nickname-words.ts';
import { axeProblems, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { connect, createGame } from '../support/test-client.ts';

const generated = (name: string | null) => {
  const [adjective, animal, rest] = (name ?? '').split(' ');
  return rest === undefined && NICKNAME_ADJECTIVES.includes(adjective ?? '') && NICKNAME_ANIMALS.includes(animal ?? '');
};

/**
 * Issue 7, points 3 and 4 on a phone: a game that asks for a student id shows the field when
 * the server asks for it; a game that hands out nicknames shows the given one with a re-roll
 * button, and the host's screen shows the new name, never the id.
 */
describe('joining a game with student ids and handed-out nicknames, in Chromium', () => {
  const suite = useBrowserSuite();
  const { problems, clients: sockets } = suite;

  it('asks for the student id, hands out a nickname and re-rolls it', { timeout: 120_000 }, async () => {
    const { server } = suite;
    const game = await createGame(server.url, 'general-knowledge', { askStudentId: true, generatedNicknames: true });
    const host = await connect(server.url);
    sockets.push(host);
    expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);

    const phone = await suite.phone('phone');
    await phone.goto(`${server.url}/?pin=${game.pin}`);
    // The nickname may stay empty: this game hands them out.
    await phone.getByRole('button', { name: 'Join' }).click();
    const idField = phone.getByLabel('Name or student id');
    await idField.waitFor();
    // The field takes the focus; its hint (read with it) says why.
    expect(await idField.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    expect(await phone.getByText('Only your teacher sees it, never the class.').count()).toBe(1);
    // Sent empty again, the refusal shows under the field.
    await phone.getByRole('button', { name: 'Join' }).click();
    expect(await phone.getByRole('alert').textContent()).toContain('Enter your name or student id');
    await screenshot(phone, 'join-student-id');
    expect(await axeProblems(phone), 'axe on the join page asking for an id').toEqual([]);
    await idField.fill('Ada Lovelace 4B');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByText("You're in!").waitFor();

    const first = await phone.locator('.play__big-name').textContent();
    expect(generated(first)).toBe(true);
    await phone.getByRole('button', { name: 'Another nickname (3 left)' }).click();
    await phone.getByRole('button', { name: 'Another nickname (2 left)' }).waitFor();
    const second = await phone.locator('.play__big-name').textContent();
    expect(generated(second)).toBe(true);
    expect(second).not.toBe(first);
    await screenshot(phone, 'play-lobby-reroll');
    expect(await axeProblems(phone), 'axe on the lobby with a re-roll').toEqual([]);

    await server.clock.advance(600);
    const listed = await host.next('players.updated', (m) => m.players.some((p) => p.nickname === second));
    expect(listed.players.map((p) => p.nickname)).toEqual([second]);
    expect(JSON.stringify(host.frames)).not.toContain('Ada Lovelace');
    expect(problems).toEqual([]);
  });
});
