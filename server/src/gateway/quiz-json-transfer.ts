import type { Quiz } from '@quizbus/shared';
import { embedImages, restoreImages } from '../media/quiz-images.ts';
import type { ImageStore } from '../ports/image-store.ts';
import { HttpError, parseQuiz, quizIdFor } from './http-routes.ts';

/**
 * Largest JSON import: a JSON export embeds its uploaded images as base64 (4/3 of their size),
 * so a quiz full of images is far bigger than a spreadsheet.
 */
export const JSON_IMPORT_LIMIT = '64mb';

/** The body of `GET /api/quizzes/:id/export?format=json`: the quiz with its uploaded images embedded as data URLs. */
export async function jsonExport(quiz: Quiz, images: ImageStore | undefined): Promise<string> {
  const doc = images ? await embedImages(quiz, images) : quiz;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * `POST /api/quizzes/import?format=json`: a JSON export (or any quiz document) as a new quiz.
 * Its embedded images are checked and stored like uploads and become `/media/…` paths; a
 * refused image refuses the whole import (400 with the image's code as an issue).
 */
export async function importJsonQuiz(body: Buffer | object, images: ImageStore | undefined): Promise<Quiz> {
  let doc: unknown = body;
  if (Buffer.isBuffer(body)) {
    try {
      doc = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'BAD_REQUEST', 'The file is not valid JSON.');
    }
  }
  if (images) {
    const restored = await restoreImages(doc, images);
    if (restored.issues.length > 0) {
      const first = restored.issues[0] as (typeof restored.issues)[number];
      throw new HttpError(400, 'BAD_REQUEST', `questions.${String(first.path[1])}.imageUrl: ${first.message}`, restored.issues);
    }
    doc = restored.doc;
  }
  const title = typeof (doc as { title?: unknown } | null)?.title === 'string' ? (doc as { title: string }).title : 'quiz';
  return parseQuiz(doc, quizIdFor(title));
}
