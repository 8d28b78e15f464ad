import { describe, expect, it } from 'vitest';
import type { TeacherKeys } from '../teacher-keys.ts';

/**
 * The behaviour every TeacherKeys must have. `reopen` gives a second instance on the same
 * storage (another node, or the same node after a restart); `expire` makes the login token's
 * TTL run out without waiting.
 */
export function teacherKeysContract(
  name: string,
  make: () => Promise<{ keys: TeacherKeys; reopen: () => Promise<TeacherKeys>; expire: (tokenHash: string) => Promise<void>; done: () => Promise<void> }>,
): void {
  describe(`TeacherKeys contract: ${name}`, () => {
    it('makes one 32-byte secret and gives the same one to every instance on the storage', async () => {
      const { keys, reopen, done } = await make();
      try {
        const [a, b] = await Promise.all([keys.secret(), (await reopen()).secret()]);
        expect(a.length).toBe(32);
        expect(b.equals(a)).toBe(true);
        expect((await keys.secret()).equals(a)).toBe(true);
        expect((await (await reopen()).secret()).equals(a)).toBe(true);
      } finally {
        await done();
      }
    });

    it('lets a login token be used once, and never an unknown or expired one', async () => {
      const { keys, expire, done } = await make();
      try {
        await keys.addLoginToken('hash-a', 60_000);
        await keys.addLoginToken('hash-b', 60_000);
        expect(await keys.useLoginToken('unknown')).toBe(false);
        const both = await Promise.all([keys.useLoginToken('hash-a'), keys.useLoginToken('hash-a')]);
        expect(both.sort()).toEqual([false, true]);
        expect(await keys.useLoginToken('hash-a')).toBe(false);
        await expire('hash-b');
        expect(await keys.useLoginToken('hash-b')).toBe(false);
      } finally {
        await done();
      }
    });
  });
}
