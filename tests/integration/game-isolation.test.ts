import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-client.ts';
import { attachDisplay, hostGame, joinPlayer, ok, singleQuiz, useServer, walk, type JoinedPlayer } from './helpers.ts';

/** Guarantee: one game never hears another. Every emit targets a game's room. */
describe('two games at once never receive each other\'s events', () => {
  const h = useServer();

  async function makeGame(marker: string, nicknames: string[]) {
    const hosted = await hostGame(h, singleQuiz(2, marker, 1, 20));
    const display = await attachDisplay(h, hosted.game.pin);
    const players: JoinedPlayer[] = [];
    for (const n of nicknames) players.push(await joinPlayer(h, hosted.game.pin, n));
    return { ...hosted, display, players, marker, nicknames, sockets: [hosted.host, display.client, ...players.map((p) => p.client)] };
  }
  type Game = Awaited<ReturnType<typeof makeGame>>;

  /** Every string value anywhere in a client's frames. */
  function stringsIn(c: TestClient): Set<string> {
    const out = new Set<string>();
    walk(c.frames, (v) => {
      if (typeof v === 'string') out.add(v);
    });
    return out;
  }

  function expectDeaf(g: Game, other: Game) {
    const foreign = [other.game.gameId, other.game.pin, ...other.nicknames, ...other.players.map((p) => p.playerId)];
    for (const c of g.sockets) {
      const strings = stringsIn(c);
      for (const s of foreign) expect(strings.has(s), `${g.marker} socket got "${s}" of ${other.marker}`).toBe(false);
      const text = JSON.stringify(c.frames);
      expect(text).not.toContain(other.marker);
      expect(text).not.toContain(other.game.gameId);
    }
  }

  it('keeps frames, counts and sequence numbers per game', async () => {
    const a = await makeGame('alpha', ['Ann', 'Bob']);
    const b = await makeGame('beta', ['Cat', 'Dan', 'Eve']);
    // Both games run at once, interleaved on one server and one clock.
    ok(await a.host.send('host.start', {}));
    ok(await b.host.send('host.start', {}));
    await a.host.next('question.shown');
    await b.host.next('question.shown');
    await h.server.clock.advance(1_000);
    await a.host.next('question.opened');
    await b.host.next('question.opened');
    ok(await a.players[0]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    ok(await b.players[0]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    ok(await b.players[1]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    await h.server.clock.advance(250);
    const aCount = await a.host.next('answers.counted');
    const bCount = await b.host.next('answers.counted');
    expect(aCount).toMatchObject({ answered: 1, total: 2 });
    expect(bCount).toMatchObject({ answered: 2, total: 3 });
    // Game A closes by all-answered while B keeps waiting.
    ok(await a.players[1]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    const aClosed = await a.display.client.next('question.closed');
    expect(aClosed.reveal.distribution).toMatchObject({ answered: 2, total: 2, correct: 2 });
    for (const c of b.sockets) expect(c.all('question.closed')).toHaveLength(0);
    // B closes at its own deadline.
    await h.server.clock.advance(20_000);
    const bClosed = await b.display.client.next('question.closed');
    expect(bClosed.reveal.distribution).toMatchObject({ answered: 2, total: 3, correct: 1 });
    for (const c of a.sockets) expect(c.all('question.closed')).toHaveLength(1);
    // A finishes; B is mid-game and hears nothing of it.
    ok(await a.host.send('host.end', {}));
    for (const c of a.sockets) await c.next('game.ended');
    for (const c of b.sockets) expect(c.all('game.ended')).toHaveLength(0);
    ok(await b.host.send('host.next', {}));
    ok(await b.host.send('host.next', {}));
    await h.server.clock.advance(1_000);
    for (const c of b.sockets) await c.next('question.opened', (m) => m.index === 1);
    ok(await b.host.send('host.end', {}));
    for (const c of b.sockets) await c.next('game.ended');
    await h.server.clock.advance(500);

    expectDeaf(a, b);
    expectDeaf(b, a);
    // Each game's lists and podium count its own players only.
    for (const [g, n] of [[a, 2], [b, 3]] as const) {
      for (const c of [g.host, g.display.client]) {
        for (const m of c.all('players.updated')) {
          expect(m.playerCount).toBe(n);
          expect(m.players.map((p) => p.nickname).sort()).toEqual([...g.nicknames].sort());
        }
        for (const m of c.all('answers.counted')) expect(m.total).toBe(n);
      }
      for (const c of g.sockets) expect((await c.next('game.ended')).podium.playerCount).toBe(n);
      for (const p of g.players) expect(p.client.all('player.final')).toHaveLength(1);
    }
    // Sequence numbers are per game: each game's chain is unbroken by the other's events.
    for (const g of [a, b]) {
      const chained = g.players[0]!.client.frames.filter((f) => ['game.started', 'question.shown', 'question.opened', 'question.closed', 'leaderboard.shown', 'game.ended'].includes(f.name));
      let prev = g.players[0]!.view.publicSeq;
      for (const f of chained) {
        const p = f.payload as { seq: number; prevSeq: number };
        expect(p.prevSeq, `${g.marker} ${f.name}`).toBe(prev);
        prev = p.seq;
      }
    }
  });

  it('does not let a socket of one game act on or read the other', async () => {
    const a = await makeGame('alpha', ['Ann']);
    const b = await makeGame('beta', ['Cat']);
    // A's host token does not attach to B.
    const wrong = await a.host.send('host.attach', { pin: b.game.pin, hostToken: a.game.hostToken });
    expect(wrong.ok).toBe(false);
    // A's session token does not resume in B.
    const resume = await h.client();
    expect(await resume.send('player.resume', { pin: b.game.pin, sessionToken: a.players[0]!.sessionToken })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    // A's host kicking B's player: unknown in A.
    expect(await a.host.send('host.kick', { playerId: b.players[0]!.playerId })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PLAYER' } });
    ok(await b.host.send('host.start', {}));
    await h.server.clock.advance(1_000);
    await b.host.next('question.opened');
    // A's player answering reaches A (in the lobby: not open), never B's open question.
    expect(await a.players[0]!.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).toMatchObject({ ok: false, error: { code: 'NOT_OPEN' } });
    const aView = ok(await a.host.send('view.snapshot', {})).view;
    expect(aView).toMatchObject({ gameId: a.game.gameId, phase: 'lobby', playerCount: 1 });
    const bView = ok(await b.host.send('view.snapshot', {})).view;
    expect(bView).toMatchObject({ gameId: b.game.gameId, phase: 'open', answered: 0 });
    // A socket that moves from one game to the other stops hearing the first.
    const mover = a.display.client;
    ok(await mover.send('display.attach', { pin: b.game.pin }));
    const heardBefore = mover.frames.length;
    ok(await a.host.send('host.start', {}));
    await a.host.next('question.shown');
    await a.players[0]!.client.next('question.shown');
    ok(await b.host.send('host.skip', {}));
    await mover.next('question.closed');
    expect(mover.frames.slice(heardBefore).map((f) => f.name)).toEqual(['question.closed']);
  });
});
