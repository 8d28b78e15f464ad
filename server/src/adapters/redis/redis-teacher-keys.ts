import { randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-link.ts';
import type { TeacherKeys } from '../../ports/teacher-keys.ts';
import { keys } from './keys.ts';

/**
 * Teacher keys shared by every node on one Redis: the first node to start writes the secret
 * (SET NX), every other reads it; a login token is a key with a TTL that DEL removes once,
 * so a link works on exactly one node, one time.
 */
export class RedisTeacherKeys implements TeacherKeys {
  private loaded: Promise<Buffer> | null = null;

  constructor(private readonly redis: RedisClient) {}

  secret(): Promise<Buffer> {
    this.loaded ??= this.load();
    // A failed read (Redis down) is tried again next time rather than remembered.
    this.loaded.catch(() => {
      this.loaded = null;
    });
    return this.loaded;
  }

  private async load(): Promise<Buffer> {
    await this.redis.set(keys.teacherSecret(), randomBytes(32).toString('base64url'), 'NX');
    const text = await this.redis.get(keys.teacherSecret());
    if (!text) throw new Error('the teacher secret vanished from Redis');
    return Buffer.from(text, 'base64url');
  }

  async addLoginToken(tokenHash: string, ttlMs: number): Promise<void> {
    await this.redis.set(keys.loginToken(tokenHash), '1', 'PX', ttlMs);
  }

  async useLoginToken(tokenHash: string): Promise<boolean> {
    return (await this.redis.del(keys.loginToken(tokenHash))) === 1;
  }
}
