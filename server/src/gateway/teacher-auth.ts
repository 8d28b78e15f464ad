import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { loginBodySchema, type TeacherSession } from '@quizbus/shared';
import { hashToken, newToken } from '../games/tokens.ts';
import type { Clock } from '../ports/clock.ts';
import type { TeacherKeys } from '../ports/teacher-keys.ts';
import type { AddressLimits } from './address-limits.ts';
import { addressKey } from './client-address.ts';
import { fromThisMachine } from './this-machine.ts';

/** The teacher's session cookie. */
export const SESSION_COOKIE = 'quizbus_teacher';
/** A login lasts a school day and a bit. */
export const SESSION_MS = 12 * 60 * 60 * 1000;
/** An unused login link works this long (a new one is printed at every start and after each use). */
export const LOGIN_LINK_MS = 7 * 24 * 60 * 60 * 1000;

/** Who a request is, to the teacher API. */
export type TeacherStanding = 'open' | 'session' | 'this-machine' | null;

export interface TeacherAuthDeps {
  /** TEACHER_ACCESS: `open` lets everyone through (with a warning at start). */
  access: 'login' | 'open';
  /** TEACHER_PASSWORD: a password login on top of the link; its key then signs the cookies. */
  password: string | undefined;
  /** Whether a request from this machine counts as the teacher (already off behind proxies). */
  loopbackTeacher: boolean;
  /** The teacher secret and the one-time login tokens, shared by every node. */
  keys: TeacherKeys;
  limits: AddressLimits;
  clock: Clock;
  logger: Logger;
  /** Called after a login link was used, so the operator can be shown a fresh one. */
  onLoginLinkUsed?: () => void;
}

export interface TeacherAuth {
  /** Whether a login is needed at all (not TEACHER_ACCESS=open). */
  readonly required: boolean;
  /** Whether a request from the server's own machine counts as the teacher. */
  readonly thisMachineIsTeacher: boolean;
  /** GET /api/session, POST /api/login, POST /api/logout. */
  routes(): Router;
  /** Lets a request through as the teacher; 401 LOGIN_REQUIRED otherwise. */
  requireTeacher: RequestHandler;
  /** Whether the request is the teacher's, and why. */
  standing(req: Request): Promise<TeacherStanding>;
  /** A new one-time login token, for `/host?login=TOKEN` (valid LOGIN_LINK_MS, on any node). */
  newLoginToken(): Promise<string>;
}

/**
 * Teacher access. Secure by default: without TEACHER_ACCESS=open the library, quiz documents,
 * game creation and reports need a teacher session. A session is an httpOnly cookie
 * (SameSite=Strict, Secure over https), opened by a one-time login token printed at start, or
 * by TEACHER_PASSWORD when it is set. The cookie is signed, not stored: `expiry.nonce.mac`,
 * the MAC keyed by scrypt(TEACHER_PASSWORD) when there is one (changing the password ends
 * every session) or else by the teacher secret, which every node shares (TeacherKeys), so no
 * session store is needed. Logout revokes the cookie's nonce on this node. Without a password,
 * a request from this machine itself counts as the teacher unless `loopbackTeacher` is off.
 */
export function teacherAuth(deps: TeacherAuthDeps): TeacherAuth {
  const { password, limits, clock, keys } = deps;
  const open = deps.access === 'open';
  const passwordDigest = password === undefined ? null : digest(password);
  const passwordKey = password === undefined ? null : scryptSync(password, 'quizbus teacher session v1', 32);
  let secretKey: Promise<Buffer> | null = null;
  const macKey = (): Promise<Buffer> => {
    if (passwordKey) return Promise.resolve(passwordKey);
    secretKey ??= keys.secret().catch((err: unknown) => {
      secretKey = null;
      throw err;
    });
    return secretKey;
  };
  /** Nonces logged out before their expiry, with that expiry. */
  const revoked = new Map<string, number>();

  const mac = async (body: string) => createHmac('sha256', await macKey()).update(body).digest('base64url');

  const issue = async (): Promise<string> => {
    const body = `${clock.now() + SESSION_MS}.${randomBytes(16).toString('base64url')}`;
    return `${body}.${await mac(body)}`;
  };

  const valid = async (cookie: string | undefined): Promise<{ nonce: string; expires: number } | null> => {
    if (open || !cookie) return null;
    const parts = cookie.split('.');
    if (parts.length !== 3) return null;
    const [expiry = '', nonce = '', tag = ''] = parts;
    const expected = Buffer.from(await mac(`${expiry}.${nonce}`));
    const given = Buffer.from(tag);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const expires = Number(expiry);
    if (!Number.isFinite(expires) || expires <= clock.now() || revoked.has(nonce)) return null;
    return { nonce, expires };
  };

  const sessionOf = (req: Request) => valid(readCookie(req.headers.cookie, SESSION_COOKIE));

  const standing = async (req: Request): Promise<TeacherStanding> => {
    if (open) return 'open';
    if (await sessionOf(req)) return 'session';
    if (deps.loopbackTeacher && fromThisMachine(req)) return 'this-machine';
    return null;
  };

  const setCookie = async (req: Request, res: Response) => {
    res.cookie(SESSION_COOKIE, await issue(), { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: SESSION_MS });
  };

  const forgetExpired = () => {
    const now = clock.now();
    for (const [nonce, expires] of revoked) if (expires <= now) revoked.delete(nonce);
  };

  const refuse = (res: Response, message: string) => {
    res.status(401).json({ error: { code: 'UNAUTHORIZED', message } });
  };

  return {
    required: !open,
    thisMachineIsTeacher: !open && deps.loopbackTeacher,
    standing,
    newLoginToken: async () => {
      const token = newToken();
      await keys.addLoginToken(hashToken(token), LOGIN_LINK_MS);
      return token;
    },
    routes() {
      const r = express.Router();
      r.get('/api/session', async (req, res) => {
        const who = await standing(req);
        const session: TeacherSession = {
          access: deps.access,
          passwordRequired: !open && password !== undefined,
          loggedIn: who !== null,
          thisMachine: who === 'this-machine',
          anyReport: opensAnyReport(who),
        };
        res.set('cache-control', 'no-store').json(session);
      });
      r.post('/api/login', async (req, res) => {
        if (open) {
          res.status(204).end();
          return;
        }
        const limited = limits.takeLogin(addressKey(req.ip ?? 'unknown'));
        if (limited) {
          res.status(429).set('retry-after', String(limited.retryAfterSeconds)).json({ error: limited.ack.error });
          return;
        }
        const body = loginBodySchema.safeParse(req.body);
        if (body.success && 'token' in body.data) {
          if (!(await keys.useLoginToken(hashToken(body.data.token)))) {
            deps.logger.warn({ ip: req.ip }, 'teacher login link refused (used, expired or unknown)');
            refuse(res, 'That login link has been used or has expired. Use the newest link the server printed.');
            return;
          }
          await setCookie(req, res);
          res.status(204).end();
          deps.logger.info({ ip: req.ip }, 'teacher logged in with a login link');
          deps.onLoginLinkUsed?.();
          return;
        }
        // Both digests are 32 bytes: the comparison takes the same time whatever was typed.
        if (!passwordDigest || !body.success || !('password' in body.data) || !timingSafeEqual(digest(body.data.password), passwordDigest)) {
          deps.logger.warn({ ip: req.ip }, 'teacher login failed');
          refuse(res, 'That password is not right.');
          return;
        }
        await setCookie(req, res);
        res.status(204).end();
      });
      r.post('/api/logout', async (req, res) => {
        const session = await sessionOf(req);
        if (session) {
          forgetExpired();
          revoked.set(session.nonce, session.expires);
        }
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
        res.status(204).end();
      });
      return r;
    },
    requireTeacher: async (req: Request, res: Response, next: NextFunction) => {
      if ((await standing(req)) !== null) {
        next();
        return;
      }
      res.status(401).json({ error: { code: 'LOGIN_REQUIRED', message: 'Log in as a teacher first.' } });
    },
  };
}

/**
 * Whether a teacher may open any game's report without its host token: with a real login
 * (a session, or the server's own machine), yes; in TEACHER_ACCESS=open mode, no, since
 * everyone counts as the teacher there and reports name the students.
 */
export function opensAnyReport(who: TeacherStanding): boolean {
  return who === 'session' || who === 'this-machine';
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
