import type { GameSocket } from './game-socket.ts';

type Handler = (...args: unknown[]) => void;

/** One command the client sent, with the ack callback the test answers. */
export interface SentCommand {
  name: string;
  payload: unknown;
  ack: (res: unknown) => void;
}

/**
 * A stand-in for a Socket.IO client socket in unit tests: the test plays the server, deciding
 * when the socket connects or drops, what it pushes, and how each command is acknowledged.
 */
export class FakeSocket {
  connected = false;
  readonly sent: SentCommand[] = [];
  private readonly handlers = new Map<string, Handler[]>();

  on(name: string, fn: Handler): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
    return this;
  }

  once(name: string, fn: Handler): this {
    const wrapper: Handler = (...args) => {
      this.handlers.set(name, (this.handlers.get(name) ?? []).filter((h) => h !== wrapper));
      fn(...args);
    };
    return this.on(name, wrapper);
  }

  emit(name: string, payload: unknown, ack: (res: unknown) => void): this {
    this.sent.push({ name, payload, ack });
    return this;
  }

  connect(): this {
    return this;
  }

  close(): this {
    this.connected = false;
    return this;
  }

  /** The connection is up (first time or again). */
  up(): void {
    this.connected = true;
    this.fire('connect');
  }

  /** The connection dropped. */
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.fire('disconnect', reason);
  }

  /** The server pushes a message. */
  push(name: string, payload: unknown): void {
    this.fire(name, payload);
  }

  /** Commands sent with this name, oldest first. */
  named(name: string): SentCommand[] {
    return this.sent.filter((s) => s.name === name);
  }

  asSocket(): GameSocket {
    return this as unknown as GameSocket;
  }

  private fire(name: string, ...args: unknown[]): void {
    for (const h of [...(this.handlers.get(name) ?? [])]) h(...args);
  }
}
