import { CHAINED_MESSAGES } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-client.ts';
import { allTypesQuiz, attachDisplay, closeAndWait, hostGame, joinPlayer, ok, singleQuiz, TYPES, useServer } from './helpers.ts';

const CHAINED = new Set<string>(CHAINED_MESSAGES);

/**
 * Checks a client's chain: each chained message's prevSeq is the seq of the chained message
 * before it, the first continues `publicSeq` of the client's view, seqs strictly increase, and
 * no frame's seq goes backwards. Returns the names of the chained messages.
 */
function expectChain(c: TestClient, publicSeq: number, label: string): string[] {
  let prev = publicSeq;
  let last = 0;
  const names: string[] = [];
  for (const f of c.frames) {
    const p = f.payload as { seq: number; prevSeq?: number };
    expect(typeof p.seq, `${label}: ${f.name} has a seq`).toBe('number');
    expect(p.seq, `${label}: ${f.name} seq never goes back`).toBeGreaterThanOrEqual(last);
    last = p.seq;
    if (!CHAINED.has(f.name)) {
      expect(p.prevSeq, `${label}: ${f.name} is not chained`).toBeUndefined();
      continue;
    }
    expect(p.prevSeq, `${label}: ${f.name} (seq ${p.seq}) continues the chain`).toBe(prev);
    expect(p.seq, `${label}: ${f.name} seq increases`).toBeGreaterThan(prev);
    prev = p.seq;
    names.push(f.name);
  }
  return names;
}

describe('sequence numbers', () => {
  const h = useServer();

  it('chains every message from the view\'s publicSeq, for players, host, display, late joiners and resumed players', async () => {
    const { game, host, hostView } = await hostGame(h, allTypesQuiz(1, 20), { allowLateJoin: true });
    const display = await attachDisplay(h, game.pin);
    const ann = await joinPlayer(h, game.pin, 'Ann');
    const bob = await joinPlayer(h, game.pin, 'Bob');
    expect(ann.view.publicSeq).toBe(hostView.publicSeq);
    const starts = new Map<TestClient, [number, string]>([
      [host, [hostView.publicSeq, 'host']],
      [display.client, [display.view.publicSeq, 'display']],
      [ann.client, [ann.view.publicSeq, 'Ann']],
      [bob.client, [bob.view.publicSeq, 'Bob']],
    ]);
    let bobSocket = bob.client;
    let catSocket: TestClient | null = null;
    ok(await host.send('host.start', {}));
    for (let i = 0; i < TYPES.length; i += 1) {
      await host.next('question.shown', (m) => m.index === i);
      await h.server.clock.advance(1_000);
      await host.next('question.opened', (m) => m.index === i);
      if (i === 1) {
        // A late joiner and a late display start their chains mid-game.
        const cat = await joinPlayer(h, game.pin, 'Cat');
        starts.set(cat.client, [cat.view.publicSeq, 'Cat']);
        catSocket = cat.client;
        const late = await attachDisplay(h, game.pin);
        starts.set(late.client, [late.view.publicSeq, 'late display']);
        expect(cat.view.publicSeq).toBe(host.all('question.opened').at(-1)!.seq);
      }
      if (i === 3) {
        // Bob's phone sleeps through the close and the leaderboard, then resumes.
        await closeAndWait(h, bobSocket);
      }
      if (i === 0 || i === 4) {
        // Closed by all answering.
        const answer = i === 0 ? { kind: 'choice', choice: 1 } : { kind: 'number', value: 73.25 };
        for (const c of [ann.client, bobSocket, ...(catSocket ? [catSocket] : [])]) {
          expect(await c.sendRaw('answer.submit', { index: i, answer })).toMatchObject({ ok: true });
        }
      } else if (i === 2 || i === 3) {
        await h.server.clock.advance(20_000); // closed at the deadline
      } else {
        ok(await host.send('host.skip', {}));
      }
      await host.next('question.closed', (m) => m.reveal.index === i);
      ok(await host.send('host.next', {}));
      await host.next('leaderboard.shown', (m) => m.index === i);
      if (i === 3) {
        const phone = await h.client();
        const resumed = ok(await phone.send('player.resume', { pin: game.pin, sessionToken: bob.sessionToken }));
        // The resumed view continues from the latest chained message the room heard.
        expect(resumed.view.publicSeq).toBe(host.all('leaderboard.shown').at(-1)!.seq);
        // The old socket's chain stopped with what it heard; it saw a gap nobody can fill but a view.
        expectChain(bobSocket, bob.view.publicSeq, 'Bob before sleeping');
        starts.set(phone, [resumed.view.publicSeq, 'Bob resumed']);
        starts.delete(bob.client);
        bobSocket = phone;
      }
      ok(await host.send('host.next', {}));
    }
    await host.next('game.ended');
    for (const c of starts.keys()) await c.next('game.ended');
    await h.server.clock.advance(500);

    const fullChain = ['game.started', ...TYPES.flatMap(() => ['question.shown', 'question.opened', 'question.closed', 'leaderboard.shown']), 'game.ended'];
    for (const [c, [start, label]] of starts) {
      const names = expectChain(c, start, label);
      expect(names.at(-1)).toBe('game.ended');
      if (['host', 'display', 'Ann'].includes(label)) expect(names).toEqual(fullChain);
    }
    // Everyone heard the same chained seqs from the point they joined.
    const hostSeqs = host.frames.filter((f) => CHAINED.has(f.name)).map((f) => (f.payload as { seq: number }).seq);
    for (const c of starts.keys()) {
      const seqs = c.frames.filter((f) => CHAINED.has(f.name)).map((f) => (f.payload as { seq: number }).seq);
      expect(hostSeqs.slice(hostSeqs.length - seqs.length)).toEqual(seqs);
    }
    // A snapshot at the end agrees with the chain.
    const snap = ok(await ann.client.send('view.snapshot', {})).view;
    expect(snap.publicSeq).toBe(hostSeqs.at(-1));
    expect(snap.seq).toBeGreaterThanOrEqual(snap.publicSeq);
  });

  it('skips private events in the chain: answers and joins move seq but not prevSeq', async () => {
    const { game, host } = await hostGame(h, singleQuiz(1, 'seq', 0, 20));
    const ann = await joinPlayer(h, game.pin, 'Ann');
    const bob = await joinPlayer(h, game.pin, 'Bob');
    ok(await host.send('host.start', {}));
    const shown = await ann.client.next('question.shown');
    await h.server.clock.advance(0);
    const opened = await ann.client.next('question.opened');
    expect(opened.prevSeq).toBe(shown.seq);
    ok(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } }));
    const closed = await ann.client.next('question.closed');
    // Two answers were events in between: seq jumped by 3, the chain by one link.
    expect(closed.prevSeq).toBe(opened.seq);
    expect(closed.seq).toBe(opened.seq + 3);
    const result = await ann.client.result();
    expect(result.seq).toBe(closed.seq);
  });

  it('acks a join before any event that follows it reaches the new player', async () => {
    const { game, host } = await hostGame(h, singleQuiz(2, 'order', 0, 20), { allowLateJoin: true });
    const ann = await joinPlayer(h, game.pin, 'Ann');
    ok(await host.send('host.start', {}));
    await h.server.clock.advance(0);
    await host.next('question.opened');
    // A host's skip lands in the game's queue right behind the join, as when both arrive at once.
    const rt = h.server.quizbus.node.runtime(game.gameId)!;
    const execute = rt.execute.bind(rt);
    rt.execute = ((command, then) => {
      const outcome = execute(command, then);
      if (command.type === 'join') void execute({ type: 'skip', hostTokenHash: rt.current.hostTokenHash });
      return outcome;
    });
    const cat = await h.client();
    const ack = await new Promise<{ framesBefore: string[]; view: { publicSeq: number; phase: string } }>((resolve) => {
      const raw = cat.socket as unknown as { emit: (name: string, ...args: unknown[]) => void };
      raw.emit('player.join', { pin: game.pin, nickname: 'Cat' }, (a: { view: { publicSeq: number; phase: string } }) =>
        resolve({ framesBefore: cat.frames.map((f) => f.name), view: a.view }),
      );
    });
    rt.execute = execute;
    // The ack came first, with the view before the skip; the close follows and continues its chain.
    expect(ack.framesBefore).toEqual([]);
    expect(ack.view.phase).toBe('open');
    const closed = await cat.next('question.closed');
    expect(closed.prevSeq).toBe(ack.view.publicSeq);
    expect((await ann.client.next('question.closed')).seq).toBe(closed.seq);
  });
});
