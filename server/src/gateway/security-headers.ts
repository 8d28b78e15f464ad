import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy the client runs under. The client is one script and one style
 * sheet from this origin; React's style props go through the CSSOM (not inline `style`
 * attributes in markup), and QR codes and icons are inline SVG elements, none of which CSP
 * restricts. So scripts and styles come from 'self' only: an injected <script> or inline
 * handler does not run.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // Question images may be on any site the teacher linked (http too, for a school server).
  imgSrc: ["'self'", 'data:', 'blob:', 'https:', 'http:'],
  // Socket.IO on the same origin. Older Safari did not count ws: of the same host as 'self'.
  connectSrc: ["'self'", 'ws:', 'wss:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Nobody may frame the host console (clickjacking a "kick" or "end").
  frameAncestors: ["'none'"],
  // Off: in class the server is often plain http on a LAN address, where upgrading breaks every request.
  upgradeInsecureRequests: null,
};

/**
 * helmet's headers: the CSP above, nosniff, no framing, no referrer, same-origin opener and
 * resource policies, HSTS (ignored by browsers over plain http).
 */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
}

/** CORS_ORIGINS as a list of exact origins ("https://a.example,https://b.example"). */
export function parseOrigins(setting: string | undefined): string[] {
  return (setting ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/**
 * Cross-origin access to the HTTP API, closed unless CORS_ORIGINS lists the origin. Without
 * credentials: another site's page can call what needs no login (and what a host token in a
 * header opens), never with the teacher's session cookie.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (!origin || !allowed.has(origin)) {
      next();
      return;
    }
    res.set({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PUT, DELETE',
      'access-control-allow-headers': 'content-type, x-host-token',
      'access-control-max-age': '600',
    });
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}
