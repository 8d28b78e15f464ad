import { randomBytes, randomInt } from 'node:crypto';
import type { AssignmentOptions, AssignmentProgress, AssignmentSummary, AttemptView, GameReport, StartAttemptResponse, AssignmentInfo } from '@quizbus/shared';
import type { Rejection } from '../engine/commands.ts';
import { reject } from '../engine/commands.ts';
import {
  attemptName,
  attemptView,
  decideAttempt,
  questionsDone,
  replayAttempt,
  studentKeyOf,
  type Assignment,
  type AttemptCommand,
  type AttemptEvent,
  type AttemptState,
} from '../engine/self-paced.ts';
import { prepareQuestions } from '../games/prepare-quiz.ts';
import { cryptoRandomInt, hashToken, newToken, sameHash, type RandomInt } from '../games/tokens.ts';
import type { AssignmentStore } from '../ports/assignment-store.ts';
import type { Clock } from '../ports/clock.ts';
import { VersionConflictError } from '../ports/event-log.ts';
import type { QuizStore } from '../ports/quiz-store.ts';
import { assignmentReport } from '../reports/assignment-report.ts';

export interface AssignmentServiceDeps {
  store: AssignmentStore;
  quizzes: QuizStore;
  clock: Clock;
  /** Base URL students join at (PUBLIC_URL or the LAN address). */
  joinBase: () => string;
  random?: RandomInt;
}

export type Result<T> = { ok: true; value: T } | Rejection;

/** Attempts raced by two requests are retried this often before the client is told to resend. */
const CONFLICT_RETRIES = 3;

const randomId = (prefix: 'a' | 't') => `${prefix}_${randomBytes(9).toString('base64url')}`;

/** Seven digits, so an assignment's PIN never looks like a live game's six. */
const randomAssignmentPin = () => String(randomInt(0, 10_000_000)).padStart(7, '0');

/**
 * Self-paced assignments: creation, the students' attempts, progress and reports. Stateless
 * between requests: every command reads the attempt's log, replays it through the pure engine
 * (self-paced.ts), decides at the server's time and appends with the version it read. So any
 * node serves any student, and a node that dies loses nothing that was acknowledged.
 */
export class AssignmentService {
  private readonly random: RandomInt;

  constructor(private readonly deps: AssignmentServiceDeps) {
    this.random = deps.random ?? cryptoRandomInt;
  }

  /** Where students start an assignment. */
  joinUrl(pin: string): string {
    return `${this.deps.joinBase()}/a/${pin}`;
  }

  /** A new assignment of a quiz, open until `closesAt`. */
  async create(quizId: string, closesAt: number, options: AssignmentOptions): Promise<Result<Assignment>> {
    const now = this.deps.clock.now();
    if (closesAt <= now) return reject('BAD_REQUEST', 'closesAt must lie in the future.');
    const quiz = await this.deps.quizzes.get(quizId);
    if (!quiz) return reject('QUIZ_NOT_FOUND', 'No such quiz.');
    const questions = prepareQuestions(quiz, { ...options, allowLateJoin: false }, this.random);
    for (let tries = 0; tries < 20; tries += 1) {
      const a: Assignment = { id: randomId('a'), pin: randomAssignmentPin(), quizId, title: quiz.title, createdAt: now, closesAt, options, questions };
      if (await this.deps.store.create(a)) return { ok: true, value: a };
    }
    return reject('INTERNAL', 'No free assignment PIN; try again.');
  }

  /** What a student sees before starting. */
  async info(pin: string): Promise<Result<AssignmentInfo>> {
    const a = await this.deps.store.byPin(pin);
    if (!a) return notFound();
    const closed = this.deps.clock.now() >= a.closesAt;
    return { ok: true, value: { assignmentId: a.id, title: a.title, closesAt: a.closesAt, questionCount: a.questions.length, maxAttempts: a.options.maxAttempts, closed } };
  }

  /** Starts a student's attempt: its token (kept by their browser to resume) and first view. */
  async start(assignmentId: string, rawName: string): Promise<Result<StartAttemptResponse>> {
    const a = await this.deps.store.get(assignmentId);
    if (!a) return notFound();
    const name = attemptName(rawName);
    if (!name.ok) return name;
    const now = this.deps.clock.now();
    // Refused before a slot is claimed, so a late try costs no attempt.
    const token = newToken();
    const command = { type: 'start' as const, attemptId: randomId('t'), name: name.name, tokenHash: hashToken(token), attemptNumber: 1 };
    const early = decideAttempt(a, null, command, now);
    if (!early.ok) return early;
    const attemptNumber = await this.deps.store.claimAttempt(a.id, studentKeyOf(name.name), command.attemptId, a.options.maxAttempts);
    if (attemptNumber === null) return reject('ATTEMPTS_USED', `You have used every attempt (${a.options.maxAttempts}) at this assignment.`);
    const decision = decideAttempt(a, null, { ...command, attemptNumber }, now);
    if (!decision.ok) return decision;
    const events = numbered(decision.events, 0, now);
    await this.deps.store.append(a.id, command.attemptId, 0, events);
    return { ok: true, value: { token, view: attemptView(a, replayAttempt(a, events) as AttemptState, now) } };
  }

  /** The attempt as its student sees it now. */
  async view(assignmentId: string, attemptId: string, token: string): Promise<Result<AttemptView>> {
    const loaded = await this.load(assignmentId, attemptId, token);
    if (!loaded.ok) return loaded;
    const { a, s } = loaded.value;
    return { ok: true, value: attemptView(a, s, this.deps.clock.now()) };
  }

  /** Answers or moves on; a repeat of a step already taken gets the current view. */
  async act(assignmentId: string, attemptId: string, token: string, command: Exclude<AttemptCommand, { type: 'start' }>): Promise<Result<AttemptView>> {
    for (let tries = 0; tries < CONFLICT_RETRIES; tries += 1) {
      const loaded = await this.load(assignmentId, attemptId, token);
      if (!loaded.ok) return loaded;
      const { a, s, events } = loaded.value;
      const now = this.deps.clock.now();
      const decision = decideAttempt(a, s, command, now);
      if (!decision.ok) return decision;
      const added = numbered(decision.events, s.seq, now);
      try {
        if (added.length > 0) await this.deps.store.append(a.id, attemptId, s.seq, added);
      } catch (err) {
        if (err instanceof VersionConflictError) continue;
        throw err;
      }
      return { ok: true, value: attemptView(a, replayAttempt(a, [...events, ...added]) as AttemptState, now) };
    }
    return reject('OUTCOME_UNKNOWN', 'Another request changed this attempt at the same moment; send it again.');
  }

  /** The teacher's view: the assignment and every attempt's progress. */
  async progress(assignmentId: string): Promise<Result<AssignmentProgress>> {
    const a = await this.deps.store.get(assignmentId);
    if (!a) return notFound();
    const attempts = await this.attemptsOf(a);
    return {
      ok: true,
      value: {
        ...summaryFields(a, this.deps.clock.now()),
        joinUrl: this.joinUrl(a.pin),
        options: a.options,
        attempts: attempts.map((s) => ({
          attemptId: s.attemptId,
          name: s.name,
          attemptNumber: s.attemptNumber,
          status: s.finishedAt === null ? 'playing' : 'finished',
          done: questionsDone(s),
          score: s.score,
          startedAt: s.startedAt,
          finishedAt: s.finishedAt,
        })),
      },
    };
  }

  /** Every assignment, most recent first. */
  async list(): Promise<AssignmentSummary[]> {
    const now = this.deps.clock.now();
    const all = await this.deps.store.list();
    return Promise.all(all.map(async (a) => ({ ...summaryFields(a, now), attemptCount: (await this.deps.store.attempts(a.id)).length })));
  }

  /** The live game's report, from the students' best attempts. */
  async report(assignmentId: string): Promise<Result<GameReport>> {
    const a = await this.deps.store.get(assignmentId);
    if (!a) return notFound();
    return { ok: true, value: assignmentReport(a, await this.attemptsOf(a), this.deps.clock.now()) };
  }

  private async attemptsOf(a: Assignment): Promise<AttemptState[]> {
    const logs = await this.deps.store.attempts(a.id);
    return logs.map((log) => replayAttempt(a, log)).filter((s): s is AttemptState => s !== null);
  }

  private async load(assignmentId: string, attemptId: string, token: string): Promise<Result<{ a: Assignment; s: AttemptState; events: AttemptEvent[] }>> {
    const a = await this.deps.store.get(assignmentId);
    if (!a) return notFound();
    const events = await this.deps.store.read(a.id, attemptId);
    const s = replayAttempt(a, events);
    if (!s || !sameHash(hashToken(token), s.tokenHash)) return reject('UNAUTHORIZED', 'That attempt token does not open this attempt.');
    return { ok: true, value: { a, s, events } };
  }
}

function notFound(): Rejection {
  return reject('ASSIGNMENT_NOT_FOUND', 'No assignment with that PIN or id (or it has expired).');
}

function summaryFields(a: Assignment, now: number) {
  return {
    assignmentId: a.id,
    quizId: a.quizId,
    title: a.title,
    pin: a.pin,
    createdAt: a.createdAt,
    closesAt: a.closesAt,
    closed: now >= a.closesAt,
    questionCount: a.questions.length,
  };
}

/** Gives drafts their place in the attempt's log and the server's time. */
function numbered(drafts: readonly Omit<AttemptEvent, 'seq' | 'at'>[], version: number, now: number): AttemptEvent[] {
  return drafts.map((d, i) => ({ ...d, seq: version + i + 1, at: now }) as AttemptEvent);
}
