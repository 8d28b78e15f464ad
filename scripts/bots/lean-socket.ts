import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { WebSocketFrames } from './websocket-frames.ts';

export interface LeanSocketOptions {
  /** Source address of the TCP connection (any 127.x.y.z on loopback). */
  localAddress?: string;
  /** The handshake and the namespace connection give up after this long. */
  timeoutMs: number;
}

type AckCallback = (err: Error | null, response?: unknown) => void;

/**
 * A minimal Socket.IO client for bots: the default namespace over one WebSocket (Engine.IO
 * protocol 4, Socket.IO protocol 5), JSON events and acknowledgements only — what Quizbus
 * speaks (docs/protocol.md). A load generator runs thousands of these in one process, so a
 * received message costs a frame header, one string decode and one JSON.parse: no stream
 * plumbing per frame, no layers of event emitters, reconnection managers or debug hooks as in
 * socket.io-client. The WebSocket itself is a plain TCP socket (websocket-frames.ts).
 * Reconnection is the caller's business.
 */
export class LeanSocket {
  private nextId = 0;
  private readonly acks = new Map<number, { done: AckCallback; timer: NodeJS.Timeout }>();
  private readonly handlers = new Map<string, (payload: never) => void>();
  private open = true;
  /** Called once when the connection is gone, unless `close()` ended it. */
  onDisconnect: ((reason: string) => void) | null = null;

  private constructor(
    private readonly tcp: Socket,
    private readonly frames: WebSocketFrames,
  ) {
    frames.onText = (text) => this.receive(text);
    frames.onClose = (reason) => this.gone(reason);
  }

  /** Opens the WebSocket and connects to the default namespace. */
  static connect(baseUrl: string, o: LeanSocketOptions): Promise<LeanSocket> {
    const url = new URL(baseUrl);
    const tcp = connect({ host: url.hostname, port: Number(url.port || 80), ...(o.localAddress && { localAddress: o.localAddress }) });
    tcp.setNoDelay(true);
    const frames = new WebSocketFrames(tcp);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('connect timeout')), o.timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        frames.onText = () => undefined;
        frames.onClose = () => undefined;
        tcp.destroy();
        reject(err);
      };
      frames.onClose = (reason) => fail(new Error(`${reason} before connecting`));
      frames.onText = (text) => {
        if (text.startsWith('0')) frames.send('40'); // Engine.IO open → Socket.IO CONNECT to "/"
        else if (text.startsWith('40')) {
          clearTimeout(timer);
          resolve(new LeanSocket(tcp, frames));
        } else if (text.startsWith('44')) fail(new Error(`connect refused: ${text.slice(2)}`));
        else if (text === '2') frames.send('3');
      };
      tcp.once('connect', () => {
        tcp.write(
          `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
    });
  }

  get connected(): boolean {
    return this.open;
  }

  /** Listens to a server message (one handler per name is all a bot needs). */
  on<P>(name: string, handler: (payload: P) => void): void {
    this.handlers.set(name, handler);
  }

  /** Emits a command with an acknowledgement; `done` gets the ack, or an error after `timeoutMs`. */
  emit(name: string, payload: unknown, timeoutMs: number, done: AckCallback): void {
    if (!this.open) {
      done(new Error('not connected'));
      return;
    }
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.acks.delete(id);
      done(new Error('operation has timed out'));
    }, timeoutMs);
    this.acks.set(id, { done, timer });
    this.frames.send(`42${id}${JSON.stringify([name, payload])}`);
  }

  private receive(text: string): void {
    const engine = text.charCodeAt(0);
    if (engine === 50 /* 2 ping */) {
      this.frames.send('3');
      return;
    }
    if (engine !== 52 /* 4 message */) {
      if (engine === 49 /* 1 close */) this.gone('server closed the session');
      return;
    }
    const kind = text.charCodeAt(1);
    if (kind === 50 /* 2 EVENT */) {
      // `42["name",payload]`: the server's broadcasts carry no ack id.
      const [name, payload] = JSON.parse(text.slice(2)) as [string, never];
      this.handlers.get(name)?.(payload);
    } else if (kind === 51 /* 3 ACK */) {
      let i = 2;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
      const id = Number(text.slice(2, i));
      const pending = this.acks.get(id);
      if (!pending) return;
      this.acks.delete(id);
      clearTimeout(pending.timer);
      pending.done(null, (JSON.parse(text.slice(i)) as unknown[])[0]);
    } else if (kind === 49 /* 1 DISCONNECT */) this.gone('io server disconnect');
  }

  private gone(reason: string, graceful = false): void {
    if (!this.open) return;
    this.open = false;
    for (const { done, timer } of this.acks.values()) {
      clearTimeout(timer);
      done(new Error(`disconnected: ${reason}`));
    }
    this.acks.clear();
    if (graceful) this.frames.close();
    else this.tcp.destroy();
    this.onDisconnect?.(reason);
  }

  /** Closes the connection (a WebSocket close frame, then the socket); no disconnect callback follows. */
  close(): void {
    this.onDisconnect = null;
    this.gone('closed by the client', true);
  }
}
