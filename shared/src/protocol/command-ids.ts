import type { ErrorCode } from './error-codes.ts';

/**
 * Exactly-once commands, the client's side. Every command carries a command id (`cid`) that the
 * client makes and keeps for every resend of that command. The game's owner records the id with
 * the events the command produced; a repeat gets the original outcome and changes nothing. So a
 * client may resend any command whose ack it did not get, or got as one of RESEND_CODES, as
 * long as it sends the same id. The product's client and the bots both follow these rules.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A fresh command id: 128 random bits, 22 URL-safe characters. Uses getRandomValues, which
 * browsers also offer on plain http:// pages (randomUUID needs a secure context).
 */
export function newCommandId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(22));
  let id = '';
  // 22 characters of 6 bits each: 132 bits, of which the first 128 count.
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}

/**
 * Refusals worth a resend with the same id: the command was not applied (UNAVAILABLE,
 * RATE_LIMITED) or may have been (OUTCOME_UNKNOWN). Any other code is the game's final word.
 */
export const RESEND_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['UNAVAILABLE', 'OUTCOME_UNKNOWN', 'RATE_LIMITED']);

/** Whether a refusal is worth a resend (see RESEND_CODES). */
export function worthResending(code: ErrorCode): boolean {
  return RESEND_CODES.has(code);
}

/** Bounds of the resend backoff, in ms. */
export const RESEND_BACKOFF = { firstMs: 250, maxMs: 4000 } as const;

/**
 * The wait before resend number `attempt` (0-based): doubling from 250 ms up to 4 s, with full
 * jitter so that a class whose node died does not come back in one wave. `random` is in [0, 1).
 */
export function resendDelayMs(attempt: number, random: number = Math.random()): number {
  const cap = Math.min(RESEND_BACKOFF.maxMs, RESEND_BACKOFF.firstMs * 2 ** Math.min(attempt, 10));
  return Math.round(cap / 2 + (cap / 2) * random);
}
