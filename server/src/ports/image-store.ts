/**
 * Uploaded images, by name `<sha256 of the bytes>.<ext>` (shared/src/quiz/uploaded-image.ts).
 * Content-addressed: a name always means the same bytes, so `put` of a name already stored
 * keeps the first copy, and every node may cache what it read forever. Images are never
 * changed; the bytes given to `put` are already checked and processed (process-image.ts).
 */
export interface ImageStore {
  /** Stores the bytes under `name`; false if that name was stored already (nothing written). */
  put(name: string, bytes: Buffer): Promise<boolean>;
  /** The bytes stored under `name`, or null. */
  get(name: string): Promise<Buffer | null>;
}
