import compression from 'compression';
import express, { Router } from 'express';

/**
 * The built client (client/dist, or the fallback page when it is not built) over HTTP.
 *
 * - gzip: a phone on school Wi-Fi or 3G loads the join page, and the budget for its script is
 *   counted in gzip bytes (docs/phone-budget.md).
 * - Files under assets/ are named by their content hash, so a browser keeps them for a year
 *   and a new build ships new names; a missing one is a 404, never the app's HTML (a lazily
 *   loaded screen from an older build then fails plainly and the page reloads).
 * - Source maps are never served, even from a build that made them.
 * - Every other path outside /api and /socket.io is a screen of the single-page app.
 */
export function clientFiles(dir: string): Router {
  const router = Router();
  router.use(compression());
  router.get(/\.map$/, (_req, res) => {
    res.status(404).end();
  });
  router.use('/assets', express.static(`${dir}assets`, { immutable: true, maxAge: '1y', index: false, redirect: false }));
  router.use('/assets', (_req, res) => {
    res.status(404).end();
  });
  router.use(express.static(dir, { index: 'index.html' }));
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(`${dir}index.html`));
  return router;
}
