import type { Ack, CommandName, CreateGameResponse, GameOptions, PlayerView, QuizInput, ScreenView } from '@quizbus/shared';
import { afterEach, beforeEach, expect } from 'vitest';
import { connect, createGame, saveQuiz, type TestClient } from '../support/test-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * Shared helpers for the integration tests (not a test file itself). Each `describe` calls
 * `useServer()` once: a fresh server per test, closed with every client it opened afterwards.
 */
export interface Harness {
  server: TestServer;
  /** Connects a new recording client that is closed after the test (`headers` go with its handshake). */
  client(headers?: Record<string, string>): Promise<TestClient>;
}

export function useServer(env: Record<string, string> = {}): Harness {
  const clients: TestClient[] = [];
  const h: Harness = {
    server: undefined as unknown as TestServer,
    async client(headers: Record<string, string> = {}) {
      const c = await connect(h.server.url, headers);
      clients.push(c);
      return c;
    },
  };
  beforeEach(async () => {
    h.server = await startTestServer(env);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await h.server.close();
  });
  return h;
}

/** Narrows an ack to its success form, failing the test with the error otherwise. */
export function ok<K extends CommandName>(ack: Ack<K>): Extract<Ack<K>, { ok: true }> {
  if (!ack.ok) throw new Error(`expected an ok ack, got ${JSON.stringify(ack)}`);
  return ack;
}

/** Asserts an error ack of the documented shape and returns its code. */
export function errorCode(ack: unknown): string {
  expect(ack).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  const a = ack as { ok: false; error: { code: string; message: string } };
  expect(Object.keys(a).sort()).toEqual(['error', 'ok']);
  expect(a.error.message.length).toBeGreaterThan(0);
  return a.error.code;
}

/** Keys that only a reveal or an answer carries; none may reach a socket while a question runs. */
export const ANSWER_KEYS = ['correct', 'accepted', 'solution', 'tolerance', 'reveal', 'explanation', 'distribution', 'answer', 'choice', 'choices', 'order', 'grade', 'result'];

/** Distinctive values of the all-types quiz, so tests can look for them in frames. */
export const SECRETS = {
  singleCorrect: 1,
  multiCorrect: [0, 2],
  typeAccepted: ['Ouagadougou', 'Wagadugu'],
  sliderCorrect: 73.25,
  orderingItems: ['Alpha', 'Bravo', 'Charlie', 'Delta'],
  explanations: [
    'EXPLAIN-single: Mars looks red because of iron oxide.',
    'EXPLAIN-multi: 2 and 5 are prime.',
    'EXPLAIN-tf: it is true.',
    'EXPLAIN-type: the capital of Burkina Faso.',
    'EXPLAIN-slider: seventy-three and a quarter.',
    'EXPLAIN-order: alphabetical.',
    'EXPLAIN-poll: no right answer.',
  ],
} as const;

/** Question types of the all-types quiz, in order. */
export const TYPES = ['single', 'multi', 'true-false', 'type-answer', 'slider', 'ordering', 'poll'] as const;

/** A quiz with one question of every type. */
export function allTypesQuiz(readTimeSec = 2, timeLimitSec = 20): QuizInput {
  const e = SECRETS.explanations;
  return {
    title: 'Integration: every type',
    readTimeSec,
    questions: [
      { type: 'single', text: 'Which planet is the red one?', options: ['Venus', 'Mars', 'Jupiter', 'Saturn'], correct: 1, timeLimitSec, explanation: e[0] },
      { type: 'multi', text: 'Pick the primes.', options: ['2', '4', '5', '9'], correct: [0, 2], timeLimitSec, explanation: e[1] },
      { type: 'true-false', text: 'Water boils at 100 °C at sea level.', correct: true, timeLimitSec, explanation: e[2] },
      { type: 'type-answer', text: 'Name the capital of Burkina Faso.', accepted: ['Ouagadougou', 'Wagadugu'], timeLimitSec, explanation: e[3] },
      { type: 'slider', text: 'Pick the magic number.', min: 0, max: 100, step: 0.25, correct: 73.25, tolerance: 0.5, timeLimitSec, explanation: e[4] },
      { type: 'ordering', text: 'Sort the NATO words.', items: ['Alpha', 'Bravo', 'Charlie', 'Delta'], timeLimitSec, explanation: e[5] },
      { type: 'poll', text: 'Favourite drink?', options: ['Tea', 'Coffee', 'Water'], timeLimitSec, explanation: e[6] },
    ],
  };
}

/** A small quiz of `n` single-choice questions (correct option 0 unless told), with a text marker. */
export function singleQuiz(n: number, marker: string, readTimeSec = 0, timeLimitSec = 20): QuizInput {
  return {
    title: `Quiz ${marker}`,
    readTimeSec,
    questions: Array.from({ length: n }, (_, i) => ({
      type: 'single' as const,
      text: `${marker} question ${i + 1}`,
      options: [`${marker}-right-${i}`, `${marker}-wrong-${i}`, `${marker}-other-${i}`],
      correct: 0,
      timeLimitSec,
    })),
  };
}

export interface HostedGame {
  game: CreateGameResponse;
  host: TestClient;
  hostView: ScreenView;
}

/** Saves a quiz, creates a game for it and attaches a host socket. */
export async function hostGame(h: Harness, quiz: QuizInput | string, options: Partial<GameOptions> = {}): Promise<HostedGame> {
  const quizId = typeof quiz === 'string' ? quiz : await saveQuiz(h.server.url, quiz, h.server.teacher);
  const game = await createGame(h.server.url, quizId, options, h.server.teacher);
  const host = await h.client();
  const ack = ok(await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken }));
  return { game, host, hostView: ack.view };
}

export interface JoinedPlayer {
  client: TestClient;
  playerId: string;
  sessionToken: string;
  view: PlayerView;
}

export async function joinPlayer(h: Harness, pin: string, nickname: string, headers: Record<string, string> = {}): Promise<JoinedPlayer> {
  const client = await h.client(headers);
  const ack = ok(await client.send('player.join', { pin, nickname }));
  return { client, playerId: ack.playerId, sessionToken: ack.sessionToken, view: ack.view };
}

export async function attachDisplay(h: Harness, pin: string, headers: Record<string, string> = {}): Promise<{ client: TestClient; view: ScreenView }> {
  const client = await h.client(headers);
  const ack = ok(await client.send('display.attach', { pin }));
  return { client, view: ack.view };
}

/** Waits for question `index` to be shown on `watcher`, moves the clock to its opening and waits for it to open. */
export async function openQuestion(h: Harness, watcher: TestClient, index: number) {
  const shown = await watcher.next('question.shown', (m) => m.index === index);
  await h.server.clock.advanceTo(shown.opensAt);
  await watcher.next('question.opened', (m) => m.index === index);
  return shown;
}

/** Waits until a client's socket is disconnected (by the server or itself). */
export function disconnected(c: TestClient): Promise<void> {
  if (!c.socket.connected) return Promise.resolve();
  return new Promise((resolve) => c.socket.once('disconnect', () => resolve()));
}

/** The game's version as the host sees it now (a snapshot through the host socket). */
export async function hostSnapshot(host: TestClient): Promise<ScreenView> {
  const view = ok(await host.send('view.snapshot', {})).view;
  if (view.role === 'player') throw new Error('expected a screen view');
  return view;
}

/** Calls `visit` for every value in a JSON-like tree, with the key it sits under. */
export function walk(value: unknown, visit: (v: unknown, key: string | null) => void, key: string | null = null): void {
  visit(value, key);
  if (Array.isArray(value)) for (const v of value) walk(v, visit, null);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, visit, k);
}

/** Every object key anywhere in a value. */
export function keysIn(value: unknown): Set<string> {
  const keys = new Set<string>();
  walk(value, (_v, k) => {
    if (k !== null) keys.add(k);
  });
  return keys;
}

/** Whether a number equal to n occurs anywhere in a value. */
export function hasNumber(value: unknown, n: number): boolean {
  let found = false;
  walk(value, (v) => {
    if (v === n) found = true;
  });
  return found;
}

/** Whether an array deep-equal to `arr` occurs anywhere in a value. */
export function hasArray(value: unknown, arr: readonly unknown[]): boolean {
  let found = false;
  const want = JSON.stringify(arr);
  walk(value, (v) => {
    if (Array.isArray(v) && JSON.stringify(v) === want) found = true;
  });
  return found;
}

/** Index of the first frame of `c` that matches, or -1. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- predicates read any frame's payload, as the frames arrive
export function frameIndex(c: TestClient, name: string, test: (payload: any) => boolean = () => true): number {
  return c.frames.findIndex((f) => f.name === name && test(f.payload));
}

/**
 * Closes a client's socket and resolves once the server has seen it go (its server-side
 * socket emitted `disconnect`), so the server's reaction is queued before the test moves on.
 */
export async function closeAndWait(h: Harness, c: TestClient): Promise<void> {
  const serverSocket = h.server.quizbus.io.of('/').sockets.get(c.socket.id ?? '');
  if (!serverSocket) throw new Error('no server-side socket for this client');
  const gone = new Promise<void>((resolve) => serverSocket.once('disconnect', () => resolve()));
  c.close();
  await gone;
  // Let the disconnect command the gateway queued run.
  await h.server.clock.advance(0);
}

/** A well-formed PIN that none of the given games uses. */
export function unusedPin(...used: string[]): string {
  for (let n = 0; ; n += 1) {
    const pin = String(n).padStart(6, '0');
    if (!used.includes(pin)) return pin;
  }
}
