import type { Quiz } from '@quizbus/shared';
import type { ImageStore } from '../ports/image-store.ts';
import { ImageRejected } from './process-image.ts';
import { loadImage, storeImage } from './store-image.ts';

/** One image of an imported quiz that was refused, by the question's place in the quiz. */
export interface ImageIssue {
  path: Array<string | number>;
  message: string;
  code: ImageRejected['code'];
}

const DATA_URL = /^data:(image\/(?:png|jpeg|webp|gif));base64,([A-Za-z0-9+/=\s]+)$/;

/**
 * The quiz as a self-contained JSON export: each uploaded image (`/media/…`) becomes a
 * `data:` URL holding its bytes, so the file imports on another server. Links to other sites
 * stay links; an uploaded image this store no longer has stays a path.
 */
export async function embedImages(quiz: Quiz, store: ImageStore): Promise<Quiz> {
  const questions = await Promise.all(
    quiz.questions.map(async (q) => {
      const found = q.imageUrl ? await loadImage(store, q.imageUrl) : null;
      return found ? { ...q, imageUrl: `data:${found.contentType};base64,${found.bytes.toString('base64')}` } : q;
    }),
  );
  return { ...quiz, questions };
}

/**
 * The other way: every `data:image/…;base64,` imageUrl in an imported JSON document goes
 * through the same checks as an upload (processImage), is stored, and becomes its `/media/…`
 * path. Returns the document with the paths, or the refused images (then nothing was changed
 * in the document; images already stored stay, being content-addressed and harmless).
 */
export async function restoreImages(doc: unknown, store: ImageStore): Promise<{ doc: unknown; issues: ImageIssue[] }> {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { questions?: unknown }).questions)) return { doc, issues: [] };
  const issues: ImageIssue[] = [];
  const questions = (doc as { questions: unknown[] }).questions;
  const restored: unknown[] = [];
  // One at a time: each image is decoded in full, and a quiz may hold a hundred.
  for (const [i, q] of questions.entries()) {
    const url = typeof q === 'object' && q !== null ? (q as { imageUrl?: unknown }).imageUrl : undefined;
    const m = typeof url === 'string' && url.startsWith('data:') ? DATA_URL.exec(url) : null;
    if (typeof url === 'string' && url.startsWith('data:') && !m) {
      issues.push({ path: ['questions', i, 'imageUrl'], code: 'IMAGE_INVALID', message: 'An embedded image must be a base64 data URL of a PNG, JPEG, WebP or GIF image.' });
      restored.push(q);
      continue;
    }
    if (!m) {
      restored.push(q);
      continue;
    }
    try {
      const { image } = await storeImage(store, Buffer.from(m[2] ?? '', 'base64'));
      restored.push({ ...(q as object), imageUrl: image.url });
    } catch (err) {
      if (!(err instanceof ImageRejected)) throw err;
      issues.push({ path: ['questions', i, 'imageUrl'], code: err.code, message: err.message });
      restored.push(q);
    }
  }
  return { doc: { ...doc, questions: restored }, issues };
}
