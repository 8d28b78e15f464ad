import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-client.ts';
import { errorCode, hostGame, hostSnapshot, joinPlayer, ok, openQuestion, singleQuiz, useServer } from './helpers.ts';

/**
 * Issue 6, limits on one connection, with the defaults: a command rate per socket (40 at
 * once, then 10 a second), answers with a bucket of their own, and a 16 KB payload limit
 * checked before any schema. The clock stands still unless a test moves it, so a bucket
 * refills only when the test says.
 */
describe('limits per socket', () => {
  const h = useServer();

  async function lobbyWithAnn() {
    const hosted = await hostGame(h, singleQuiz(2, 'limit', 0, 20));
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    return { ...hosted, ann };
  }

  /** Sends view.snapshot n times (in parallel) and returns the error codes, 'ok' for successes. */
  async function snapshots(c: TestClient, n: number): Promise<string[]> {
    const acks = await Promise.all(Array.from({ length: n }, () => c.sendRaw('view.snapshot', {})));
    return acks.map((a) => ((a as { ok: boolean }).ok ? 'ok' : errorCode(a)));
  }

  it('acks RATE_LIMITED past the burst, changes nothing, and lets the socket go on as the bucket refills', async () => {
    const { host, ann } = await lobbyWithAnn();
    const before = await hostSnapshot(host);
    // Ann's socket used one command to join: 39 more fit in the burst of 40.
    const codes = await snapshots(ann.client, 45);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(39);
    expect(codes.slice(39)).toEqual(Array(6).fill('RATE_LIMITED'));
    // Unknown and malformed commands cost a token too, so flooding with garbage is no way round it.
    expect(errorCode(await ann.client.sendRaw('nonsense', {}))).toBe('RATE_LIMITED');
    expect(errorCode(await ann.client.sendRaw('player.join', 42))).toBe('RATE_LIMITED');
    // A tenth of a second brings one token back (10 a second).
    await h.server.clock.advance(100);
    expect(await snapshots(ann.client, 2)).toEqual(['ok', 'RATE_LIMITED']);
    // Other sockets have buckets of their own; the game did not change.
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after.players.map((p) => [p.nickname, p.connected])).toEqual([['Ann', true]]);
  });

  it('never costs a player an answer: answers have their own bucket', async () => {
    const { host, ann } = await lobbyWithAnn();
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    // Ann's socket floods itself into RATE_LIMITED with other commands…
    expect((await snapshots(ann.client, 50)).at(-1)).toBe('RATE_LIMITED');
    // …and her answer still goes through.
    expect(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).toMatchObject({ ok: true, index: 0 });
    await host.next('question.closed');
    // Answer spam is bounded too: 20 at once (resends, answered with the original ack), then refused.
    const resend = () => ann.client.sendRaw('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } });
    const acks = await Promise.all(Array.from({ length: 21 }, resend));
    expect(acks.slice(0, 19).every((a) => (a as { ok: boolean }).ok)).toBe(true);
    expect(errorCode(acks[20])).toBe('RATE_LIMITED');
  });

  it('plays a whole game with thirty players from one address under the default limits', async () => {
    const { game, host } = await hostGame(h, singleQuiz(3, 'class', 0, 20));
    const players = [];
    for (let i = 0; i < 30; i += 1) players.push(await joinPlayer(h, game.pin, `Student ${i + 1}`));
    ok(await host.send('host.start', {}));
    for (let q = 0; q < 3; q += 1) {
      if (q > 0) await openQuestion(h, host, q);
      const acks = await Promise.all(players.map((p, i) => p.client.send('answer.submit', { index: q, answer: { kind: 'choice', choice: i % 3 } })));
      for (const a of acks) expect(a).toMatchObject({ ok: true, index: q });
      await host.next('question.closed', (m) => m.reveal.index === q);
      for (const p of players) ok(await p.client.send('view.snapshot', {}));
      ok(await host.send('host.next', {}));
      ok(await host.send('host.next', {}));
    }
    const finals = await Promise.all(players.map((p) => p.client.next('player.final')));
    expect(finals.map((f) => f.playerCount)).toEqual(Array(30).fill(30));
  });

  it('refuses a payload over 16 KB with PAYLOAD_TOO_LARGE before validation, and one nested too deeply with BAD_REQUEST', async () => {
    const { host, ann, game } = await lobbyWithAnn();
    const before = await hostSnapshot(host);
    const stranger = await h.client();
    // Just under the limit: the schema speaks (a nickname over 200 characters).
    expect(errorCode(await stranger.sendRaw('player.join', { pin: game.pin, nickname: 'x'.repeat(16_000) }))).toBe('BAD_REQUEST');
    expect(errorCode(await stranger.sendRaw('player.join', { pin: game.pin, nickname: 'x'.repeat(16_400) }))).toBe('PAYLOAD_TOO_LARGE');
    // Multi-byte characters weigh as UTF-8: 6,000 three-byte characters are 18 KB.
    expect(errorCode(await stranger.sendRaw('player.join', { pin: game.pin, nickname: '€'.repeat(6_000) }))).toBe('PAYLOAD_TOO_LARGE');
    expect(errorCode(await ann.client.sendRaw('answer.submit', { index: 0, answer: { kind: 'choices', choices: Array(20_000).fill(0) } }))).toBe('PAYLOAD_TOO_LARGE');
    // Binary attachments count by their size.
    expect(errorCode(await ann.client.sendRaw('answer.submit', { index: 0, answer: Buffer.alloc(20_000) }))).toBe('PAYLOAD_TOO_LARGE');
    expect(errorCode(await ann.client.sendRaw('answer.submit', { index: 0, answer: Buffer.alloc(100) }))).toBe('BAD_REQUEST');
    let deep: unknown = 0;
    for (let i = 0; i < 40; i += 1) deep = [deep];
    expect(errorCode(await stranger.sendRaw('display.attach', { pin: deep }))).toBe('BAD_REQUEST');
    const after = await hostSnapshot(host);
    expect(after.seq).toBe(before.seq);
    expect(after.playerCount).toBe(1);
  });

  it('refuses an answer object with a field it does not know (answers are strict)', async () => {
    const { host, ann } = await lobbyWithAnn();
    ok(await host.send('host.start', {}));
    await openQuestion(h, host, 0);
    const ack = await ann.client.sendRaw('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0, responseMs: 1 } });
    expect(errorCode(ack)).toBe('BAD_REQUEST');
    expect((ack as { error: { message: string } }).error.message).toContain('responseMs');
    expect((await hostSnapshot(host)).answered).toBe(0);
  });
});
