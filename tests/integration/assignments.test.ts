import type { AttemptView, CreateAssignmentResponse, GameReport, StartAttemptResponse } from '@quizbus/shared';
import { describe, expect, it } from 'vitest';
import { saveQuiz } from '../support/test-client.ts';
import { singleQuiz, useServer } from './helpers.ts';

const HOUR = 3600_000;

/**
 * Issue 16, point 2, over HTTP: the assignment routes' answers and refusals, each with its own
 * error code, on the embedded default with a fake clock.
 */
describe('self-paced assignments over HTTP', () => {
  const h = useServer();

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; code?: string }> {
    const res = await fetch(`${h.server.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T & { error?: { code: string } };
    return { status: res.status, body: json, ...(json.error && { code: json.error.code }) };
  }

  async function assign(maxAttempts = 1) {
    const quizId = await saveQuiz(h.server.url, singleQuiz(2, 'x'), h.server.teacher);
    const closesAt = h.server.clock.now() + 2 * HOUR;
    const made = await call<CreateAssignmentResponse>('POST', '/api/assignments', { quizId, closesAt, options: { maxAttempts } }, h.server.teacher);
    expect(made.status).toBe(201);
    return { ...made.body, quizId, closesAt };
  }

  const start = (id: string, name: string) => call<StartAttemptResponse>('POST', `/api/assignments/${id}/attempts`, { name });

  it('creates an assignment, refusing a deadline in the past or an unknown quiz', async () => {
    const a = await assign();
    expect(a.pin).toMatch(/^\d{7}$/);
    expect(a.joinUrl).toMatch(new RegExp(`/a/${a.pin}$`));
    const past = await call('POST', '/api/assignments', { quizId: a.quizId, closesAt: h.server.clock.now() - 1 }, h.server.teacher);
    expect([past.status, past.code]).toEqual([400, 'BAD_REQUEST']);
    const unknown = await call('POST', '/api/assignments', { quizId: 'no-such-quiz', closesAt: a.closesAt }, h.server.teacher);
    expect([unknown.status, unknown.code]).toEqual([404, 'QUIZ_NOT_FOUND']);
    const info = await call<{ assignmentId: string; closed: boolean }>('GET', `/api/assignment-pins/${a.pin}`);
    expect(info.body).toMatchObject({ assignmentId: a.assignmentId, closed: false, questionCount: 2, maxAttempts: 1 });
    expect((await call('GET', '/api/assignment-pins/0000000')).code).toBe('ASSIGNMENT_NOT_FOUND');
  });

  it('plays an attempt on the server clock, guarded by its token, and refuses what does not fit', async () => {
    const a = await assign();
    const s = await start(a.assignmentId, 'Ann');
    expect(s.status).toBe(201);
    const { token, view } = s.body;
    const path = `/api/assignments/${a.assignmentId}/attempts/${view.attemptId}`;
    const auth = { 'x-attempt-token': token };
    expect((await call('GET', path, undefined, { 'x-attempt-token': 'wrong' })).code).toBe('UNAUTHORIZED');
    expect(JSON.stringify(view)).not.toContain('"correct"');

    // Two copies of one answer at once (a retry racing the original): one answer, one outcome.
    const answer = { index: 0, answer: { kind: 'choice', choice: 0 } };
    const [one, two] = await Promise.all([call<AttemptView>('POST', `${path}/answer`, answer, auth), call<AttemptView>('POST', `${path}/answer`, answer, auth)]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.body.score).toBe(1000);
    expect(two.body.score).toBe(1000);

    const next = await call<AttemptView>('POST', `${path}/next`, { index: 0 }, auth);
    expect(next.body).toMatchObject({ status: 'question', index: 1, remainingMs: 20_000 });
    expect((await call('POST', `${path}/answer`, { index: 1, answer: { kind: 'choices', choices: [0] } }, auth)).code).toBe('INVALID_ANSWER');
    await h.server.clock.advance(20_001);
    const late = await call('POST', `${path}/answer`, { index: 1, answer: { kind: 'choice', choice: 0 } }, auth);
    expect([late.status, late.code]).toEqual([409, 'LATE']);
    expect((await call<AttemptView>('GET', path, undefined, auth)).body.status).toBe('timeout');

    // One attempt per student (by name, case folded); after the deadline, nothing.
    expect((await start(a.assignmentId, ' ann ')).code).toBe('ATTEMPTS_USED');
    await h.server.clock.advance(2 * HOUR);
    const closedNext = await call('POST', `${path}/next`, { index: 1 }, auth);
    expect([closedNext.status, closedNext.code]).toEqual([403, 'ASSIGNMENT_CLOSED']);
    const lateStart = await start(a.assignmentId, 'Bob');
    expect([lateStart.status, lateStart.code]).toEqual([403, 'ASSIGNMENT_CLOSED']);

    const report = await call<GameReport>('GET', `/api/assignments/${a.assignmentId}/report`, undefined, h.server.teacher);
    expect(report.body.endReason).toBe('finished');
    expect(report.body.matrix).toEqual([[{ grade: 'correct', points: 1000, responseMs: 0, answer: 'x-right-0' }, { grade: 'missed', points: 0 }]]);
    const csv = await fetch(`${h.server.url}/api/assignments/${a.assignmentId}/report/export?format=csv`, { headers: h.server.teacher });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('Ann');
  });

  it('counts attempts per student up to the number the teacher allows, and reports the best', async () => {
    const a = await assign(2);
    const play = async (choice: number) => {
      const s = await start(a.assignmentId, 'Ann');
      expect(s.status).toBe(201);
      const path = `/api/assignments/${a.assignmentId}/attempts/${s.body.view.attemptId}`;
      await call('POST', `${path}/answer`, { index: 0, answer: { kind: 'choice', choice } }, { 'x-attempt-token': s.body.token });
    };
    await play(1);
    await play(0);
    expect((await start(a.assignmentId, 'ANN')).code).toBe('ATTEMPTS_USED');
    const progress = await call<{ attempts: Array<{ attemptNumber: number; score: number }> }>('GET', `/api/assignments/${a.assignmentId}`, undefined, h.server.teacher);
    expect(progress.body.attempts.map((x) => [x.attemptNumber, x.score])).toEqual([
      [1, 0],
      [2, 1000],
    ]);
    const report = await call<GameReport>('GET', `/api/assignments/${a.assignmentId}/report`, undefined, h.server.teacher);
    expect(report.body.players.map((p) => [p.nickname, p.score])).toEqual([['Ann', 1000]]);
  });
});

describe('starting assignment attempts is limited per address', () => {
  const h = useServer({ TRUST_PROXY: 'loopback', JOINS_PER_MINUTE: '3' });

  it('answers 429 RATE_LIMITED past the join budget of one address, and not for another', async () => {
    const quizId = await saveQuiz(h.server.url, singleQuiz(1, 'r'), h.server.teacher);
    const made = await fetch(`${h.server.url}/api/assignments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...h.server.teacher },
      body: JSON.stringify({ quizId, closesAt: h.server.clock.now() + HOUR }),
    });
    const { assignmentId } = (await made.json()) as CreateAssignmentResponse;
    const start = (name: string, address: string) =>
      fetch(`${h.server.url}/api/assignments/${assignmentId}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ name }),
      });
    const statuses = [];
    for (const name of ['A', 'B', 'C', 'D']) statuses.push((await start(name, '192.0.2.20')).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await start('E', '192.0.2.21')).status).toBe(201);
  });
});
