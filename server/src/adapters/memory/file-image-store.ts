import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageStore } from '../../ports/image-store.ts';

/**
 * The embedded default's images: one file each under `<dataDir>/media/`, named as served
 * (`<sha256>.<ext>`), written to a temporary name and renamed so a crash never leaves half an
 * image. With dataDir null they live in memory only (tests).
 */
export class FileImageStore implements ImageStore {
  private readonly memory = new Map<string, Buffer>();
  private ready: Promise<void> | null = null;

  constructor(private readonly dataDir: string | null) {}

  private dir(): Promise<string | null> {
    if (this.dataDir === null) return Promise.resolve(null);
    const dir = join(this.dataDir, 'media');
    this.ready ??= mkdir(dir, { recursive: true }).then(() => undefined);
    return this.ready.then(() => dir);
  }

  async put(name: string, bytes: Buffer): Promise<boolean> {
    const dir = await this.dir();
    if (!dir) {
      if (this.memory.has(name)) return false;
      this.memory.set(name, Buffer.from(bytes));
      return true;
    }
    const file = join(dir, name);
    if (await exists(file)) return false;
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return true;
  }

  async get(name: string): Promise<Buffer | null> {
    const dir = await this.dir();
    if (!dir) return this.memory.get(name) ?? null;
    return readFile(join(dir, name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
