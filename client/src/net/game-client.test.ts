import type { PlayerView, ScreenView } from '@quizbus/shared';
import { describe, expect, it, vi } from 'vitest';
import { FakeSocket } from './fake-socket.ts';
import { GameClient } from './game-client.ts';

const base = { gameId: 'g_1', pin: '123456', title: 'Quiz', questionCount: 2 };
const screenView = (seq: number, phase: ScreenView['phase'] = 'lobby'): ScreenView => ({
  ...base,
  seq,
  publicSeq: seq,
  phase,
  role: 'display',
  locked: false,
  playerCount: 0,
  players: [],
});
const playerView = (seq: number): PlayerView => ({
  ...base,
  seq,
  publicSeq: seq,
  phase: 'open',
  role: 'player',
  me: { playerId: 'p_1', nickname: 'Ann', score: 0, streak: 0, rank: null },
});

describe('GameClient', () => {
  it('attaches on connect, shows reconnecting while down, and re-attaches with a fresh view', async () => {
    const socket = new FakeSocket();
    const client = new GameClient(socket.asSocket());
    const attached = client.attach({ role: 'display', pin: '123456' });
    socket.up();
    await vi.waitFor(() => expect(socket.named('display.attach')).toHaveLength(1));
    socket.named('display.attach')[0]?.ack({ ok: true, view: screenView(3) });
    expect(await attached).toMatchObject({ ok: true });
    expect(client.getState()).toMatchObject({ connection: 'online', view: { seq: 3 } });

    socket.drop();
    expect(client.getState().connection).toBe('reconnecting');
    socket.up();
    await vi.waitFor(() => expect(socket.named('display.attach')).toHaveLength(2));
    socket.named('display.attach')[1]?.ack({ ok: true, view: screenView(9, 'leaderboard') });
    await vi.waitFor(() => expect(client.getState()).toMatchObject({ connection: 'online', view: { seq: 9, phase: 'leaderboard' } }));
  });

  it('asks for a snapshot when a chained message skips one', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const client = new GameClient(socket.asSocket());
    const attached = client.attach({ role: 'display', pin: '123456' });
    socket.named('display.attach')[0]?.ack({ ok: true, view: screenView(3) });
    await attached;
    socket.push('game.started', { seq: 6, prevSeq: 5, questionCount: 2 });
    await vi.waitFor(() => expect(socket.named('view.snapshot')).toHaveLength(1));
    socket.named('view.snapshot')[0]?.ack({ ok: true, view: screenView(7, 'reading') });
    await vi.waitFor(() => expect(client.getState().view).toMatchObject({ seq: 7, phase: 'reading' }));
  });

  it('resends an answer cut off by a lost connection once the seat is back, but not a host command', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const client = new GameClient(socket.asSocket());
    const resumed = client.attach({ role: 'player', pin: '123456', sessionToken: 'x'.repeat(43) });
    socket.named('player.resume')[0]?.ack({ ok: true, playerId: 'p_1', view: playerView(5) });
    await resumed;

    const answer = client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } });
    const next = client.send('host.next', {});
    await vi.waitFor(() => expect(socket.named('answer.submit')).toHaveLength(1));
    socket.drop();
    expect(await next).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'The connection dropped; try again.' } });

    socket.up();
    await vi.waitFor(() => expect(socket.named('player.resume')).toHaveLength(2));
    expect(socket.named('answer.submit')).toHaveLength(1); // not before the seat is back
    socket.named('player.resume')[1]?.ack({ ok: true, playerId: 'p_1', view: playerView(5) });
    await vi.waitFor(() => expect(socket.named('answer.submit')).toHaveLength(2));
    socket.named('answer.submit')[1]?.ack({ ok: true, index: 0, responseMs: 1200 });
    expect(await answer).toEqual({ ok: true, index: 0, responseMs: 1200 });
  });

  it('drops the seat and reports why when the server refuses it', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const client = new GameClient(socket.asSocket());
    const resumed = client.attach({ role: 'player', pin: '123456', sessionToken: 'x'.repeat(43) });
    socket.named('player.resume')[0]?.ack({ ok: false, error: { code: 'GAME_NOT_FOUND', message: 'gone' } });
    expect(await resumed).toMatchObject({ ok: false });
    expect(client.who).toBeNull();
    expect(client.getState().error?.code).toBe('GAME_NOT_FOUND');
  });
});
