/** What is wrong with a payload's shape before any schema looks at it, if anything. */
export type PayloadProblem = 'too-large' | 'too-deep' | null;

/** Deeper than any command needs (answers are three levels); beyond it is an attack, not data. */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * Measures a decoded command payload against `maxBytes`, as its JSON would weigh (binary
 * attachments by their byte length), and against a nesting depth. It walks iteratively and
 * stops as soon as the limit is passed, so a megabyte string or a ten-thousand-deep array
 * costs next to nothing and cannot overflow the stack. An estimate: exact for strings and
 * structure, close for numbers.
 */
export function payloadProblem(args: readonly unknown[], maxBytes: number, maxDepth = MAX_PAYLOAD_DEPTH): PayloadProblem {
  let size = 0;
  const stack: Array<{ value: unknown; depth: number }> = args.map((value) => ({ value, depth: 1 }));
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > maxDepth) return 'too-deep';
    size += weigh(value, depth, stack, maxBytes - size);
    if (size > maxBytes) return 'too-large';
  }
  return null;
}

/** The weight of one value, its children pushed to `stack`; anything over `budget` is not looked into. */
function weigh(value: unknown, depth: number, stack: Array<{ value: unknown; depth: number }>, budget: number): number {
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
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (Array.isArray(value)) {
    if (value.length + 2 > budget) return value.length + 2;
    for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i] as unknown, depth: depth + 1 });
    return 2 + value.length;
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
