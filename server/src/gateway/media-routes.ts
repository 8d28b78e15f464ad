import { MAX_IMAGE_UPLOAD_BYTES } from '@quizbus/shared';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import { ImageRejected, imageTooLarge } from '../media/process-image.ts';
import { loadImage, storeImage } from '../media/store-image.ts';
import type { ImageStore } from '../ports/image-store.ts';
import { HttpError } from './http-routes.ts';

export interface MediaDeps {
  images: ImageStore;
  /** The teacher login check: only the teacher uploads. */
  requireTeacher?: RequestHandler;
}

/** A year: the longest max-age caches honour. The URL names the bytes' hash, so it never goes stale. */
const FOREVER = 'public, max-age=31536000, immutable';

/**
 * Uploaded question images (docs/protocol.md, "Uploaded images"):
 * - `POST /api/media` (teacher): the image file is the body; 201 with where it now lives, 200
 *   when the same image was stored before; 413/415/422 with a code for bad input, nothing stored;
 * - `GET /media/<sha256>.<ext>` (anyone, phones and displays load it): the bytes with their
 *   content type, cached for a year as immutable, ETag the hash.
 */
export function mediaRoutes(deps: MediaDeps): Router {
  const r = express.Router();
  const teacher: RequestHandler = deps.requireTeacher ?? ((_req, _res, next) => next());

  r.post('/api/media', teacher, express.raw({ type: () => true, limit: MAX_IMAGE_UPLOAD_BYTES }), async (req, res) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'BAD_REQUEST', 'Send the image file as the request body.');
    const { image, created } = await storeImage(deps.images, body).catch(asHttpError);
    res.status(created ? 201 : 200).json(image);
  });

  r.get('/media/:name', async (req, res) => {
    const found = await loadImage(deps.images, `/media/${req.params.name}`);
    if (!found) throw new HttpError(404, 'NOT_FOUND', 'No such image.');
    const etag = `"${req.params.name.slice(0, 64)}"`;
    res.set({ 'content-type': found.contentType, 'cache-control': FOREVER, etag });
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.status(200).send(found.bytes);
  });

  // express.raw's own refusal of a body over the limit, worded as the image limit.
  r.use('/api/media', (err: unknown, _req: Request, _res: Response, next: NextFunction) => {
    next((err as { type?: string }).type === 'entity.too.large' ? asHttpErrorValue(imageTooLarge()) : err);
  });
  return r;
}

function asHttpErrorValue(err: ImageRejected): HttpError {
  return new HttpError(err.status, err.code, err.message);
}

/** An ImageRejected as the HTTP error it answers with; anything else passes through. */
export function asHttpError(err: unknown): never {
  throw err instanceof ImageRejected ? asHttpErrorValue(err) : err;
}
