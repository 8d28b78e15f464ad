import type { RedisClient } from './redis-link.ts';
import type { ImageStore } from '../../ports/image-store.ts';
import { keys } from './keys.ts';

/**
 * Images shared by every node on one Redis: one binary string per image, written with SET NX
 * (content-addressed, so the first copy is the copy). Redis rather than a separate object
 * store because every node already reaches it and nothing more has to be run; the images are
 * small once processed (docs/protocol.md, "Uploaded images", says what they cost).
 */
export class RedisImageStore implements ImageStore {
  constructor(private readonly redis: RedisClient) {}

  async put(name: string, bytes: Buffer): Promise<boolean> {
    return (await this.redis.set(keys.image(name), bytes, 'NX')) === 'OK';
  }

  get(name: string): Promise<Buffer | null> {
    return this.redis.getBuffer(keys.image(name));
  }
}
