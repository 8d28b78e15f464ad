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

/**
 * The key a game remembers a command by: the client's command id, hashed with the command's
 * name, so the log and the bus never carry the id itself (a join's session token derives from
 * it) and one id sent under two names stays two commands. Undefined for clients without ids.
 */
export function commandKey(name: string, cid: string | undefined): string | undefined {
  return cid === undefined ? undefined : hashToken(`${name}\n${cid}`);
}

/**
 * The session token of a join that carries a command id: derived from it, so that a resent
 * join (same id) hands out the same token the first one did, wherever it lands. As secret as
 * the id, which only the joining client ever sends.
 */
export function joinToken(gameId: string, cid: string | undefined): string {
  return cid === undefined ? newToken() : createHash('sha256').update(`session\n${gameId}\n${cid}`).digest('base64url');
}
