import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A secret for a host or a player's session: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Short unguessable id with a readable prefix (g_ for games, p_ for players). */
export function newId(prefix: 'g' | 'p'): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}

/** A 6-digit game PIN; leading zeros allowed. */
export function randomPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Tokens are stored and published only as SHA-256 hashes: the log never holds a usable secret. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares two token hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A uniform random integer in [0, n): the shuffles' source of randomness. */
export type RandomInt = (n: number) => number;
export const cryptoRandomInt: RandomInt = (n) => randomInt(0, n);
