import { parseMediaPath, mediaPath, type UploadedImage } from '@quizbus/shared';
import type { ImageStore } from '../ports/image-store.ts';
import { contentTypeOf, processImage } from './process-image.ts';

/**
 * Processes an upload and stores it; `created` is false when the same image was stored before
 * (same processed bytes, same name), in which case nothing is written. Throws ImageRejected.
 */
export async function storeImage(store: ImageStore, bytes: Buffer): Promise<{ image: UploadedImage; created: boolean }> {
  const processed = await processImage(bytes);
  const created = await store.put(processed.name, processed.bytes);
  const url = mediaPath({ hash: processed.name.slice(0, 64), ext: processed.ext });
  return {
    created,
    image: {
      url,
      contentType: contentTypeOf(processed.ext) as UploadedImage['contentType'],
      width: processed.width,
      height: processed.height,
      bytes: processed.bytes.length,
    },
  };
}

/** The bytes and content type of the image a `/media/…` path names, or null. */
export async function loadImage(store: ImageStore, path: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const name = parseMediaPath(path);
  if (!name) return null;
  const bytes = await store.get(`${name.hash}.${name.ext}`);
  return bytes ? { bytes, contentType: contentTypeOf(name.ext) } : null;
}
