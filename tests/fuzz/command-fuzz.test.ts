import { commandSchemas, ERROR_CODES, type CommandName } from '@quizbus/shared';
import fc from 'fast-check';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { payloadProblem } from '../../server/src/gateway/payload-size.ts';
import type { TestClient } from '../support/test-client.ts';
import { allTypesQuiz, attachDisplay, disconnected, hostGame, hostSnapshot, joinPlayer, ok, openQuestion, useServer } from '../integration/helpers.ts';
import { argsFor, broken, COMMANDS, hostile, strangeName, validPayloads } from './payload-arbitraries.ts';

/**
 * How long the concurrent property runs. By default (in `npm test`) FUZZ_RUNS batches of 4–24
 * commands at once. `npm run fuzz -- --commands N` (scripts/fuzz/fuzz.ts) runs this same test
 * with FUZZ_COMMANDS=N: enough batches for N commands (about ten a batch), sending stops at N.
 * FUZZ_SEED (and FUZZ_PATH, from a failure's report) replays a run exactly.
 */
const TARGET = process.env.FUZZ_COMMANDS ? Number(process.env.FUZZ_COMMANDS) : null;
const RUNS = TARGET === null ? Number(process.env.FUZZ_RUNS ?? 400) : Math.ceil(TARGET / 9);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const PATH = process.env.FUZZ_PATH;
/**
 * An ack must come; a generous bound for a loaded machine, not a timing assertion. 20 s was
 * passed once in a 100,000-command run at a load average of 20 on two cores (issue 19).
 */
const ACK_TIMEOUT_MS = 120_000;
/**
 * The test's own bound, a second a batch and ten minutes at least: a bound against a hang, not
 * a timing assertion. On a loaded 2-core machine 400 batches took over two minutes (the old bound).
 */
const TEST_TIMEOUT_MS = Math.max(600_000, RUNS * 1000);
const MAX_COMMAND_BYTES = 16_384;

/**
 * Issue 6, point 1: hostile payloads for every command, from many sockets at once, against a
 * real server: nothing crashes, every command is acknowledged exactly once with a documented
 * shape (an error code whenever the payload is not a well-formed command), and the game, its
 * players and scores are exactly as before. The per-socket rate limit is off here (the clock
 * stands still and the point is to reach validation); the limits have their own tests.
 */
describe('fuzzing every command', () => {
  const h = useServer({ COMMAND_RATE: '0', PIN_MISSES_PER_MINUTE: '0', JOINS_PER_MINUTE: '0' });

  async function setup() {
    // The heartbeat is not under test here: at a load average of 20–30 on two cores the test
    // process (client and server both) once went 45 s without a ping and every socket dropped.
    // A longer pong wait for this server's sockets only; the sockets are opened below.
    h.server.quizbus.io.engine.opts.pingTimeout = 300_000;
    const hosted = await hostGame(h, allTypesQuiz(0, 240));
    const display = await attachDisplay(h, hosted.game.pin);
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    const bob = await joinPlayer(h, hosted.game.pin, 'Bob');
    ok(await hosted.host.send('host.start', {}));
    await openQuestion(h, hosted.host, 0);
    ok(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    const strangers: TestClient[] = [];
    for (let i = 0; i < 6; i += 1) strangers.push(await h.client());
    return { ...hosted, display, ann, bob, strangers };
  }

  /** Everything a command could change: the host's view of the game and each player's own. */
  async function gameState(host: TestClient, players: TestClient[]) {
    const screen = await hostSnapshot(host);
    const mine = [];
    for (const p of players) {
      const v = ok(await p.send('view.snapshot', {})).view;
      mine.push(v.role === 'player' ? { me: v.me, myAnswer: v.myAnswer ?? null } : v.role);
    }
    const { serverNow: _now, ...question } = screen.question ?? { serverNow: 0 };
    return { seq: screen.seq, publicSeq: screen.publicSeq, phase: screen.phase, locked: screen.locked, answered: screen.answered, players: screen.players, question, mine };
  }

  /**
   * The arguments as the server will decode them: through Socket.IO's own encoder and decoder,
   * so that JSON's changes (NaN to null, Dates to strings, Maps to {}, null prototypes to plain
   * objects) and binary attachments (to Buffers) are what the check below sees.
   */
  function onTheWire(name: string, args: unknown[]): unknown[] {
    const parts = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: [name, ...args] });
    const decoder = new Decoder();
    let data: unknown[] = [];
    decoder.on('decoded', (packet) => {
      data = (packet.data as unknown[] | undefined) ?? [];
    });
    for (const part of parts) decoder.add(part);
    return data.slice(1);
  }

  /**
   * Whether Socket.IO can send it at all. fast-check can build objects no wire can carry (a
   * "__proto__" key assigned as a prototype makes an object that claims to be a typed array);
   * the client library throws on those before anything is sent, so they are left out.
   */
  function encodable(name: string, args: unknown[]): boolean {
    try {
      onTheWire(name, args);
      return true;
    } catch {
      return false;
    }
  }

  /** Whether the server must take this as a well-formed command (name, payload, size). */
  function wellFormed(name: string, sent: unknown[]): boolean {
    if (!Object.hasOwn(commandSchemas, name) || sent.length === 0) return false;
    const args = onTheWire(name, sent);
    if (payloadProblem(args, MAX_COMMAND_BYTES) !== null) return false;
    return commandSchemas[name as CommandName].safeParse(args[0]).success;
  }

  it('acknowledges thousands of hostile commands from ten sockets at once with error codes and changes nothing', async () => {
    const { game, host, display, ann, bob, strangers } = await setup();
    const before = await gameState(host, [ann.client, bob.client]);
    const valid = validPayloads(game.pin);
    const payloadFor = (name: CommandName) => {
      const v = valid[name] ?? fc.constant({});
      return fc.oneof({ weight: 3, arbitrary: broken(v) }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: v });
    };
    const command = fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...COMMANDS).chain((name) => argsFor(payloadFor(name)).map((args) => ({ name: name, args }))) },
      { weight: 1, arbitrary: fc.tuple(strangeName, argsFor(hostile)).map(([name, args]) => ({ name, args })) },
    );
    // Senders 0–6 (strangers and the display) may send anything. The host and the players
    // could change the game with a well-formed command, so they send only malformed ones.
    const free = [...strangers, display.client];
    const guarded = [host, ann.client, bob.client];
    const sent = fc
      .tuple(fc.nat({ max: free.length + guarded.length - 1 }), command)
      .filter(([who, c]) => encodable(c.name, c.args) && (who < free.length || !wellFormed(c.name, c.args)));
    const batch = fc.array(sent, { minLength: 4, maxLength: 24 });

    let count = 0;
    let accepted = 0;
    let batches = 0;
    const codes = new Map<string, number>();
    // A socket the server closed would turn every later command into a 20 s ack timeout (and
    // fast-check's shrinking into hours): say which socket went and why, at once.
    const gone: string[] = [];
    [...free, ...guarded].forEach((c, i) => c.socket.on('disconnect', (reason) => gone.push(`socket ${i}: ${reason}`)));
    const started = performance.now();
    console.log(`fuzz: seed ${SEED}, ${RUNS} batches${TARGET === null ? '' : ` up to ${TARGET} commands`} (FUZZ_SEED=${SEED} replays this run)`);
    await fc.assert(
      fc.asyncProperty(batch, async (items) => {
        if (TARGET !== null && count >= TARGET) return;
        expect(gone, 'a fuzzing socket was disconnected').toEqual([]);
        batches += 1;
        if (TARGET !== null && batches % 500 === 0) console.log(`fuzz: ${count} commands after ${batches} batches, ${((performance.now() - started) / 60_000).toFixed(1)} min`);
        const acks = await Promise.all(
          items.map(async ([who, c]) => {
            const sender = (free[who] ?? guarded[who - free.length]) as TestClient;
            const emit = sender.socket.timeout(ACK_TIMEOUT_MS).emitWithAck as unknown as (n: string, ...a: unknown[]) => Promise<unknown>;
            return { c, ack: await emit.call(sender.socket, c.name, ...c.args) };
          }),
        );
        for (const { c, ack } of acks) {
          count += 1;
          const a = ack as { ok: boolean; error?: { code: string; message: string } };
          expect(typeof a.ok).toBe('boolean');
          if (a.ok) accepted += 1;
          else {
            expect(Object.keys(a).sort()).toEqual(['error', 'ok']);
            expect(ERROR_CODES).toContain(a.error?.code);
            expect(a.error?.message.length).toBeGreaterThan(0);
            codes.set(a.error?.code ?? '', (codes.get(a.error?.code ?? '') ?? 0) + 1);
          }
          // A bug would show as INTERNAL; a malformed command must be refused as such.
          expect(a.error?.code, `${c.name}`).not.toBe('INTERNAL');
          if (!wellFormed(c.name, c.args)) expect(a.ok, `${c.name} ${JSON.stringify(c.args).slice(0, 200)}`).toBe(false);
        }
      }),
      // A long run reports its first failure as found: shrinking against a live server (each try
      // a batch) is slow, and the seed with fast-check's path replays the failing batch anyway.
      { numRuns: RUNS, seed: SEED, ...(PATH !== undefined && { path: PATH }), ...((PATH !== undefined || TARGET !== null) && { endOnFailure: true }) },
    );

    // A fixed corpus of the worst cases, once each, from a player (the socket with most to lose).
    const MB = 'x'.repeat(1024 * 1024);
    let deep: unknown = 0;
    // 1,000 levels, 31 times the limit: at 3,000 the client's own JSON.stringify once ran out of stack.
    for (let i = 0; i < 1_000; i += 1) deep = [deep];
    const corpus: Array<[string, unknown[]]> = [
      ['player.join', [{ pin: game.pin, nickname: MB }]],
      ['answer.submit', [{ index: 0, answer: { kind: 'text', text: MB } }]],
      ['answer.submit', [{ index: 0, answer: deep }]],
      ['answer.submit', [{ index: 0, answer: { kind: 'number', value: new Float64Array([Number.NaN]) } }]],
      ['answer.submit', [{ index: 0, answer: { kind: 'choice', choice: Buffer.from([1]) } }]],
      ['answer.submit', [{ index: -1, answer: { kind: 'choice', choice: 1 } }]],
      ['answer.submit', [{ index: 2 ** 53, answer: { kind: 'choice', choice: 1 } }]],
      ['answer.submit', [JSON.parse('{"index":1,"answer":{"kind":"choice","choice":0},"__proto__":{"index":0}}') as unknown]],
      ['answer.submit', [JSON.parse('{"index":1,"answer":{"kind":"choice","choice":0,"__proto__":{"points":99999}}}') as unknown]],
      ['host.end', [JSON.parse('{"constructor":{"prototype":{"isHost":true}}}') as unknown]],
      ['host.kick', [{ playerId: ann.playerId, __proto__: null }]],
    ];
    for (const [name, args] of corpus) {
      for (const sender of [bob.client, ann.client]) {
        const ack = (await sender.sendRaw(name, ...args)) as { ok: boolean; error?: { code: string } };
        count += 1;
        expect(ack.ok, name).toBe(false);
        expect(['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN', 'UNKNOWN_QUESTION']).toContain(ack.error?.code);
      }
    }

    const after = await gameState(host, [ann.client, bob.client]);
    expect(after).toEqual(before);
    expect(({} as Record<string, unknown>).isHost).toBeUndefined();
    // The game goes on: Bob's real answer is taken and closes the question.
    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 2, correct: 2 });
    const summary = [...codes.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(
      `fuzz: ${count} commands from ${free.length + guarded.length} sockets, every one acknowledged, INTERNAL ${codes.get('INTERNAL') ?? 0}, game state unchanged; ${accepted} well-formed ones from strangers and the display accepted (display.attach, view.snapshot); refusals: ${summary}; seed ${SEED}`,
    );
    expect(count).toBeGreaterThan(TARGET ?? RUNS * 4);
  }, TEST_TIMEOUT_MS);

  it('survives malformed Socket.IO frames: only the sending connection is closed', async () => {
    const { host, ann, bob } = await setup();
    const before = await gameState(host, [ann.client, bob.client]);
    const frames: Array<string | Buffer> = [
      '2["answer.submit",{"index":NaN}]', // not JSON
      '2["answer.submit",{"index":Infinity,"answer":1}]',
      '2["disconnect"]', // a reserved event name
      '2{"answer.submit":1}', // not an array
      '2[]',
      '21[',
      '9["x"]', // unknown packet type
      '51-["answer.submit",{"_placeholder":true,"num":5}]', // attachment index out of range, then…
      '599-["answer.submit",{}]', // too many attachments
      `2${'['.repeat(200_000)}`,
      Buffer.from([1, 2, 3]), // binary with no packet waiting for it
    ];
    for (const frame of frames) {
      const c = await h.client();
      const engine = c.socket.io.engine as unknown as { write(data: string | Buffer): void };
      engine.write(frame);
      if (typeof frame === 'string' && frame.startsWith('51-')) engine.write(Buffer.from([0]));
      await disconnected(c);
    }
    // A well-formed raw frame with an ack id is answered like any command.
    const raw = await h.client();
    const acked = new Promise<unknown>((resolve) => raw.socket.io.engine.once('message', (data: unknown) => resolve(data)));
    (raw.socket.io.engine as unknown as { write(data: string): void }).write('27["view.snapshot",{}]');
    expect(String(await acked)).toMatch(/^37\[\{"ok":false,"error":\{"code":"NOT_ATTACHED"/);
    expect(await gameState(host, [ann.client, bob.client])).toEqual(before);
  });
});
