import { z } from 'zod';

/**
 * Images a teacher uploads for a question (docs/protocol.md, "Uploaded images"). The server
 * checks the type from the bytes, strips metadata, shrinks the image to fit
 * IMAGE_DISPLAY_EDGE and stores it under the SHA-256 of the processed bytes, so one image is
 * stored once and its URL never changes meaning (cached forever).
 */

/** File extension → content type, for the four formats accepted. */
export const IMAGE_CONTENT_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' } as const;
export type ImageExtension = keyof typeof IMAGE_CONTENT_TYPES;

/** Largest upload accepted, in bytes (8 MiB: a phone photo fits; the stored copy is far smaller). */
export const MAX_IMAGE_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Most pixels an upload may decode to (all frames of a GIF together): the guard against decompression bombs. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Most frames of an animated GIF or WebP. */
export const MAX_IMAGE_FRAMES = 100;
/** The stored image fits inside this many pixels on each side (enough for a 1080p projector). */
export const IMAGE_DISPLAY_EDGE = 1600;

const MEDIA_PATH = /^\/media\/([0-9a-f]{64})\.(png|jpg|webp|gif)$/;

/** A stored image's name, `<sha256 hex>.<ext>`, as it appears in `/media/<name>`. */
export interface MediaName {
  hash: string;
  ext: ImageExtension;
}

/** The stored image a same-origin path `/media/<sha256>.<ext>` names, or null for any other string. */
export function parseMediaPath(path: string): MediaName | null {
  const m = MEDIA_PATH.exec(path);
  return m ? { hash: m[1] as string, ext: m[2] as ImageExtension } : null;
}

/** The path an uploaded image is served at. */
export function mediaPath(name: MediaName): string {
  return `/media/${name.hash}.${name.ext}`;
}

/** `POST /api/media` → 201 (new) or 200 (already stored): where the image now lives and its size. */
export const uploadedImageSchema = z.object({
  url: z.string(),
  contentType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
export type UploadedImage = z.infer<typeof uploadedImageSchema>;
