import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { connect, createGame, type TestClient } from '../support/test-client.ts';

describe('a whole game on the embedded default', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  it('runs lobby → questions → podium with correct scores', async () => {
    const game = await createGame(server.url, 'general-knowledge');
    const host = await connect(server.url);
    const ann = await connect(server.url);
    clients.push(host, ann);
    const attached = await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken });
    expect(attached.ok).toBe(true);
    const joined = await ann.send('player.join', { pin: game.pin, nickname: 'Ann' });
    if (!joined.ok) throw new Error(joined.error.message);
    expect((await host.send('host.start', {})).ok).toBe(true);
    const shown = await ann.next('question.shown');
    expect(shown.index).toBe(0);
    await server.clock.advance(shown.question.readMs);
    await ann.next('question.opened');
    const ack = await ann.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } });
    expect(ack).toEqual({ ok: true, index: 0, responseMs: 0 });
    const result = await ann.result();
    expect(result.result.rank).toBe(1);
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution.answered).toBe(1);
  });
});
