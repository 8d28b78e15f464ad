import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../ports/clock.ts';
import type { AddressLimits } from './address-limits.ts';
import { addressKey } from './client-address.ts';

/** The teacher's session cookie. */
export const SESSION_COOKIE = 'quizbus_teacher';
/** A login lasts a school day and a bit. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

const loginBodySchema = z.object({ password: z.string().max(1024) }).strict();

export interface TeacherAuthDeps {
  /** TEACHER_PASSWORD; undefined leaves the teacher API open (the local default). */
  password: string | undefined;
  limits: AddressLimits;
  clock: Clock;
  logger: Logger;
}

export interface TeacherAuth {
  /** Whether a login is needed at all. */
  readonly required: boolean;
  /** GET /api/session, POST /api/login, POST /api/logout. */
  routes(): Router;
  /** Lets a request through with a valid session (or when no password is set); 401 LOGIN_REQUIRED otherwise. */
  requireTeacher: RequestHandler;
}

/**
 * Teacher access with one shared password (TEACHER_PASSWORD). A login sets a session cookie:
 * httpOnly (page scripts cannot read it), SameSite=Strict (other sites cannot send it), Secure
 * when the request came over https. The cookie is signed, not stored: `expiry.nonce.mac`, the
 * MAC keyed by a key derived from the password with scrypt. So every node behind a balancer
 * accepts it without a shared session store, a captured cookie does not make the password
 * cheap to guess offline, and changing the password ends every session. Logout clears the
 * cookie and revokes its nonce on this node.
 */
export function teacherAuth(deps: TeacherAuthDeps): TeacherAuth {
  const { password, limits, clock } = deps;
  const key = password === undefined ? null : scryptSync(password, 'quizbus teacher session v1', 32);
  const passwordDigest = password === undefined ? null : digest(password);
  /** Nonces logged out before their expiry, with that expiry. */
  const revoked = new Map<string, number>();

  const mac = (body: string) => createHmac('sha256', key as Buffer).update(body).digest('base64url');

  const issue = (): string => {
    const body = `${clock.now() + SESSION_MS}.${randomBytes(16).toString('base64url')}`;
    return `${body}.${mac(body)}`;
  };

  const valid = (cookie: string | undefined): { nonce: string; expires: number } | null => {
    if (!key || !cookie) return null;
    const parts = cookie.split('.');
    if (parts.length !== 3) return null;
    const [expiry = '', nonce = '', tag = ''] = parts;
    const expected = Buffer.from(mac(`${expiry}.${nonce}`));
    const given = Buffer.from(tag);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const expires = Number(expiry);
    if (!Number.isFinite(expires) || expires <= clock.now() || revoked.has(nonce)) return null;
    return { nonce, expires };
  };

  const sessionOf = (req: Request) => valid(readCookie(req.headers.cookie, SESSION_COOKIE));

  const setCookie = (req: Request, res: Response, value: string, maxAgeMs: number) => {
    res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: maxAgeMs });
  };

  const forgetExpired = () => {
    const now = clock.now();
    for (const [nonce, expires] of revoked) if (expires <= now) revoked.delete(nonce);
  };

  return {
    required: key !== null,
    routes() {
      const r = express.Router();
      r.get('/api/session', (req, res) => {
        res.set('cache-control', 'no-store').json({ passwordRequired: key !== null, loggedIn: key === null || sessionOf(req) !== null });
      });
      r.post('/api/login', async (req, res) => {
        if (!key || !passwordDigest) {
          res.status(204).end();
          return;
        }
        const limited = await limits.takeLogin(addressKey(req.ip ?? 'unknown'));
        if (limited) {
          res.status(429).set('retry-after', String(limited.retryAfterSeconds)).json({ error: limited.ack.error });
          return;
        }
        const body = loginBodySchema.safeParse(req.body);
        // Both digests are 32 bytes: the comparison takes the same time whatever was typed.
        if (!body.success || !timingSafeEqual(digest(body.data.password), passwordDigest)) {
          deps.logger.warn({ ip: req.ip }, 'teacher login failed');
          res.status(401).json({ error: { code: 'UNAUTHORIZED', message: 'That password is not right.' } });
          return;
        }
        setCookie(req, res, issue(), SESSION_MS);
        res.status(204).end();
      });
      r.post('/api/logout', (req, res) => {
        const session = sessionOf(req);
        if (session) {
          forgetExpired();
          revoked.set(session.nonce, session.expires);
        }
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
        res.status(204).end();
      });
      return r;
    },
    requireTeacher: (req: Request, res: Response, next: NextFunction) => {
      if (!key || sessionOf(req)) {
        next();
        return;
      }
      res.status(401).json({ error: { code: 'LOGIN_REQUIRED', message: 'Log in as a teacher first.' } });
    },
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** One cookie's value from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
