import {
  createGameResponseSchema,
  quizSummarySchema,
  teacherSessionSchema,
  type CreateGameResponse,
  type ErrorCode,
  type GameOptions,
  type Quiz,
  type QuizInput,
  type QuizSummary,
  type TeacherSession,
} from '@quizbus/shared';
import { currentLocale } from '../i18n/current-locale.ts';

// In a module of its own, without zod: the phone's error messages need it (docs/phone-budget.md).
export { ApiError, type ApiIssue } from './api-error.ts';
import { ApiError, type ApiIssue } from './api-error.ts';

/** Fired on window when the teacher API answers 401 LOGIN_REQUIRED: the host pages show the login. */
export const LOGIN_REQUIRED_EVENT = 'quizbus:login-required';

/** Tells the teacher gate when an error answer means "log in first". */
export function noteLoginRequired(code: string | undefined): void {
  if (code === 'LOGIN_REQUIRED') window.dispatchEvent(new Event(LOGIN_REQUIRED_EVENT));
}

/** A JSON request to the API; an error answer becomes an ApiError with its code. */
export async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { 'accept-language': currentLocale(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check the connection.');
  }
  if (res.ok) return res;
  const err = (await res.json().catch(() => null)) as { error?: { code?: ErrorCode; message?: string; issues?: ApiIssue[] } } | null;
  noteLoginRequired(err?.error?.code);
  throw new ApiError(res.status, err?.error?.code ?? 'INTERNAL', err?.error?.message ?? `Request failed (${res.status}).`, err?.error?.issues ?? []);
}

/** The quiz library: bundled and the teacher's own. */
export async function listQuizzes(): Promise<QuizSummary[]> {
  const data = (await (await request('GET', '/api/quizzes')).json()) as unknown;
  return quizSummarySchema.array().parse(data);
}

/** One quiz document. */
export async function getQuiz(id: string): Promise<Quiz> {
  return (await (await request('GET', `/api/quizzes/${encodeURIComponent(id)}`)).json()) as Quiz;
}

/** Saves a new quiz (the server assigns the id) or replaces an existing one. */
export async function saveQuiz(quiz: QuizInput, id?: string): Promise<Quiz> {
  const res = id ? await request('PUT', `/api/quizzes/${encodeURIComponent(id)}`, quiz) : await request('POST', '/api/quizzes', quiz);
  return (await res.json()) as Quiz;
}

export async function deleteQuiz(id: string): Promise<void> {
  await request('DELETE', `/api/quizzes/${encodeURIComponent(id)}`);
}

/** Creates a game; the response holds the host token, shown once. */
export async function createGame(quizId: string, options: Partial<GameOptions>): Promise<CreateGameResponse> {
  const res = await request('POST', '/api/games', { quizId, options });
  return createGameResponseSchema.parse(await res.json());
}

/** Where phones join: PUBLIC_URL or the server's network address, never localhost. */
export async function getJoinBaseUrl(): Promise<string> {
  const data = (await (await request('GET', '/api/server-info')).json()) as { joinBaseUrl?: unknown };
  if (typeof data.joinBaseUrl !== 'string') throw new ApiError(500, 'INTERNAL', 'The server sent no join address.');
  return data.joinBaseUrl;
}

/** The results table of a game as CSV text; needs the host token. */
export async function getResultsCsv(pin: string, hostToken: string): Promise<string> {
  const res = await request('GET', `/api/games/${encodeURIComponent(pin)}/results.csv`, undefined, { 'x-host-token': hostToken });
  return res.text();
}

/** How teachers get in on this server, and whether this browser is one (`GET /api/session`). */
export async function getSession(): Promise<TeacherSession> {
  return teacherSessionSchema.parse(await (await request('GET', '/api/session')).json());
}

/** Logs in with the teacher password; the server sets an httpOnly session cookie. */
export async function login(password: string): Promise<void> {
  await request('POST', '/api/login', { password });
}

/** Trades a one-time login token (from the link the server printed) for the session cookie. */
export async function loginWithLink(token: string): Promise<void> {
  await request('POST', '/api/login', { token });
}

export async function logout(): Promise<void> {
  await request('POST', '/api/logout');
}
