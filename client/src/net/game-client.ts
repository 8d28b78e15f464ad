import type { Ack, CommandName, CommandPayload, ErrorBody, PlayerView, ServerMessage, View } from '@quizbus/shared';
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
/** Only answers are safe to resend: the server acks a repeat with the original result. */
const RESENDABLE: ReadonlySet<CommandName> = new Set(['answer.submit']);

class Disconnected extends Error {}

type AnyAck = { ok: true } | { ok: false; error: ErrorBody };

/**
 * One browser's connection to one game, outside React: the socket, the identity to re-attach
 * with, and the view kept current from server messages (gaps heal with view.snapshot).
 * Screens read it through `subscribe`/`getState` (useSyncExternalStore).
 */
export class GameClient {
  private state: GameClientState = { connection: 'connecting', view: null, clockOffset: 0, final: null, kicked: false, error: null };
  private readonly listeners = new Set<() => void>();
  private identity: Identity | null = null;
  private attachedWaiters: Array<() => void> = [];
  private attached = false;
  private snapshotPending = false;
  private lastAttach: Promise<AnyAck> | null = null;
  private readonly pending = new Set<(err: Error) => void>();
  private readonly telemetryListeners = new Set<(message: ServerMessage<'telemetry.events'>) => void>();

  constructor(private readonly socket: GameSocket = createGameSocket()) {
    socket.on('connect', () => void this.onConnect());
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
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
   * Attaches as host, display or a returning player, and again after every reconnect.
   * Resolves with the first attach's outcome.
   */
  async attach(identity: Identity): Promise<AnyAck> {
    this.identity = identity;
    this.update({ error: null });
    if (this.socket.connected) return this.sendAttach();
    await this.connected();
    // The 'connect' handler has already sent the attach for this identity.
    return this.lastAttach ?? this.sendAttach();
  }

  /** Joins as a new player; on success this client re-attaches with the new session token. */
  async join(pin: string, nickname: string, studentId?: string): Promise<Ack<'player.join'>> {
    await this.connected();
    const ack = await this.emit('player.join', { pin, nickname, ...(studentId !== undefined && { studentId }) });
    if (ack.ok) {
      this.identity = { role: 'player', pin, sessionToken: ack.sessionToken };
      this.acceptView(ack.view);
      this.markAttached();
    }
    return ack;
  }

  /**
   * Sends a command for the attached identity once attached. An answer interrupted by a lost
   * connection is resent after re-attaching; other commands report UNAVAILABLE instead,
   * because repeating "next" could skip a question.
   */
  async send<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<Ack<K>> {
    for (let attempt = 0; ; attempt += 1) {
      await this.whenAttached();
      try {
        return await this.emit(name, payload);
      } catch (err) {
        if (!(err instanceof Disconnected) || !RESENDABLE.has(name) || attempt >= 3) {
          return { ok: false, error: { code: 'UNAVAILABLE', message: 'The connection dropped; try again.' } };
        }
      }
    }
  }

  /** Records locally that the player's answer was accepted (the ack carries no view). */
  markAnswered(index: number, responseMs: number): void {
    const view = this.state.view;
    if (view?.role !== 'player') return;
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
    this.identity = null;
    this.socket.close();
    this.update({ connection: 'closed' });
  }

  private async onConnect(): Promise<void> {
    if (!this.identity) {
      this.update({ connection: 'online' });
      return;
    }
    await this.sendAttach().catch(() => undefined);
  }

  private sendAttach(): Promise<AnyAck> {
    this.lastAttach = this.attachOnce();
    return this.lastAttach;
  }

  private async attachOnce(): Promise<AnyAck> {
    const who = this.identity;
    if (!who) return { ok: false, error: { code: 'NOT_ATTACHED', message: 'Nothing to attach to.' } };
    let ack: AnyAck & { view?: View };
    try {
      if (who.role === 'player') ack = await this.emit('player.resume', { pin: who.pin, sessionToken: who.sessionToken });
      else if (who.role === 'host') ack = await this.emit('host.attach', { pin: who.pin, hostToken: who.hostToken });
      else ack = await this.emit('display.attach', { pin: who.pin });
    } catch {
      // The socket dropped while attaching: the next 'connect' tries again.
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The connection dropped; reconnecting.' } };
    }
    if (!ack.ok) {
      if (ack.error.code !== 'UNAVAILABLE' && ack.error.code !== 'RATE_LIMITED') this.identity = null;
      this.update({ error: ack.error, connection: 'online' });
      return ack;
    }
    if (ack.view) this.acceptView(ack.view);
    this.markAttached();
    return ack;
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
    const waiters = this.attachedWaiters;
    this.attachedWaiters = [];
    for (const w of waiters) w();
  }

  private whenAttached(): Promise<void> {
    if (this.attached) return Promise.resolve();
    return new Promise((resolve) => this.attachedWaiters.push(resolve));
  }

  private connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('connect', () => resolve()));
  }

  /** Emits one command and resolves with its ack; rejects with Disconnected if the socket drops first. */
  private emit<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<Ack<K>> {
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
