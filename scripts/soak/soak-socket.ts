import { io, type Socket } from 'socket.io-client';

/** An ack as the soak sees it. */
export type SoakAck = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

const ACK_TIMEOUT_MS = 60_000;

/**
 * A thin Socket.IO client for the soak: WebSocket only, no automatic reconnection (the soak
 * drops and returns sockets itself), commands with an ack timeout, and waiting for a message.
 * It keeps no history, so thousands of them cost the load generator little.
 */
export class SoakSocket {
  readonly socket: Socket;

  constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: ACK_TIMEOUT_MS });
  }

  /** Resolves once connected; rejects on a connection error. */
  connected(): Promise<this> {
    if (this.socket.connected) return Promise.resolve(this);
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve(this));
      this.socket.once('connect_error', reject);
    });
  }

  /** Sends a command; a missing ack after a minute counts as the code TIMEOUT. */
  async send(name: string, payload: unknown): Promise<SoakAck> {
    try {
      return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(name, payload)) as SoakAck;
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: `no ack for ${name}` } };
    }
  }

  /** The next message `name` that passes `test`, or null after `ms`. */
  next<T>(name: string, test: (payload: T) => boolean = () => true, ms = ACK_TIMEOUT_MS): Promise<T | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.socket.off(name, listener);
        resolve(null);
      }, ms);
      const listener = (payload: T) => {
        if (!test(payload)) return;
        clearTimeout(timer);
        this.socket.off(name, listener);
        resolve(payload);
      };
      this.socket.on(name, listener);
    });
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.close();
  }
}

/** Connects `n` sockets at once (in parallel), round-robin over the urls. */
export async function connectMany(urls: readonly string[], n: number, offset = 0): Promise<SoakSocket[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => new SoakSocket(urls[(i + offset) % urls.length] as string).connected()));
}
