import { newCommandId, resendDelayMs, worthResending, type Ack, type CommandName, type CommandPayload, type ErrorBody, type PlayerView, type ServerMessage, type View } from '@quizbus/shared';
import { SERVER_MESSAGE_NAMES } from '../state/server-message-names.ts';
import { reduceMessage } from '../state/game-reducer.ts';
import type { IncomingMessage } from '../state/incoming-message.ts';
import type { Socket } from 'socket.io-client';
import { createGameSocket, type GameSocket } from './game-socket.ts';

/** Who this client is in a game; re-sent after every reconnect to get the seat back. */
export type Identity =
  | { role: 'player'; pin: string; sessionToken: string }
  | { role: 'host'; pin: string; hostToken: string }
  | { role: 'display'; pin: string };

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface GameClientState {
  connection: ConnectionStatus;
  view: View | null;
  /** serverNow − Date.now(), from the latest message that carried the server's time. */
  clockOffset: number;
  /** Player: final place and score, sent once at the end. */
  final: ServerMessage<'player.final'> | null;
  kicked: boolean;
  /** Why attaching failed (unknown PIN, wrong token …); the identity is dropped then. */
  error: ErrorBody | null;
}

const ACK_TIMEOUT_MS = 10_000;
/**
 * How long a command keeps being resent before the caller hears UNAVAILABLE. Answers stop
 * mattering when their question closes (the server then says LATE); this bounds the rest.
 */
const RESEND_FOR_MS = 120_000;
/** A join is resent for less long: the person is looking at the join button meanwhile. */
const JOIN_RESEND_FOR_MS = 30_000;

class Disconnected extends Error {}

type AnyAck = { ok: true } | { ok: false; error: ErrorBody };

const failure = (code: ErrorBody['code'], message: string) => ({ ok: false as const, error: { code, message } });

export interface GameClientOptions {
  /** The wait before resend number `attempt` (0-based); the shared backoff with jitter by default. */
  resendDelay?: (attempt: number) => number;
}

/**
 * One browser's connection to one game, outside React: the socket, the identity to re-attach
 * with, and the view kept current from server messages (gaps heal with view.snapshot).
 * Screens read it through `subscribe`/`getState` (useSyncExternalStore).
 */
export class GameClient {
  private state: GameClientState = { connection: 'connecting', view: null, clockOffset: 0, final: null, kicked: false, error: null };
  private readonly listeners = new Set<() => void>();
  private identity: Identity | null = null;
  /** Waiting for the seat: true once seated, false when the seat is refused for good. */
  private attachedWaiters: Array<(seated: boolean) => void> = [];
  private attached = false;
  private snapshotPending = false;
  /** The running attempt to get the seat (again), retried until seated or refused for good. */
  private seating: Promise<AnyAck> | null = null;
  private closed = false;
  private readonly pending = new Set<(err: Error) => void>();
  private readonly telemetryListeners = new Set<(message: ServerMessage<'telemetry.events'>) => void>();
  private readonly resendDelay: (attempt: number) => number;

  constructor(
    private readonly socket: GameSocket = createGameSocket(),
    options: GameClientOptions = {},
  ) {
    this.resendDelay = options.resendDelay ?? ((attempt) => resendDelayMs(attempt));
    socket.on('connect', () => this.onConnect());
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    // A node that refuses the connection (not ready: its store is away) ends socket.io's own
    // retries; keep knocking, at the resend pace, until one lets us in.
    socket.on('connect_error', () => this.onConnectError());
    for (const name of SERVER_MESSAGE_NAMES) {
      // One generic listener per message name; the reducer narrows by name.
      (socket.on as (n: string, fn: (p: unknown) => void) => void)(name, (payload) =>
        this.onMessage({ name, payload } as IncomingMessage),
      );
    }
  }

  readonly getState = (): GameClientState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The identity this client attaches as, if any. */
  get who(): Identity | null {
    return this.identity;
  }

  /**
   * Attaches as host, display or a returning player, and again after every reconnect. Keeps
   * trying (with backoff) while the server says "not now"; resolves once seated, or with the
   * refusal when the server refuses the seat for good (unknown game, wrong token, kicked …).
   */
  attach(identity: Identity): Promise<AnyAck> {
    this.identity = identity;
    this.update({ error: null });
    return this.seat();
  }

  /**
   * Joins as a new player; on success this client re-attaches with the new session token. A
   * join whose ack is lost or unknown is resent with the same command id, so it seats one
   * player however often it goes out.
   */
  async join(pin: string, nickname: string, studentId?: string): Promise<Ack<'player.join'>> {
    const payload = { cid: newCommandId(), pin, nickname, ...(studentId !== undefined && { studentId }) };
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      if (!this.socket.connected) await this.connected();
      const ack = await this.emit('player.join', payload).catch(() => null);
      if (ack?.ok) {
        this.identity = { role: 'player', pin, sessionToken: ack.sessionToken };
        this.acceptView(ack.view);
        this.markAttached();
        return ack;
      }
      if (ack && !worthResending(ack.error.code)) return ack;
      if (this.closed || Date.now() - started > JOIN_RESEND_FOR_MS) return ack ?? failure('UNAVAILABLE', 'The connection dropped; try again.');
      await this.pause(attempt);
    }
  }

  /**
   * Sends a command for the attached identity once attached, with a fresh command id. A command
   * whose ack is lost with the connection, or that the server could not run or confirm
   * (UNAVAILABLE, OUTCOME_UNKNOWN, RATE_LIMITED), is resent with the same id once the seat is
   * back: the server runs it at most once and answers a repeat with the original outcome.
   */
  async send<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<Ack<K>> {
    const sent = { ...payload, cid: newCommandId() };
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      if (!this.attached && !(await this.whenAttached())) return failure('NOT_ATTACHED', 'This screen is not in a game any more.');
      const ack = await this.emit(name, sent).catch(() => null);
      if (ack && (ack.ok || !worthResending(ack.error.code))) return ack;
      if (this.closed || Date.now() - started > RESEND_FOR_MS) return ack ?? (failure('UNAVAILABLE', 'The connection dropped; try again.'));
      await this.pause(attempt);
    }
  }

  /**
   * Records locally that the player's answer was accepted (the ack carries no view). An ack
   * that comes late (resent after a lost reply, answered after the game moved on) changes
   * nothing once the screen has left that question or the game has ended.
   */
  markAnswered(index: number, responseMs: number): void {
    const view = this.state.view;
    if (view?.role !== 'player' || this.state.final !== null || view.phase === 'ended') return;
    if (view.question && view.question.index !== index) return;
    this.update({ view: { ...view, myAnswer: { index, responseMs } } satisfies PlayerView });
  }

  /** Records locally a re-rolled nickname (the ack carries no view). */
  markRenamed(nickname: string, rerollsLeft: number): void {
    const view = this.state.view;
    if (view?.role !== 'player') return;
    this.update({ view: { ...view, me: { ...view.me, nickname, rerollsLeft } } satisfies PlayerView });
  }

  /**
   * Listens to the "under the hood" event flow (sent only after `telemetry.watch { on: true }`);
   * returns the unsubscribe. Kept out of the state: it changes four times a second.
   */
  onTelemetry(listener: (message: ServerMessage<'telemetry.events'>) => void): () => void {
    this.telemetryListeners.add(listener);
    return () => this.telemetryListeners.delete(listener);
  }

  /** Ends the connection for good (leaving the page). */
  close(): void {
    this.closed = true;
    this.identity = null;
    this.releaseWaiters(false);
    this.socket.close();
    this.update({ connection: 'closed' });
  }

  private onConnect(): void {
    if (!this.identity) {
      this.update({ connection: 'online' });
      return;
    }
    void this.seat();
  }

  private onConnectError(): void {
    if (this.closed || this.socket.active !== false) return;
    this.update({ connection: 'reconnecting' });
    setTimeout(() => {
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, this.resendDelay(2));
  }

  /** Gets the seat for the current identity; one attempt at a time, shared by every caller. */
  private seat(): Promise<AnyAck> {
    this.seating ??= this.seatUntilDone().finally(() => {
      this.seating = null;
    });
    return this.seating;
  }

  private async seatUntilDone(): Promise<AnyAck> {
    for (let attempt = 0; ; attempt += 1) {
      const who = this.identity;
      if (!who || this.closed) return failure('NOT_ATTACHED', 'Nothing to attach to.');
      // Connected already: send at once, in the caller's turn (no await on the way).
      if (!this.socket.connected) await this.connected();
      const ack = await this.emitAttach(who).catch(() => null);
      // Another identity took over meanwhile (a join, a new attach): seat that one instead.
      if (this.identity !== who) continue;
      if (ack?.ok) {
        if (ack.view) this.acceptView(ack.view);
        this.markAttached();
        return ack;
      }
      if (ack && !worthResending(ack.error.code)) {
        this.identity = null;
        this.releaseWaiters(false);
        this.update({ error: ack.error, connection: 'online' });
        return ack;
      }
      // No ack (dropped, or none in time) or "not now": the player keeps seeing "Reconnecting…".
      if (this.state.connection !== 'connecting') this.update({ connection: 'reconnecting' });
      await this.pause(attempt);
    }
  }

  private emitAttach(who: Identity): Promise<AnyAck & { view?: View }> {
    if (who.role === 'player') return this.emit('player.resume', { pin: who.pin, sessionToken: who.sessionToken });
    if (who.role === 'host') return this.emit('host.attach', { pin: who.pin, hostToken: who.hostToken });
    return this.emit('display.attach', { pin: who.pin });
  }

  private pause(attempt: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.resendDelay(attempt)));
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    this.attached = false;
    for (const reject of [...this.pending]) reject(new Disconnected('disconnected'));
    if (reason === 'io client disconnect' || this.state.kicked) {
      this.update({ connection: 'closed' });
      return;
    }
    this.update({ connection: 'reconnecting' });
    // The server hung up on purpose (e.g. a restart): socket.io does not retry that by itself.
    if (reason === 'io server disconnect') this.socket.connect();
  }

  private onMessage(message: IncomingMessage): void {
    if (message.name === 'telemetry.events') {
      for (const listener of this.telemetryListeners) listener(message.payload);
      return;
    }
    if (message.name === 'player.kicked') {
      this.identity = null;
      this.releaseWaiters(false);
      this.update({ kicked: true });
      return;
    }
    if (message.name === 'player.final') this.update({ final: message.payload });
    if (message.name === 'question.shown' || message.name === 'question.opened') {
      this.update({ clockOffset: message.payload.serverNow - Date.now() });
    }
    const view = this.state.view;
    if (!view) return;
    const { view: next, gap } = reduceMessage(view, message);
    if (gap) void this.snapshot();
    else if (next !== view) this.update({ view: next });
  }

  /** Replaces the view with the server's current one, after a missed chained message. */
  private async snapshot(): Promise<void> {
    if (this.snapshotPending || !this.attached) return;
    this.snapshotPending = true;
    try {
      const ack = await this.emit('view.snapshot', {});
      if (ack.ok) this.acceptView(ack.view);
    } catch {
      // Disconnected: re-attaching brings a fresh view anyway.
    } finally {
      this.snapshotPending = false;
    }
  }

  private acceptView(view: View): void {
    const clockOffset = view.question ? view.question.serverNow - Date.now() : this.state.clockOffset;
    this.update({ view, clockOffset, connection: 'online', error: null });
  }

  private markAttached(): void {
    this.attached = true;
    this.releaseWaiters(true);
  }

  private releaseWaiters(seated: boolean): void {
    const waiters = this.attachedWaiters;
    this.attachedWaiters = [];
    for (const w of waiters) w(seated);
  }

  /** Resolves true once seated; false at once if there is no seat to wait for (refused, kicked, closed). */
  private whenAttached(): Promise<boolean> {
    if (this.attached) return Promise.resolve(true);
    if (!this.identity || this.closed) return Promise.resolve(false);
    return new Promise((resolve) => this.attachedWaiters.push(resolve));
  }

  private connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('connect', () => resolve()));
  }

  /** Emits one command and resolves with its ack; rejects with Disconnected if the socket drops first. */
  private emit<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<Ack<K>> {
    if (!this.socket.connected) return Promise.reject(new Disconnected('not connected'));
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        fn();
      };
      const fail = (err: Error) => done(() => reject(err));
      const timer = setTimeout(() => fail(new Disconnected('no ack')), ACK_TIMEOUT_MS);
      this.pending.add(fail);
      // The typed emit cannot pair a generic K with its payload; the server validates it anyway.
      (this.socket.emit as (n: string, p: unknown, ack: (res: Ack<K>) => void) => void)(name, payload, (res) =>
        done(() => resolve(res)),
      );
    });
  }

  private update(patch: Partial<GameClientState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
