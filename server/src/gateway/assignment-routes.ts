import {
  assignmentOptionsSchema,
  attemptAnswerBodySchema,
  attemptNextBodySchema,
  createAssignmentBodySchema,
  startAttemptBodySchema,
  type ErrorCode,
} from '@quizbus/shared';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { z } from 'zod';
import type { AssignmentService, Result } from '../assignments/assignment-service.ts';
import type { AddressLimits } from './address-limits.ts';
import { addressKey } from './client-address.ts';
import { describeIssues } from './command-handler.ts';
import { HttpError } from './http-routes.ts';
import { sendReportExport } from './report-routes.ts';

export interface AssignmentRouteDeps {
  service: AssignmentService;
  /** The teacher login check (teacher-auth.ts). */
  requireTeacher?: RequestHandler;
  /** Per-address limits: starting an attempt takes from the same bucket as joining a game. */
  limits?: AddressLimits;
  /** Counts a student's request by its outcome (metrics: quizbus_assignment_requests_total). */
  observe?: (request: 'start' | 'view' | 'answer' | 'next', outcome: string) => void;
}

/** HTTP status of each refusal; anything not listed is a 409 (the request does not fit the attempt's state). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  INVALID_ANSWER: 400,
  STUDENT_ID_REQUIRED: 400,
  STUDENT_ID_INVALID: 400,
  UNAUTHORIZED: 401,
  ASSIGNMENT_CLOSED: 403,
  ASSIGNMENT_NOT_FOUND: 404,
  QUIZ_NOT_FOUND: 404,
  INTERNAL: 500,
  OUTCOME_UNKNOWN: 503,
};

function valueOf<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new HttpError(STATUS[r.code] ?? 409, r.code, r.message);
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'BAD_REQUEST', describeIssues(parsed.error));
  return parsed.data;
}

/**
 * Self-paced assignments over HTTP (docs/protocol.md, "Assignments"). The teacher's routes
 * (create, list, progress, report) sit behind the teacher gate; a student's are open and an
 * attempt answers only to its token (header `x-attempt-token`). Every reply is `no-store`:
 * views carry the server's time left.
 */
export function assignmentRoutes(deps: AssignmentRouteDeps): Router {
  const r = express.Router();
  const teacher: RequestHandler = deps.requireTeacher ?? ((_req, _res, next) => next());
  const { service } = deps;
  r.use((_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  const token = (req: Request) => req.get('x-attempt-token') ?? '';
  /** A student's result, counted, then sent or thrown. */
  const served = <T>(request: 'start' | 'view' | 'answer' | 'next', r: Result<T>): T => {
    deps.observe?.(request, r.ok ? 'ok' : r.code);
    return valueOf(r);
  };
  const ids = (req: Request) => [String(req.params.id), String(req.params.attemptId)] as const;

  r.post('/api/assignments', teacher, async (req, res) => {
    const body = parse(createAssignmentBodySchema, req.body);
    const a = valueOf(await service.create(body.quizId, body.closesAt, body.options ?? assignmentOptionsSchema.parse({})));
    res.status(201).json({ assignmentId: a.id, pin: a.pin, joinUrl: service.joinUrl(a.pin) });
  });
  r.get('/api/assignments', teacher, async (_req, res) => {
    res.json(await service.list());
  });
  r.get('/api/assignments/:id', teacher, async (req, res) => {
    res.json(valueOf(await service.progress(String(req.params.id))));
  });
  r.get('/api/assignments/:id/report', teacher, async (req, res) => {
    res.json(valueOf(await service.report(String(req.params.id))));
  });
  r.get('/api/assignments/:id/report/export', teacher, async (req, res) => {
    await sendReportExport(req, res, valueOf(await service.report(String(req.params.id))), 'quizbus-assignment');
  });

  r.get('/api/assignment-pins/:pin', async (req, res) => {
    res.json(valueOf(await service.info(String(req.params.pin))));
  });
  r.post('/api/assignments/:id/attempts', async (req, res) => {
    const body = parse(startAttemptBodySchema, req.body);
    const limited = await deps.limits?.takeJoin(addressKey(req.ip ?? 'unknown'));
    if (limited) throw new HttpError(429, 'RATE_LIMITED', limited.ack.error.message, undefined, limited.retryAfterSeconds);
    res.status(201).json(served('start', await service.start(String(req.params.id), body.name)));
  });
  r.get('/api/assignments/:id/attempts/:attemptId', async (req, res) => {
    const [id, attemptId] = ids(req);
    res.json(served('view', await service.view(id, attemptId, token(req))));
  });
  r.post('/api/assignments/:id/attempts/:attemptId/answer', async (req, res) => {
    const body = parse(attemptAnswerBodySchema, req.body);
    const [id, attemptId] = ids(req);
    res.json(served('answer', await service.act(id, attemptId, token(req), { type: 'answer', ...body })));
  });
  r.post('/api/assignments/:id/attempts/:attemptId/next', async (req, res) => {
    const body = parse(attemptNextBodySchema, req.body);
    const [id, attemptId] = ids(req);
    res.json(served('next', await service.act(id, attemptId, token(req), { type: 'next', ...body })));
  });
  return r;
}
