import type { CommandName } from '@quizbus/shared';
import { commandSchemas } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-client.ts';
import {
  allTypesQuiz,
  attachDisplay,
  disconnected,
  errorCode,
  hostGame,
  hostSnapshot,
  joinPlayer,
  ok,
  openQuestion,
  SECRETS,
  TYPES,
  unusedPin,
  useServer,
} from './helpers.ts';

/**
 * Guarantee: bad input gets a clear error and changes nothing. These tests send a hundred
 * commands a second from one socket with the clock standing still, which is what the
 * per-socket rate limit exists to stop (tests/integration/limits.test.ts): it is off here so
 * that every payload reaches validation.
 */
describe('malformed payloads get an error ack and change nothing', () => {
  const h = useServer({ COMMAND_RATE: '0' });

  const MB = 'x'.repeat(1024 * 1024);
  /** Marks "send the command with no payload at all, only the ack callback". */
  const NONE = Symbol('no payload');
  type Case = [label: string, payload: unknown, code?: string];

  /** Malformations that fit any command, built around a valid payload. */
  function generic(valid: Record<string, unknown>): Case[] {
    return [
      ['no payload', NONE],
      ['null', null],
      ['an empty array', []],
      ['the valid payload wrapped in an array', [valid]],
      ['a string', 'hello'],
      ['a number', 42],
      ['NaN (null on the wire)', Number.NaN],
      ['a boolean', true],
      ['an extra field', { ...valid, extra: 1 }],
      ['a 1 MB extra field', { ...valid, junk: MB }],
      ['a __proto__ key', Object.assign(JSON.parse('{"__proto__": {"admin": true}}') as object, valid)],
    ];
  }

  async function setup() {
    const hosted = await hostGame(h, allTypesQuiz(0, 20));
    const display = await attachDisplay(h, hosted.game.pin);
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    const bob = await joinPlayer(h, hosted.game.pin, 'Bob');
    const stranger = await h.client();
    ok(await hosted.host.send('host.start', {}));
    await openQuestion(h, hosted.host, 0);
    // Ann has answered question 0 (single, options Venus/Mars/Jupiter/Saturn); Bob has not.
    ok(await ann.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    return { ...hosted, display, ann, bob, stranger };
  }

  /** The parts of the game any command could change, as seen by the host and by Ann. */
  async function gameState(host: TestClient, ann: TestClient) {
    const screen = await hostSnapshot(host);
    const mine = ok(await ann.send('view.snapshot', {})).view;
    return {
      seq: screen.seq,
      publicSeq: screen.publicSeq,
      phase: screen.phase,
      locked: screen.locked,
      answered: screen.answered,
      playerCount: screen.playerCount,
      players: screen.players,
      question: screen.question?.index,
      ann: mine.role === 'player' ? { me: mine.me, myAnswer: mine.myAnswer } : null,
    };
  }

  async function send(c: TestClient, name: string, payload: unknown): Promise<unknown> {
    return payload === NONE ? c.sendRaw(name) : c.sendRaw(name, payload);
  }

  // Over a hundred round trips, some with megabyte payloads: a generous timeout for loaded machines.
  // A payload over MAX_COMMAND_BYTES (16 KB) is refused as such, PAYLOAD_TOO_LARGE, before any schema.
  it('refuses malformed payloads of every command with BAD_REQUEST (PAYLOAD_TOO_LARGE when over 16 KB), from every role, without effect', async () => {
    const { game, host, display, ann, bob, stranger } = await setup();
    const pin = game.pin;
    const cases: Record<CommandName, Case[]> = {
      'host.attach': [
        ...generic({ pin, hostToken: game.hostToken }),
        ['no fields', {}],
        ['no pin', { hostToken: game.hostToken }],
        ['PIN as a number', { pin: Number(pin), hostToken: game.hostToken }],
        ['5-digit PIN', { pin: '12345', hostToken: game.hostToken }],
        ['7-digit PIN', { pin: '1234567', hostToken: game.hostToken }],
        ['PIN with letters', { pin: '12a456', hostToken: game.hostToken }],
        ['PIN with a space', { pin: ` ${pin}`, hostToken: game.hostToken }],
        ['1 MB PIN', { pin: MB, hostToken: game.hostToken }],
        ['token as a number', { pin, hostToken: 1234567890123456 }],
        ['short token', { pin, hostToken: 'abc' }],
        ['1 MB token', { pin, hostToken: MB }],
        ['token as an object', { pin, hostToken: { $ne: '' } }],
      ],
      'display.attach': [
        ...generic({ pin }),
        ['no fields', {}],
        ['PIN as a number', { pin: Number(pin) }],
        ['PIN as an array', { pin: [pin] }],
        ['1 MB PIN', { pin: MB }],
        ['valid PIN plus a host token', { pin, hostToken: game.hostToken }],
      ],
      'player.join': [
        ...generic({ pin, nickname: 'Mallory' }),
        ['no nickname', { pin }],
        ['nickname null', { pin, nickname: null }],
        ['nickname as a number', { pin, nickname: 42 }],
        ['nickname as an array', { pin, nickname: ['Mallory'] }],
        ['nickname as an object', { pin, nickname: { toString: 'Mallory' } }],
        ['1 MB nickname', { pin, nickname: MB }],
        ['PIN as a number', { pin: Number(pin), nickname: 'Mallory' }],
        ['student id as a number', { pin, nickname: 'Mallory', studentId: 42 }],
        ['1 MB student id', { pin, nickname: 'Mallory', studentId: MB }],
      ],
      'player.reroll': generic({}),
      'player.resume': [
        ...generic({ pin, sessionToken: ann.sessionToken }),
        ['no token', { pin }],
        ['token null', { pin, sessionToken: null }],
        ['short token', { pin, sessionToken: 'short' }],
        ['1 MB token', { pin, sessionToken: MB }],
        // eslint-disable-next-line no-loss-of-precision -- any large number will do: it is not a string
        ['token as a number', { pin, sessionToken: 12345678901234567890 }],
      ],
      'answer.submit': [
        ...generic({ index: 0, answer: { kind: 'choice', choice: 0 } }),
        ['no answer', { index: 0 }],
        ['no index', { answer: { kind: 'choice', choice: 0 } }],
        ['index as a string', { index: '0', answer: { kind: 'choice', choice: 0 } }],
        ['negative index', { index: -1, answer: { kind: 'choice', choice: 0 } }],
        ['fractional index', { index: 0.5, answer: { kind: 'choice', choice: 0 } }],
        ['index beyond the wire limit', { index: 1000, answer: { kind: 'choice', choice: 0 } }],
        ['index NaN', { index: Number.NaN, answer: { kind: 'choice', choice: 0 } }],
        ['index Infinity', { index: Number.POSITIVE_INFINITY, answer: { kind: 'choice', choice: 0 } }],
        ['answer null', { index: 0, answer: null }],
        ['answer as a number', { index: 0, answer: 1 }],
        ['answer without kind', { index: 0, answer: { choice: 1 } }],
        ['unknown answer kind', { index: 0, answer: { kind: 'guess', choice: 1 } }],
        ['choice as a string', { index: 0, answer: { kind: 'choice', choice: '1' } }],
        ['choice beyond any question (6)', { index: 0, answer: { kind: 'choice', choice: 6 } }],
        ['negative choice', { index: 0, answer: { kind: 'choice', choice: -1 } }],
        ['fractional choice', { index: 0, answer: { kind: 'choice', choice: 1.5 } }],
        ['choice NaN', { index: 0, answer: { kind: 'choice', choice: Number.NaN } }],
        ['empty choices', { index: 0, answer: { kind: 'choices', choices: [] } }],
        ['seven choices', { index: 0, answer: { kind: 'choices', choices: [0, 1, 2, 3, 4, 5, 0] } }],
        ['choices as strings', { index: 0, answer: { kind: 'choices', choices: ['0'] } }],
        ['1 MB text', { index: 0, answer: { kind: 'text', text: MB } }],
        ['text as a number', { index: 0, answer: { kind: 'text', text: 7 } }],
        ['value as a string', { index: 0, answer: { kind: 'number', value: '50' } }],
        ['value NaN', { index: 0, answer: { kind: 'number', value: Number.NaN } }],
        ['value Infinity', { index: 0, answer: { kind: 'number', value: Number.NEGATIVE_INFINITY } }],
        ['order of one', { index: 0, answer: { kind: 'order', order: [0] } }],
        ['order of seven', { index: 0, answer: { kind: 'order', order: [0, 1, 2, 3, 4, 5, 0] } }],
      ],
      'host.start': generic({}),
      'host.shuffleTeams': generic({}),
      'player.team': [
        ...generic({ team: 0 }),
        ['no team', {}],
        ['team as a string', { team: '0' }],
        ['negative team', { team: -1 }],
        ['team 8', { team: 8 }],
      ],
      'host.next': generic({}),
      'host.skip': generic({}),
      'host.end': generic({}),
      'host.kick': [
        ...generic({ playerId: bob.playerId }),
        ['no playerId', {}],
        ['empty playerId', { playerId: '' }],
        ['playerId as a number', { playerId: 7 }],
        ['playerId of 65 characters', { playerId: 'p'.repeat(65) }],
        ['1 MB playerId', { playerId: MB }],
        ['playerId list', { playerId: [bob.playerId] }],
      ],
      'host.hideWord': [
        ...generic({ index: 0, word: 'kafka', hidden: true }),
        ['no word', { index: 0, hidden: true }],
        ['empty word', { index: 0, word: '', hidden: true }],
        ['hidden as a string', { index: 0, word: 'kafka', hidden: 'yes' }],
      ],
      'host.approveAnswer': [
        ...generic({ index: 0, playerId: 'p1', approved: true }),
        ['no playerId', { index: 0, approved: true }],
        ['approved as a number', { index: 0, playerId: 'p1', approved: 1 }],
        ['negative index', { index: -1, playerId: 'p1', approved: true }],
      ],
      'host.lock': [
        ...generic({ locked: true }),
        ['no locked', {}],
        ['locked as a string', { locked: 'true' }],
        ['locked as a number', { locked: 1 }],
        ['locked null', { locked: null }],
      ],
      'view.snapshot': generic({}),
      'telemetry.watch': [
        ...generic({ on: true }),
        ['no on', {}],
        ['on as a string', { on: 'true' }],
        ['on null', { on: null }],
      ],
    };
    // Every command of the protocol is covered.
    expect(Object.keys(cases).sort()).toEqual(Object.keys(commandSchemas).sort());

    const before = await gameState(host, ann.client);
    const bobFrames = bob.client.frames.length;
    let sent = 0;
    for (const [name, list] of Object.entries(cases)) {
      for (const [label, payload] of list) {
        // Identity commands from a fresh socket and from a player; the others from the role they are meant for.
        // Megabyte payloads go once, from the player (the socket with most to lose).
        const big = typeof payload !== 'symbol' && (JSON.stringify(payload) ?? '').length > 100_000;
        const senders: TestClient[] =
          name.startsWith('host.') && name !== 'host.attach' ? [host] : name === 'answer.submit' || big ? [ann.client] : [stranger, ann.client, display.client];
        for (const c of senders) {
          const code = errorCode(await send(c, name, payload));
          expect(code, `${name} with ${label}`).toBe(big ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
          sent += 1;
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    const after = await gameState(host, ann.client);
    expect(after).toEqual(before);
    // Nothing was broadcast because of them.
    expect(bob.client.frames).toHaveLength(bobFrames);
    // Identities are as they were: Ann is still Ann, the display still a display, the stranger nobody.
    expect(ok(await ann.client.send('view.snapshot', {})).view).toMatchObject({ role: 'player', me: { playerId: ann.playerId } });
    expect(ok(await display.client.send('view.snapshot', {})).view.role).toBe('display');
    expect(errorCode(await stranger.send('view.snapshot', {}))).toBe('NOT_ATTACHED');
    // And the game goes on: Bob's answer closes the question.
    ok(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } }));
    const closed = await host.next('question.closed');
    expect(closed.reveal.distribution).toMatchObject({ answered: 2, correct: 2 });
  }, 60_000);

  it('refuses well-formed commands that do not fit the game with a specific code, without effect', async () => {
    const { game, host, ann, bob, stranger } = await setup();
    const before = await gameState(host, ann.client);
    const bobAnswer = (index: number, answer: unknown) => bob.client.sendRaw('answer.submit', { index, answer });
    const check = async (label: string, p: Promise<unknown>, code: string) => expect(errorCode(await p), label).toBe(code);
    await check('index past the quiz (7 questions)', bobAnswer(7, { kind: 'choice', choice: 0 }), 'UNKNOWN_QUESTION');
    await check('index 999', bobAnswer(999, { kind: 'choice', choice: 0 }), 'UNKNOWN_QUESTION');
    await check('a later question', bobAnswer(3, { kind: 'choice', choice: 0 }), 'NOT_OPEN');
    await check('option 4 of 4', bobAnswer(0, { kind: 'choice', choice: 4 }), 'INVALID_ANSWER');
    await check('option 5 of 4', bobAnswer(0, { kind: 'choice', choice: 5 }), 'INVALID_ANSWER');
    await check('choices for a single', bobAnswer(0, { kind: 'choices', choices: [1] }), 'INVALID_ANSWER');
    await check('text for a single', bobAnswer(0, { kind: 'text', text: 'Mars' }), 'INVALID_ANSWER');
    await check('number for a single', bobAnswer(0, { kind: 'number', value: 1 }), 'INVALID_ANSWER');
    await check('order for a single', bobAnswer(0, { kind: 'order', order: [1, 0] }), 'INVALID_ANSWER');
    await check('kick of an unknown player', host.send('host.kick', { playerId: 'p_nobody' }), 'UNKNOWN_PLAYER');
    await check('start while running', host.send('host.start', {}), 'WRONG_PHASE');
    await check('next while a question is open', host.send('host.next', {}), 'WRONG_PHASE');
    await check('join with an unknown PIN', stranger.send('player.join', { pin: unusedPin(game.pin), nickname: 'Eve' }), 'GAME_NOT_FOUND');
    await check('display for an unknown PIN', stranger.send('display.attach', { pin: unusedPin(game.pin) }), 'GAME_NOT_FOUND');
    await check('join after the start', stranger.send('player.join', { pin: game.pin, nickname: 'Eve' }), 'GAME_STARTED');
    const after = await gameState(host, ann.client);
    expect(after).toEqual(before);
    // Bob can still give his one answer.
    expect(await bob.client.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 0 } })).toMatchObject({ ok: true, index: 0 });
  });

  it('refuses answers of the wrong kind or out of range for every question type, then takes a valid one', async () => {
    const hosted = await hostGame(h, allTypesQuiz(0, 20));
    const { host } = hosted;
    const ann = await joinPlayer(h, hosted.game.pin, 'Ann');
    ok(await host.send('host.start', {}));
    const kinds = {
      choice: { kind: 'choice', choice: 0 },
      choices: { kind: 'choices', choices: [0] },
      text: { kind: 'text', text: 'Bern' },
      number: { kind: 'number', value: 1 },
      order: { kind: 'order', order: [0, 1, 2, 3] },
    } as const;
    const fits: Record<(typeof TYPES)[number], keyof typeof kinds> = {
      single: 'choice',
      multi: 'choices',
      'true-false': 'choice',
      'type-answer': 'text',
      slider: 'number',
      ordering: 'order',
      poll: 'choice',
    };
    const outOfRange: Record<(typeof TYPES)[number], Array<[string, unknown, string]>> = {
      single: [['option 4 of 4', { kind: 'choice', choice: 4 }, 'INVALID_ANSWER']],
      multi: [
        ['repeated option', { kind: 'choices', choices: [0, 0] }, 'INVALID_ANSWER'],
        ['option 5 of 4', { kind: 'choices', choices: [0, 5] }, 'INVALID_ANSWER'],
      ],
      'true-false': [['option 2 of 2', { kind: 'choice', choice: 2 }, 'INVALID_ANSWER']],
      'type-answer': [
        ['blank text', { kind: 'text', text: '   ' }, 'INVALID_ANSWER'],
        ['text over 200 characters', { kind: 'text', text: 'a'.repeat(201) }, 'BAD_REQUEST'],
      ],
      slider: [
        ['below min', { kind: 'number', value: -0.25 }, 'INVALID_ANSWER'],
        ['above max', { kind: 'number', value: 100.25 }, 'INVALID_ANSWER'],
        ['huge', { kind: 'number', value: 1e308 }, 'INVALID_ANSWER'],
        ['NaN', { kind: 'number', value: Number.NaN }, 'BAD_REQUEST'],
      ],
      ordering: [
        ['too short', { kind: 'order', order: [0, 1, 2] }, 'INVALID_ANSWER'],
        ['repeated item', { kind: 'order', order: [0, 1, 1, 2] }, 'INVALID_ANSWER'],
        ['item 4 of 4', { kind: 'order', order: [0, 1, 2, 4] }, 'INVALID_ANSWER'],
        ['too long', { kind: 'order', order: [0, 1, 2, 3, 4] }, 'INVALID_ANSWER'],
      ],
      poll: [['option 3 of 3', { kind: 'choice', choice: 3 }, 'INVALID_ANSWER']],
    };
    for (let i = 0; i < TYPES.length; i += 1) {
      const type = TYPES[i]!;
      await openQuestion(h, host, i);
      const before = await hostSnapshot(host);
      for (const [kind, answer] of Object.entries(kinds)) {
        if (kind === fits[type]) continue;
        expect(errorCode(await ann.client.sendRaw('answer.submit', { index: i, answer })), `${kind} for ${type}`).toBe('INVALID_ANSWER');
      }
      for (const [label, answer, code] of outOfRange[type]) {
        expect(errorCode(await ann.client.sendRaw('answer.submit', { index: i, answer })), `${type}: ${label}`).toBe(code);
      }
      const after = await hostSnapshot(host);
      expect(after.seq).toBe(before.seq);
      expect(after.answered).toBe(0);
      // A valid answer of the right kind is still taken: the refusals recorded nothing.
      const valid = type === 'ordering' ? { kind: 'order', order: [3, 2, 1, 0] } : type === 'type-answer' ? { kind: 'text', text: SECRETS.typeAccepted[0] } : kinds[fits[type]];
      expect(await ann.client.sendRaw('answer.submit', { index: i, answer: valid })).toMatchObject({ ok: true, index: i });
      await host.next('question.closed', (m) => m.reveal.index === i);
      ok(await host.send('host.next', {}));
      ok(await host.send('host.next', {}));
    }
    await ann.client.next('player.final');
  });

  it('acknowledges an unknown command name with BAD_REQUEST and ignores a command without an ack callback', async () => {
    const { host, ann } = await setup();
    const before = await gameState(host, ann.client);
    expect(errorCode(await host.sendRaw('host.destroy', {}))).toBe('BAD_REQUEST');
    expect(errorCode(await ann.client.sendRaw('constructor', {}))).toBe('BAD_REQUEST');
    expect(errorCode(await ann.client.sendRaw('__proto__'))).toBe('BAD_REQUEST');
    // Without a callback a command cannot be acknowledged: it is dropped, even from the host.
    const raw = host.socket as unknown as { emit: (name: string, ...args: unknown[]) => void };
    raw.emit('host.end', {});
    raw.emit('host.skip', {});
    // The snapshot is answered after the dropped commands (one socket's packets arrive in order).
    const after = await gameState(host, ann.client);
    expect(after).toEqual(before);
    expect(host.all('game.ended')).toHaveLength(0);
    expect(host.all('question.closed')).toHaveLength(0);
  });

  it('closes the socket of a message over the size limit and changes nothing', async () => {
    const { host, ann, stranger } = await setup();
    const before = await gameState(host, ann.client);
    let acked = false;
    const raw = stranger.socket as unknown as { emit: (name: string, ...args: unknown[]) => void };
    raw.emit('player.join', { pin: '000000', nickname: 'x'.repeat(3 * 1024 * 1024) }, () => {
      acked = true;
    });
    await disconnected(stranger);
    expect(acked).toBe(false);
    expect(await gameState(host, ann.client)).toEqual(before);
  });
});
