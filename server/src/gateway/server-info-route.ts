import type { ServerInfo } from '@quizbus/shared';
import express, { type Router } from 'express';

/**
 * `GET /api/server-info`: what the screens need to know about this server. The display and a
 * reloaded host console build the join link and QR code from `joinBaseUrl`, which is
 * PUBLIC_URL or the machine's network address: a phone cannot reach `localhost`.
 */
export function serverInfoRoute(joinBase: () => string): Router {
  const r = express.Router();
  r.get('/api/server-info', (_req, res) => {
    const info: ServerInfo = { joinBaseUrl: joinBase() };
    res.set('cache-control', 'no-store').json(info);
  });
  return r;
}
