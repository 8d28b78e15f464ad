import { createHash } from 'node:crypto';
import {
  IMAGE_CONTENT_TYPES,
  IMAGE_DISPLAY_EDGE,
  MAX_IMAGE_FRAMES,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_UPLOAD_BYTES,
  type ErrorCode,
  type ImageExtension,
} from '@quizbus/shared';
import sharp from 'sharp';

// Each upload is decoded once: libvips' operation cache would only keep memory that is never reused.
sharp.cache(false);

/** Why an upload was refused: an HTTP status, an error code and a sentence for the teacher. */
export class ImageRejected extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRejected';
  }
}

/** An image ready to store: processed bytes and the name they are stored and served under. */
export interface ProcessedImage {
  /** `<sha256 of bytes>.<ext>` */
  name: string;
  ext: ImageExtension;
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * The format the first bytes announce (PNG, JPEG, GIF, WebP signatures), or null. Judged from
 * the bytes alone: a file's name and the request's content type are the sender's word.
 * Anything else (SVG above all, which can carry script) never reaches the decoder.
 */
export function sniffImageType(bytes: Buffer): ImageExtension | null {
  const at = (offset: number, text: string) => bytes.subarray(offset, offset + text.length).equals(Buffer.from(text, 'latin1'));
  if (at(0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (at(0, '\xff\xd8\xff')) return 'jpg';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  return null;
}

/** sharp's name for each format, to check the decoder agrees with the signature. */
const SHARP_FORMAT: Record<ImageExtension, string> = { png: 'png', jpg: 'jpeg', webp: 'webp', gif: 'gif' };

/**
 * Checks and processes an upload: type from the bytes, size and pixel limits before anything
 * is decoded (a decompression bomb is refused from its header), EXIF orientation applied and
 * then every piece of metadata (EXIF, GPS, XMP, comments) dropped, shrunk to fit
 * IMAGE_DISPLAY_EDGE, re-encoded in its own format (a GIF stays animated). Throws ImageRejected.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length > MAX_IMAGE_UPLOAD_BYTES) throw imageTooLarge();
  const ext = sniffImageType(bytes);
  if (!ext) throw new ImageRejected(415, 'IMAGE_INVALID', 'That file is not a PNG, JPEG, WebP or GIF image.');
  const meta = await sharp(bytes).metadata().catch(() => null);
  if (!meta || meta.format !== SHARP_FORMAT[ext] || !meta.width || !meta.height) throw undecodable();
  const frames = meta.pages ?? 1;
  // For a multi-frame image sharp reports one frame's size; pageHeight is the frame height.
  const frameHeight = meta.pageHeight ?? meta.height;
  if (frames > MAX_IMAGE_FRAMES || meta.width * frameHeight * frames > MAX_IMAGE_PIXELS) {
    throw new ImageRejected(422, 'IMAGE_TOO_MANY_PIXELS', `That image has more than ${MAX_IMAGE_PIXELS / 1_000_000} million pixels (or ${MAX_IMAGE_FRAMES} frames).`);
  }
  const animated = frames > 1;
  let pipeline = sharp(bytes, { animated, limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
  // Orientation from EXIF is applied before the EXIF goes; frames of an animation are never rotated.
  if (!animated) pipeline = pipeline.autoOrient();
  pipeline = pipeline.resize({ width: IMAGE_DISPLAY_EDGE, height: IMAGE_DISPLAY_EDGE, fit: 'inside', withoutEnlargement: true });
  const encoded = encode(pipeline, ext);
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true }).catch((err: unknown) => {
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw new ImageRejected(422, 'IMAGE_TOO_MANY_PIXELS', 'That image has too many pixels.');
    throw undecodable();
  });
  const hash = createHash('sha256').update(data).digest('hex');
  return { name: `${hash}.${ext}`, ext, bytes: data, width: info.width, height: animated ? (info.pageHeight ?? info.height) : info.height };
}

/** Re-encodes in the upload's own format; sharp writes no metadata unless asked to. */
function encode(pipeline: sharp.Sharp, ext: ImageExtension): sharp.Sharp {
  switch (ext) {
    case 'png':
      return pipeline.png({ compressionLevel: 9, adaptiveFiltering: true });
    case 'jpg':
      return pipeline.jpeg({ quality: 82, mozjpeg: true });
    case 'webp':
      return pipeline.webp({ quality: 80 });
    case 'gif':
      return pipeline.gif();
  }
}

/** The refusal of an upload over MAX_IMAGE_UPLOAD_BYTES. */
export function imageTooLarge(): ImageRejected {
  return new ImageRejected(413, 'IMAGE_TOO_LARGE', `Images may be at most ${MAX_IMAGE_UPLOAD_BYTES / (1024 * 1024)} MB.`);
}

function undecodable(): ImageRejected {
  return new ImageRejected(415, 'IMAGE_INVALID', 'That file is not a readable PNG, JPEG, WebP or GIF image.');
}

/** The content type an image is served with. */
export function contentTypeOf(ext: ImageExtension): string {
  return IMAGE_CONTENT_TYPES[ext];
}
