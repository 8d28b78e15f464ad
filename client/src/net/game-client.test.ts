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

/** A player's client seated at seq 5 on a connected fake socket, resending without delay. */
async function seatedPlayer(): Promise<{ socket: FakeSocket; client: GameClient }> {
  const socket = new FakeSocket();
  socket.connected = true;
  const client = new GameClient(socket.asSocket(), { resendDelay: () => 0 });
  const resumed = client.attach({ role: 'player', pin: '123456', sessionToken: 'x'.repeat(43) });
  socket.named('player.resume')[0]?.ack({ ok: true, playerId: 'p_1', view: playerView(5) });
  await resumed;
  return { socket, client };
}

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

  it('keeps the final screen when an answer ack arrives after player.final', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const client = new GameClient(socket.asSocket());
    const attached = client.attach({ role: 'player', pin: '123456', sessionToken: 's'.repeat(43) });
    socket.named('player.resume')[0]?.ack({ ok: true, view: playerView(3) });
    await attached;
    client.markAnswered(0, 1200);
    expect(client.getState().view).toMatchObject({ myAnswer: { index: 0, responseMs: 1200 } });
    socket.push('player.final', { score: 10, rank: 1, playerCount: 1 });
    await vi.waitFor(() => expect(client.getState().final).not.toBeNull());
    client.markAnswered(1, 900);
    expect(client.getState().view).toMatchObject({ myAnswer: { index: 0, responseMs: 1200 } });
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

  it('resends every command cut off by a lost connection, with its command id, once the seat is back', async () => {
    const { socket, client } = await seatedPlayer();

    const answer = client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } });
    const next = client.send('host.next', {});
    await vi.waitFor(() => expect(socket.named('host.next')).toHaveLength(1));
    socket.drop();

    socket.up();
    await vi.waitFor(() => expect(socket.named('player.resume')).toHaveLength(2));
    expect(socket.named('answer.submit')).toHaveLength(1); // not before the seat is back
    socket.named('player.resume')[1]?.ack({ ok: true, playerId: 'p_1', view: playerView(5) });
    await vi.waitFor(() => expect(socket.named('answer.submit')).toHaveLength(2));
    await vi.waitFor(() => expect(socket.named('host.next')).toHaveLength(2));
    const [a1, a2] = socket.named('answer.submit');
    const [n1, n2] = socket.named('host.next');
    // The same id on each resend, a different one per command: the server runs each once.
    expect((a2?.payload as { cid: string }).cid).toBe((a1?.payload as { cid: string }).cid);
    expect((n2?.payload as { cid: string }).cid).toBe((n1?.payload as { cid: string }).cid);
    expect((n1?.payload as { cid: string }).cid).not.toBe((a1?.payload as { cid: string }).cid);
    a2?.ack({ ok: true, index: 0, responseMs: 1200 });
    n2?.ack({ ok: true, seq: 9 });
    expect(await answer).toEqual({ ok: true, index: 0, responseMs: 1200 });
    expect(await next).toEqual({ ok: true, seq: 9 });
  });

  it('resends a command whose outcome is unknown, with the same id, until the server says how it went', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const client = new GameClient(socket.asSocket(), { resendDelay: () => 0 });
    const attached = client.attach({ role: 'host', pin: '123456', hostToken: 'h'.repeat(43) });
    socket.named('host.attach')[0]?.ack({ ok: true, view: screenView(3) });
    await attached;
    const next = client.send('host.next', {});
    await vi.waitFor(() => expect(socket.named('host.next')).toHaveLength(1));
    socket.named('host.next')[0]?.ack({ ok: false, error: { code: 'OUTCOME_UNKNOWN', message: 'timed out' } });
    await vi.waitFor(() => expect(socket.named('host.next')).toHaveLength(2));
    socket.named('host.next')[1]?.ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'moving' } });
    await vi.waitFor(() => expect(socket.named('host.next')).toHaveLength(3));
    socket.named('host.next')[2]?.ack({ ok: true, seq: 12 });
    expect(await next).toEqual({ ok: true, seq: 12 });
    expect(new Set(socket.named('host.next').map((c) => (c.payload as { cid: string }).cid)).size).toBe(1);
  });

  it('keeps asking for the seat while the server says "not now", showing reconnecting, until it is back', async () => {
    const { socket, client } = await seatedPlayer();
    socket.drop();
    socket.up();
    await vi.waitFor(() => expect(socket.named('player.resume')).toHaveLength(2));
    socket.named('player.resume')[1]?.ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'no owner yet' } });
    await vi.waitFor(() => expect(socket.named('player.resume')).toHaveLength(3));
    expect(client.getState()).toMatchObject({ connection: 'reconnecting', error: null });
    expect(client.who).not.toBeNull();
    socket.named('player.resume')[2]?.ack({ ok: true, playerId: 'p_1', view: playerView(8) });
    await vi.waitFor(() => expect(client.getState()).toMatchObject({ connection: 'online', view: { seq: 8 } }));
  });

  it('ends the commands waiting for a seat that is refused for good', async () => {
    const { socket, client } = await seatedPlayer();
    socket.drop();
    const answer = client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } });
    socket.up();
    await vi.waitFor(() => expect(socket.named('player.resume')).toHaveLength(2));
    socket.named('player.resume')[1]?.ack({ ok: false, error: { code: 'KICKED', message: 'removed' } });
    expect(await answer).toMatchObject({ ok: false, error: { code: 'NOT_ATTACHED' } });
    expect(client.getState().error?.code).toBe('KICKED');
  });

  it('resends a join with the same id when its outcome is unknown', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const client = new GameClient(socket.asSocket(), { resendDelay: () => 0 });
    const joined = client.join('123456', 'Ann');
    await vi.waitFor(() => expect(socket.named('player.join')).toHaveLength(1));
    socket.named('player.join')[0]?.ack({ ok: false, error: { code: 'OUTCOME_UNKNOWN', message: 'timed out' } });
    await vi.waitFor(() => expect(socket.named('player.join')).toHaveLength(2));
    const [j1, j2] = socket.named('player.join');
    expect((j2?.payload as { cid: string }).cid).toBe((j1?.payload as { cid: string }).cid);
    j2?.ack({ ok: true, playerId: 'p_1', sessionToken: 's'.repeat(43), view: playerView(4) });
    expect(await joined).toMatchObject({ ok: true, playerId: 'p_1' });
    expect(client.who).toMatchObject({ role: 'player', sessionToken: 's'.repeat(43) });
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
