import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../ports/clock.ts';
import type { TeacherKeys } from '../../ports/teacher-keys.ts';

/** The secret's file under DATA_DIR. */
export const TEACHER_SECRET_FILE = 'teacher-secret';

/**
 * The embedded default: the secret in DATA_DIR/teacher-secret (mode 0600, so only the user
 * running the server reads it), which keeps sessions valid across restarts; login tokens in
 * this process, so a restart ends every unused link (the new start prints a new one).
 */
export class FileTeacherKeys implements TeacherKeys {
  private readonly tokens = new Map<string, number>();
  private loaded: Promise<Buffer> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
  ) {}

  secret(): Promise<Buffer> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<Buffer> {
    const file = join(this.dataDir, TEACHER_SECRET_FILE);
    await mkdir(this.dataDir, { recursive: true });
    try {
      // 'wx': two processes on one DATA_DIR cannot both write; the loser reads the winner's.
      await writeFile(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const text = (await readFile(file, 'utf8')).trim();
    const secret = Buffer.from(text, 'base64url');
    if (secret.length < 32) throw new Error(`${file} does not hold a teacher secret; delete it and restart to make a new one`);
    return secret;
  }

  async addLoginToken(tokenHash: string, ttlMs: number): Promise<void> {
    const now = this.clock.now();
    for (const [hash, until] of this.tokens) if (until <= now) this.tokens.delete(hash);
    this.tokens.set(tokenHash, now + ttlMs);
  }

  async useLoginToken(tokenHash: string): Promise<boolean> {
    const until = this.tokens.get(tokenHash);
    this.tokens.delete(tokenHash);
    return until !== undefined && until > this.clock.now();
  }
}
