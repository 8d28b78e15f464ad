import type { Answer, AssignmentInfo, AssignmentSummary, AssignmentOptions, AssignmentProgress, AttemptView, CreateAssignmentResponse, GameReport, StartAttemptResponse } from '@quizbus/shared';
import { request } from './api.ts';

// Without zod: the student's page is opened on phones (docs/phone-budget.md); the server's
// answers are its own schemas' output.
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const attemptPath = (assignmentId: string, attemptId: string) => `/api/assignments/${encodeURIComponent(assignmentId)}/attempts/${encodeURIComponent(attemptId)}`;
const tokenHeader = (token: string) => ({ 'x-attempt-token': token });

/** Creates an assignment of a quiz, open until `closesAt` (teacher). */
export async function createAssignment(quizId: string, closesAt: number, options: Partial<AssignmentOptions>): Promise<CreateAssignmentResponse> {
  return json(await request('POST', '/api/assignments', { quizId, closesAt, options }));
}

/** An assignment and every attempt's progress (teacher). */
export async function getAssignmentProgress(assignmentId: string): Promise<AssignmentProgress> {
  return json(await request('GET', `/api/assignments/${encodeURIComponent(assignmentId)}`));
}

/** The assignment's report, in a live game's shape (teacher). */
export async function getAssignmentReport(assignmentId: string): Promise<GameReport> {
  return json(await request('GET', `/api/assignments/${encodeURIComponent(assignmentId)}/report`));
}

/** What a student sees before starting. */
export async function getAssignmentInfo(pin: string): Promise<AssignmentInfo> {
  return json(await request('GET', `/api/assignment-pins/${encodeURIComponent(pin)}`));
}

/** Starts the student's attempt. */
export async function startAttempt(assignmentId: string, name: string): Promise<StartAttemptResponse> {
  return json(await request('POST', `/api/assignments/${encodeURIComponent(assignmentId)}/attempts`, { name }));
}

/** The attempt now, as the server times it. */
export async function getAttempt(assignmentId: string, attemptId: string, token: string): Promise<AttemptView> {
  return json(await request('GET', attemptPath(assignmentId, attemptId), undefined, tokenHeader(token)));
}

/** Answers question `index`. */
export async function answerAttempt(assignmentId: string, attemptId: string, token: string, index: number, answer: Answer): Promise<AttemptView> {
  return json(await request('POST', `${attemptPath(assignmentId, attemptId)}/answer`, { index, answer }, tokenHeader(token)));
}

/** Leaves question `index` for the next. */
export async function nextQuestion(assignmentId: string, attemptId: string, token: string, index: number): Promise<AttemptView> {
  return json(await request('POST', `${attemptPath(assignmentId, attemptId)}/next`, { index }, tokenHeader(token)));
}

/** Every assignment within retention, newest first (teacher). */
export async function listAssignments(): Promise<AssignmentSummary[]> {
  return json(await request('GET', '/api/assignments'));
}
