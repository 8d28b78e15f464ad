import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-client.ts';
import { attachDisplay, errorCode, hostGame, hostSnapshot, joinPlayer, ok, openQuestion, singleQuiz, unusedPin, useServer } from './helpers.ts';

/** Guarantee: host actions need the host token issued at creation; displays are read-only. */
describe('host actions need the host token', () => {
  const h = useServer();

  const HOST_COMMANDS = ['host.start', 'host.next', 'host.skip', 'host.end', 'host.kick', 'host.lock'] as const;

  async function setup() {
    const hosted = await hostGame(h, singleQuiz(2, 'auth', 0, 20));
    const display = await attachDisplay(h, hosted.game.pin);
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    const bob = await joinPlayer(h, hosted.game.pin, 'Bob');
    const stranger = await h.client();
    const payloads = {
      'host.start': {},
      'host.next': {},
      'host.skip': {},
      'host.end': {},
      'host.kick': { playerId: bob.playerId },
      'host.lock': { locked: true },
    };
    return { ...hosted, display, ann, bob, stranger, payloads };
  }

  /** Sends every host command from `c` and returns the error codes. */
  async function tryAll(c: TestClient, payloads: Record<(typeof HOST_COMMANDS)[number], unknown>): Promise<string[]> {
    const codes: string[] = [];
    for (const name of HOST_COMMANDS) codes.push(errorCode(await c.send(name, payloads[name])));
    return codes;
  }

  it('refuses host.attach with a wrong token (UNAUTHORIZED) and without one (BAD_REQUEST)', async () => {
    const { game, host, stranger } = await setup();
    const other = await hostGame(h, singleQuiz(1, 'other', 0, 20));
    const before = await hostSnapshot(host);
    // A well-formed token that is not this game's.
    const wrong = game.hostToken.slice(0, -4) + (game.hostToken.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(errorCode(await stranger.send('host.attach', { pin: game.pin, hostToken: wrong }))).toBe('UNAUTHORIZED');
    // Another game's host token does not open this one.
    expect(errorCode(await stranger.send('host.attach', { pin: game.pin, hostToken: other.game.hostToken }))).toBe('UNAUTHORIZED');
    expect(errorCode(await stranger.sendRaw('host.attach', { pin: game.pin }))).toBe('BAD_REQUEST');
    expect(errorCode(await stranger.sendRaw('host.attach', { pin: game.pin, hostToken: '' }))).toBe('BAD_REQUEST');
    expect(errorCode(await stranger.sendRaw('host.attach', { pin: game.pin, hostToken: null }))).toBe('BAD_REQUEST');
    expect(errorCode(await stranger.send('host.attach', { pin: unusedPin(game.pin, other.game.pin), hostToken: game.hostToken }))).toBe('GAME_NOT_FOUND');
    // None of that attached the socket.
    expect(errorCode(await stranger.send('host.start', {}))).toBe('NOT_ATTACHED');
    expect(errorCode(await stranger.send('view.snapshot', {}))).toBe('NOT_ATTACHED');
    expect(stranger.frames).toHaveLength(0);
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after.phase).toBe('lobby');
    // The right token works, from any socket.
    const second = ok(await stranger.send('host.attach', { pin: game.pin, hostToken: game.hostToken }));
    expect(second.view).toMatchObject({ role: 'host', pin: game.pin, playerCount: 2 });
  });

  it('answers host commands from an unattached socket with NOT_ATTACHED and from a display or player with FORBIDDEN, in the lobby', async () => {
    const { host, display, ann, stranger, payloads } = await setup();
    const before = await hostSnapshot(host);
    expect(await tryAll(stranger, payloads)).toEqual(Array(6).fill('NOT_ATTACHED'));
    expect(await tryAll(display.client, payloads)).toEqual(Array(6).fill('FORBIDDEN'));
    expect(await tryAll(ann.client, payloads)).toEqual(Array(6).fill('FORBIDDEN'));
    await h.server.clock.advance(1_000);
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after).toMatchObject({ phase: 'lobby', locked: false, playerCount: 2 });
    expect(after.players.map((p) => [p.nickname, p.connected])).toEqual([
      ['Bob', true],
      ['Ann', true],
    ]);
    // Nobody heard of a start, lock or kick.
    for (const c of [display.client, ann.client, host]) {
      expect(c.frames.map((f) => f.name).filter((n) => n !== 'players.updated')).toEqual([]);
    }
    // The real host can do what the others could not.
    expect(ok(await host.send('host.lock', { locked: true })).seq).toBe(before.seq + 1);
  });

  it('refuses the same commands while a question runs, and lets only players answer', async () => {
    const { host, display, ann, bob, stranger, payloads } = await setup();
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    const before = await hostSnapshot(host);
    expect(await tryAll(stranger, payloads)).toEqual(Array(6).fill('NOT_ATTACHED'));
    expect(await tryAll(display.client, payloads)).toEqual(Array(6).fill('FORBIDDEN'));
    expect(await tryAll(bob.client, payloads)).toEqual(Array(6).fill('FORBIDDEN'));
    // Displays and hosts are not players.
    const answer = { index: 0, answer: { kind: 'choice', choice: 0 } } as const;
    expect(errorCode(await display.client.send('answer.submit', answer))).toBe('FORBIDDEN');
    expect(errorCode(await host.send('answer.submit', answer))).toBe('FORBIDDEN');
    expect(errorCode(await stranger.send('answer.submit', answer))).toBe('NOT_ATTACHED');
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after).toMatchObject({ phase: 'open', answered: 0, playerCount: 2, locked: false });
    expect(ann.client.all('player.kicked')).toHaveLength(0);
    expect(bob.client.all('player.kicked')).toHaveLength(0);
    expect(host.all('question.closed')).toHaveLength(0);
  });

  it('keeps a socket that failed to become host in its earlier role', async () => {
    const { game, display, ann } = await setup();
    expect(errorCode(await ann.client.send('host.attach', { pin: game.pin, hostToken: 'y'.repeat(43) }))).toBe('UNAUTHORIZED');
    expect(errorCode(await display.client.send('host.attach', { pin: game.pin, hostToken: 'y'.repeat(43) }))).toBe('UNAUTHORIZED');
    const annView = ok(await ann.client.send('view.snapshot', {})).view;
    expect(annView.role).toBe('player');
    const displayView = ok(await display.client.send('view.snapshot', {})).view;
    expect(displayView.role).toBe('display');
    expect(errorCode(await display.client.send('host.start', {}))).toBe('FORBIDDEN');
    // A display never gets the host-only game options.
    expect(displayView).not.toHaveProperty('options');
  });
});
