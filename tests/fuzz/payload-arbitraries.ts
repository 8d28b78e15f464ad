import { commandSchemas, type CommandName } from '@quizbus/shared';
import fc from 'fast-check';

/**
 * Generators of hostile command payloads for the fuzz test (not a test file itself): wrong
 * types, prototype keys, huge and deeply nested values, Unicode edge cases, NaN and
 * Infinity (JSON makes them null; inside a Float64Array they travel as binary), negative and
 * huge indexes, binary attachments, and valid payloads with one thing broken.
 */

/** Object keys an attacker would try: prototype pollution, toString tricks, empty, very long. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', '', ' ', 'kind', 'ok', 'error', '$ne', '$gt', '0', '-1', 'length'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** Strings that break naive handling: controls, bidi overrides, lone surrogates, fillers, look-alikes. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u0000Ann',
    '\ud800',
    '\udfff\ud800',
    '\u202eAnn',
    '\u200b',
    '\u3164',
    '\u2800',
    '\u2028\u2029',
    '\ufeff',
    '𝕬𝖓𝖓',
    '👨‍👩‍👧‍👦'.repeat(30),
    'Z̴̡̢̛̗̘̙̜̝̞̟̠'.repeat(20),
    '<script>alert(1)</script>',
    '"; DROP TABLE players; --',
    '${7*7}{{7*7}}',
    '%s%n%x',
    '\\u0000',
    'NaN',
    'Infinity',
    '123456',
    '000000',
    '999999',
    ' 123456',
    '１２３４５６',
    '𝟏𝟐𝟑𝟒𝟓𝟔',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** Numbers at the edges: NaN, infinities, -0, around 2^31, 2^53, the largest double, fractions. */
export const nastyNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 0.5, 5, 6, 7, 999, 1000, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e308, -1e308),
  fc.integer(),
  fc.double(),
);

/** Binary values: socket.io sends them as attachments and the server sees Buffers. */
export const binary = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
  fc.uint8Array({ maxLength: 64 }).map((a) => a.buffer),
  fc.constant(new Float64Array([Number.NaN, Infinity, -Infinity, -0])),
  fc.integer({ min: 1, max: 40_000 }).map((n) => Buffer.alloc(n, 7)),
);

/** Something too big for a command: long strings, long arrays, many keys. */
export const huge = fc.oneof(
  fc.integer({ min: 16_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => Array<number>(n).fill(1)),
  fc.integer({ min: 2_000, max: 20_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
);

/** Nested arrays or objects 1 to 1,000 levels deep (the server refuses past 32). */
export const deep = fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.boolean()).map(([depth, objects]) => {
  let v: unknown = 0;
  for (let i = 0; i < depth; i += 1) v = objects ? { a: v } : [v];
  return v;
});

/** Anything at all, with hostile keys and exotic objects (boxed values, null prototypes, typed arrays, sparse arrays). */
export const anyValue = fc.anything({
  key: hostileKey,
  maxDepth: 4,
  maxKeys: 6,
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  withDate: true,
  withMap: true,
  withSet: true,
});

/** A hostile value of any kind. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyValue },
  { weight: 2, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: binary },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
);

/** Well-formed payloads for each command, before one thing in them is broken. */
export function validPayloads(pin: string): Partial<Record<CommandName, fc.Arbitrary<Record<string, unknown>>>> {
  const pins = fc.oneof(fc.constant(pin), fc.stringMatching(/^\d{6}$/));
  const token = fc.string({ minLength: 16, maxLength: 64 });
  const index = fc.integer({ min: 0, max: 999 });
  const opt = fc.integer({ min: 0, max: 5 });
  const answer = fc.oneof(
    opt.map((choice) => ({ kind: 'choice', choice })),
    fc.array(opt, { minLength: 1, maxLength: 6 }).map((choices) => ({ kind: 'choices', choices })),
    fc.string({ maxLength: 200 }).map((text) => ({ kind: 'text', text })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ kind: 'number', value })),
    fc.array(opt, { minLength: 2, maxLength: 6 }).map((order) => ({ kind: 'order', order })),
  );
  return {
    'host.attach': fc.record({ pin: pins, hostToken: token }),
    'display.attach': fc.record({ pin: pins }),
    'player.join': fc.record({ pin: pins, nickname: nastyString }),
    'player.resume': fc.record({ pin: pins, sessionToken: token }),
    'answer.submit': fc.record({ index, answer }),
    'host.kick': fc.record({ playerId: fc.string({ minLength: 1, maxLength: 64 }) }),
    'host.lock': fc.record({ locked: fc.boolean() }),
  };
}

/** Breaks one thing in a valid payload: a field's value or type, a missing or extra field, the nesting. */
export function broken(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), hostile, hostileKey, fc.nat({ max: 4 })).map(([payload, pick, value, key, how]) => {
    const keys = Object.keys(payload);
    const field = keys.length > 0 ? (keys[pick % keys.length] as string) : key;
    const out: Record<string, unknown> = { ...payload };
    const inner = out.answer;
    switch (how) {
      case 0:
        out[field] = value;
        return out;
      case 1:
        delete out[field];
        return out;
      case 2:
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        return out;
      case 3:
        if (inner && typeof inner === 'object') {
          const a: Record<string, unknown> = { ...(inner as Record<string, unknown>) };
          const ak = Object.keys(a);
          Object.defineProperty(a, pick % 2 === 0 ? key : (ak[pick % ak.length] as string), { value, enumerable: true, writable: true, configurable: true });
          out.answer = a;
          return out;
        }
        return [out];
      default:
        return [out, value];
    }
  });
}

/** Event names besides the commands: near misses, prototype names, Unicode, very long. */
export const strangeName = fc.oneof(
  fc.constantFrom('', ' ', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'HOST.START', 'host.start ', ' host.start', 'host.attach\u0000', 'host.', 'answer', 'answer.submit.', 'host.destroy', 'admin', 'ping', 'pong', 'message', 'error'),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'a'.repeat(n)),
);

/** The arguments of one emit before the ack: none, one payload, or the payload with extras. */
export function argsFor(payload: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { weight: 8, arbitrary: payload.map((p) => [p]) },
    { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
    { weight: 1, arbitrary: fc.tuple(payload, hostile).map(([p, x]) => [p, x]) },
  );
}

/** The command names of the protocol, as the server knows them. */
export const COMMANDS = Object.keys(commandSchemas) as CommandName[];
