import { types } from 'node:util';

/**
 * What is wrong with a payload's shape before any schema looks at it, if anything.
 * 'unreadable': measuring it threw (a proxy, a throwing getter) — nothing off the wire does
 * that, so such a value is refused rather than trusted.
 */
export type PayloadProblem = 'too-large' | 'too-deep' | 'unreadable' | null;

/** Deeper than any command needs (answers are three levels); beyond it is an attack, not data. */
export const MAX_PAYLOAD_DEPTH = 32;

type Frame = { value: unknown; depth: number };

/**
 * The engine's own byte-length getters, called on values that passed the matching brand check.
 * `value.byteLength` is not safe: an object whose prototype is an ArrayBuffer (Socket.IO's
 * decoder makes one from a `"__proto__"` key) passes `instanceof ArrayBuffer` but has no
 * buffer slot, and the inherited getter throws on it; an own `byteLength` could lie or throw.
 */
const byteLengthOf = {
  arrayBuffer: getter(ArrayBuffer.prototype, 'byteLength'),
  sharedArrayBuffer: getter(SharedArrayBuffer.prototype, 'byteLength'),
  typedArray: getter(Object.getPrototypeOf(Uint8Array.prototype) as object, 'byteLength'),
  dataView: getter(DataView.prototype, 'byteLength'),
};

function getter(proto: object, name: string): (this: unknown) => number {
  // Unbound on purpose: the engine's own getter, later called on the value being weighed.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (!get) throw new Error(`no ${name} getter`);
  return get as (this: unknown) => number;
}

/**
 * Measures a decoded command payload against `maxBytes`, as its JSON would weigh (binary
 * attachments by their byte length), and against a nesting depth. It walks iteratively and
 * stops as soon as the limit is passed, so a megabyte string or a ten-thousand-deep array
 * costs next to nothing and cannot overflow the stack. An estimate: exact for strings and
 * structure, close for numbers.
 *
 * Total: it never throws, whatever it is given. Only a real buffer or view (by its internal
 * slot, not its prototype) is weighed as binary; anything else is weighed as an object.
 */
export function payloadProblem(args: readonly unknown[], maxBytes: number, maxDepth = MAX_PAYLOAD_DEPTH): PayloadProblem {
  try {
    let size = 0;
    const stack: Frame[] = [];
    for (let i = args.length - 1; i >= 0; i -= 1) stack.push({ value: args[i], depth: 1 });
    while (stack.length > 0) {
      const { value, depth } = stack.pop() as Frame;
      if (depth > maxDepth) return 'too-deep';
      size += weigh(value, depth, stack, maxBytes - size);
      if (size > maxBytes) return 'too-large';
    }
    return null;
  } catch {
    // A revoked proxy, a throwing getter or ownKeys trap: not data any decoder produces.
    return 'unreadable';
  }
}

/** The weight of one value, its children pushed to `stack`; anything over `budget` is not looked into. */
function weigh(value: unknown, depth: number, stack: Frame[], budget: number): number {
  switch (typeof value) {
    case 'string':
      // Every character is at least one byte: a long string is over without being scanned.
      return 2 + (value.length > budget ? value.length : Buffer.byteLength(value, 'utf8'));
    case 'number':
    case 'bigint':
      return String(value).length;
    case 'boolean':
      return 5;
    case 'object':
      break;
    default:
      return 4;
  }
  if (value === null) return 4;
  const binary = binaryLength(value);
  if (binary !== null) return binary;
  if (Array.isArray(value)) {
    const length = value.length;
    if (length + 2 > budget) return length + 2;
    for (let i = length - 1; i >= 0; i -= 1) stack.push({ value: value[i] as unknown, depth: depth + 1 });
    return 2 + length;
  }
  let keys = 2;
  const names = Object.keys(value);
  if (names.length * 4 > budget) return names.length * 4;
  for (const key of names) {
    keys += key.length + 4;
    stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
  }
  return keys;
}

/** The byte length of a real buffer or view, or null for anything else (a look-alike included). */
function binaryLength(value: object): number | null {
  if (types.isArrayBuffer(value)) return byteLengthOf.arrayBuffer.call(value);
  if (types.isSharedArrayBuffer(value)) return byteLengthOf.sharedArrayBuffer.call(value);
  if (types.isTypedArray(value)) return byteLengthOf.typedArray.call(value);
  if (types.isDataView(value)) return byteLengthOf.dataView.call(value);
  return null;
}
