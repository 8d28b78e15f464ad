import type {
  Ack,
  ClientToServerEvents,
  CommandName,
  CreateGameResponse,
  PlayerResult,
  ServerMessageName,
  ServerToClientEvents,
} from '@quizbus/shared';
import { io, type Socket } from 'socket.io-client';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A player's own result, as its close brought it. */
export interface OwnResult {
  seq: number;
  result: PlayerResult;
}

/** One received server message, in arrival order. */
export interface Frame {
  name: string;
  payload: unknown;
}

/**
 * A socket.io-client connected over WebSocket that records every message it receives, so
 * tests can wait for an event and inspect everything a client was ever sent.
 */
export class TestClient {
  readonly socket: ClientSocket;
  readonly frames: Frame[] = [];
  private waiters: Array<{ test: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];

  /** `headers` go with the WebSocket handshake (e.g. X-Forwarded-For behind a trusted proxy). */
  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
    this.socket.onAny((name: string, payload: unknown) => {
      const frame = { name, payload };
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
  }

  /** Resolves once connected. */
  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Sends a command (a well-formed payload, or anything for malformed-input tests) and resolves with its ack. */
  send<K extends CommandName>(name: K, payload: unknown): Promise<Ack<K>> {
    const emit = this.socket.emitWithAck as unknown as (n: string, p: unknown) => Promise<Ack<K>>;
    return emit.call(this.socket, name, payload);
  }

  /** Sends raw arguments (for malformed-input tests); resolves with the ack. */
  sendRaw(name: string, ...args: unknown[]): Promise<unknown> {
    const emit = this.socket.emitWithAck as unknown as (n: string, ...a: unknown[]) => Promise<unknown>;
    return emit.call(this.socket, name, ...args);
  }

  /** Resolves with the first frame (already received or future) that matches. */
  next<K extends ServerMessageName>(name: K, test: (payload: Parameters<ServerToClientEvents[K]>[0]) => boolean = () => true): Promise<Parameters<ServerToClientEvents[K]>[0]> {
    type P = Parameters<ServerToClientEvents[K]>[0];
    const match = (f: Frame) => f.name === name && test(f.payload as P);
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen.payload as P);
    return new Promise((resolve) => this.waiters.push({ test: match, resolve: (f) => resolve(f.payload as P) }));
  }

  /**
   * Resolves with the player's own result from a question's close (the first one, or the one
   * for question `index`): it comes in the player's copy of `question.closed`.
   */
  async result(index?: number): Promise<OwnResult> {
    const closed = await this.next('question.closed', (m) => m.result !== undefined && (index === undefined || m.result.index === index));
    return { seq: closed.seq, result: closed.result as PlayerResult };
  }

  /** The player's own results received so far, in order. */
  results(): OwnResult[] {
    return this.all('question.closed').flatMap((m) => (m.result ? [{ seq: m.seq, result: m.result }] : []));
  }

  /** Frames with this name received so far. */
  all<K extends ServerMessageName>(name: K): Array<Parameters<ServerToClientEvents[K]>[0]> {
    return this.frames.filter((f) => f.name === name).map((f) => f.payload as Parameters<ServerToClientEvents[K]>[0]);
  }

  close(): void {
    this.socket.close();
  }
}

/** Creates a game over HTTP (`teacher`: headers of a teacher session, when loopback does not count). */
export async function createGame(url: string, quizId: string, options: Record<string, unknown> = {}, teacher: Record<string, string> = {}): Promise<CreateGameResponse> {
  const res = await fetch(`${url}/api/games`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...teacher },
    body: JSON.stringify({ quizId, options }),
  });
  if (res.status !== 201) throw new Error(`create game: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateGameResponse;
}

/** Saves a quiz over HTTP and returns its id (`teacher` as for createGame). */
export async function saveQuiz(url: string, quiz: unknown, teacher: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${url}/api/quizzes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...teacher },
    body: JSON.stringify(quiz),
  });
  if (res.status !== 201) throw new Error(`save quiz: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Connects a client and waits for the connection. */
export async function connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
  const c = new TestClient(url, headers);
  await c.connected();
  return c;
}
