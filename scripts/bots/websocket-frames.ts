import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';

/** Larger than any HTTP upgrade response a server sends; past it the connection is given up. */
const MAX_HEAD_BYTES = 16 * 1024;

/**
 * The client end of a WebSocket (RFC 6455) on a TCP socket the caller connected and on which
 * it sent the upgrade request: reads the 101 response, then text frames in, masked text frames
 * out. Only what a bot needs: text messages (fragmented ones too), ping → pong, close. A
 * generator holds thousands of these, so a frame is parsed straight from the socket's chunks,
 * without the Writable stream per connection that a full WebSocket library puts in between.
 */
export class WebSocketFrames {
  onText: (text: string) => void = () => undefined;
  onClose: (reason: string) => void = () => undefined;
  private upgraded = false;
  private rest: Buffer | null = null;
  private fragments: Buffer[] = [];
  private closed = false;
  /**
   * Client frames must be masked. The key is random per connection rather than per frame: it
   * only keeps naive proxies from reading frames as HTTP, and nothing sits between a bot and
   * the server it loads.
   */
  private readonly mask = randomBytes(4);

  constructor(private readonly tcp: Socket) {
    tcp.on('data', (chunk: Buffer) => this.data(chunk));
    tcp.on('close', () => this.end('connection closed'));
    tcp.on('error', (err) => this.end(err.message));
  }

  private data(chunk: Buffer): void {
    let b = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.rest = null;
    if (!this.upgraded) {
      const endOfHead = b.indexOf('\r\n\r\n');
      if (endOfHead < 0) {
        if (b.length > MAX_HEAD_BYTES) this.end('no upgrade response');
        else this.rest = b;
        return;
      }
      const status = b.toString('latin1', 0, b.indexOf('\r\n'));
      if (!status.startsWith('HTTP/1.1 101')) {
        this.end(`upgrade refused: ${status}`);
        return;
      }
      this.upgraded = true;
      b = b.subarray(endOfHead + 4);
    }
    let at = 0;
    while (b.length - at >= 2 && !this.closed) {
      const b0 = b[at] as number;
      const b1 = b[at + 1] as number;
      let length = b1 & 0x7f;
      let head = 2;
      if (length === 126) {
        if (b.length - at < 4) break;
        length = b.readUInt16BE(at + 2);
        head = 4;
      } else if (length === 127) {
        if (b.length - at < 10) break;
        length = Number(b.readBigUInt64BE(at + 2));
        head = 10;
      }
      if ((b1 & 0x80) !== 0) head += 4; // a server never masks its frames; skip a key if one does
      if (b.length - at < head + length) break;
      const payload = b.subarray(at + head, at + head + length);
      at += head + length;
      this.frame((b0 & 0x80) !== 0, b0 & 0x0f, payload);
    }
    if (at < b.length && !this.closed) this.rest = Buffer.from(b.subarray(at));
  }

  private frame(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === 1 || opcode === 0) {
      if (!fin || this.fragments.length > 0) {
        this.fragments.push(Buffer.from(payload));
        if (!fin) return;
        const whole = Buffer.concat(this.fragments);
        this.fragments = [];
        this.onText(whole.toString('utf8'));
        return;
      }
      this.onText(payload.toString('utf8'));
    } else if (opcode === 8) this.end('closed by the server');
    else if (opcode === 9) this.write(10, payload);
  }

  /** Sends a text message. */
  send(text: string): void {
    if (!this.closed) this.write(1, Buffer.from(text, 'utf8'));
  }

  private write(opcode: number, payload: Buffer): void {
    const length = payload.length;
    const head = length < 126 ? 2 : length < 65_536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(head + 4 + length);
    frame[0] = 0x80 | opcode;
    if (head === 2) frame[1] = 0x80 | length;
    else if (head === 4) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    this.mask.copy(frame, head);
    for (let i = 0; i < length; i += 1) frame[head + 4 + i] = (payload[i] as number) ^ (this.mask[i & 3] as number);
    this.tcp.write(frame);
  }

  /** Sends a close frame and ends the connection. */
  close(): void {
    if (this.closed) return;
    this.write(8, Buffer.alloc(0));
    this.closed = true;
    this.tcp.end();
  }

  private end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.tcp.destroy();
    this.onClose(reason);
  }
}
