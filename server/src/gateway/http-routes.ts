import { createGameBodySchema, quizIdSchema, quizSchema, type ErrorCode, type Quiz } from '@quizbus/shared';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';

// Express 5 passes a rejected async handler to the error middleware itself.
import type { Logger } from 'pino';
import { QuizNotFoundError, TooManyGamesError, type GameNode } from '../games/game-node.ts';
import { newToken } from '../games/tokens.ts';
import { ReadOnlyQuizError, type QuizStore } from '../ports/quiz-store.ts';
import type { AddressLimits } from './address-limits.ts';
import { addressKey } from './client-address.ts';
import { describeIssues } from './command-handler.ts';

export interface HttpDeps {
  quizzes: QuizStore;
  node: GameNode;
  logger: Logger;
  /** Base URL players use to join (PUBLIC_URL or the first LAN address). */
  joinBase: () => string;
  ready: () => Promise<boolean>;
  /** The teacher login check (teacher-auth.ts); lets everything through without TEACHER_PASSWORD. */
  requireTeacher?: RequestHandler;
  /** Per-address limits (game creation). */
  limits?: AddressLimits;
  /** The nickname filter, also for team names (TEAM_NAME_BLOCKED). */
  blocksName?: (name: string) => boolean;
}

/** An error that becomes `{ error: { code, message } }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: unknown,
    /** Seconds, sent as Retry-After (429 and 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Turns a teacher's title into a readable id, with a random tail against collisions. */
export function quizIdFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'quiz'}-${newToken().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
}

/** A quiz document from a request, validated, with question ids filled in; HttpError 400 if invalid. */
export function parseQuiz(body: unknown, id: string): Quiz {
  const parsed = quizSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, 'BAD_REQUEST', describeIssues(parsed.error), parsed.error.issues.map((i) => ({ path: i.path, message: i.message })));
  }
  // Question ids let the editor and reports follow a question across edits.
  const questions = parsed.data.questions.map((q, i) => ({ ...q, id: q.id ?? `q${i + 1}` }));
  return { ...parsed.data, id, questions };
}

/** The HTTP API: health, quiz library, game creation. JSON errors only, never a stack. */
export function httpRoutes(deps: HttpDeps): Router {
  const r = express.Router();
  const quizParam = (req: Request): string => {
    const id = quizIdSchema.safeParse(req.params.id);
    if (!id.success) throw new HttpError(404, 'QUIZ_NOT_FOUND', 'No such quiz.');
    return id.data;
  };

  r.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  r.get('/readyz', async (_req, res) => {
    const ok = await deps.ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ ok });
  });

  // The library and game creation are the teacher's (with TEACHER_PASSWORD set).
  const teacher: RequestHandler = deps.requireTeacher ?? ((_req, _res, next) => next());
  r.use('/api/quizzes', teacher);
  r.post('/api/games', teacher);

  r.get('/api/quizzes', async (_req, res) => {
    res.json(await deps.quizzes.list());
  });
  r.get('/api/quizzes/:id', async (req, res) => {
    const quiz = await deps.quizzes.get(quizParam(req));
    if (!quiz) throw new HttpError(404, 'QUIZ_NOT_FOUND', 'No such quiz.');
    res.json(quiz);
  });
  r.post('/api/quizzes', async (req, res) => {
    const body = req.body as { title?: unknown } | undefined;
    const title = typeof body?.title === 'string' ? body.title : 'quiz';
    const quiz = parseQuiz(body, quizIdFor(title));
    res.status(201).json(await deps.quizzes.save(quiz));
  });
  r.put('/api/quizzes/:id', async (req, res) => {
    const id = quizParam(req);
    if (!(await deps.quizzes.get(id))) throw new HttpError(404, 'QUIZ_NOT_FOUND', 'No such quiz.');
    res.json(await deps.quizzes.save(parseQuiz(req.body, id)));
  });
  r.delete('/api/quizzes/:id', async (req, res) => {
    if (!(await deps.quizzes.remove(quizParam(req)))) throw new HttpError(404, 'QUIZ_NOT_FOUND', 'No such quiz.');
    res.status(204).end();
  });

  r.post('/api/games', async (req, res) => {
    const body = createGameBodySchema.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'BAD_REQUEST', describeIssues(body.error));
    const blocked = body.data.options?.teams?.names.find((name) => deps.blocksName?.(name));
    if (blocked !== undefined) throw new HttpError(400, 'TEAM_NAME_BLOCKED', `The team name "${blocked}" is not allowed; pick another.`);
    const limited = await deps.limits?.takeGame(addressKey(req.ip ?? 'unknown'));
    if (limited) throw new HttpError(429, 'RATE_LIMITED', limited.ack.error.message, undefined, limited.retryAfterSeconds);
    const game = await deps.node.create(body.data.quizId, body.data.options).catch((err: unknown) => {
      if (err instanceof TooManyGamesError) throw new HttpError(503, 'TOO_MANY_GAMES', 'This server runs as many games as it may; try again when one has ended.', undefined, 60);
      throw err;
    });
    const base = deps.joinBase();
    res.status(201).json({
      ...game,
      joinUrl: `${base}/?pin=${game.pin}`,
      hostUrl: `${base}/host/${game.pin}`,
      displayUrl: `${base}/display/${game.pin}`,
    });
  });

  return r;
}

/** Last middleware: every error becomes JSON with a code; details are logged, not sent. */
export function httpErrorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof HttpError) {
      if (err.retryAfter !== undefined) res.set('retry-after', String(err.retryAfter));
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } });
      return;
    }
    if (err instanceof QuizNotFoundError) {
      res.status(404).json({ error: { code: 'QUIZ_NOT_FOUND', message: 'No such quiz.' } });
      return;
    }
    if (err instanceof ReadOnlyQuizError) {
      res.status(403).json({ error: { code: 'READ_ONLY', message: 'Bundled quizzes are read-only; duplicate it to edit.' } });
      return;
    }
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'The body is not valid JSON.' } });
      return;
    }
    if (e.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'BAD_REQUEST', message: 'The body is too large.' } });
      return;
    }
    logger.error({ err }, 'request failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
  };
}
