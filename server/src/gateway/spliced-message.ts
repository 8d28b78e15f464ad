import type { QuizbusSocket } from './socket-types.ts';

/** Engine.IO's send options, with the pre-built WebSocket frame its websocket transport writes as is. */
type FrameOptions = NonNullable<Parameters<QuizbusSocket['conn']['write']>[1]> & { wsPreEncodedFrame: Buffer[] };

/**
 * One event sent to many sockets whose payload is the same for all but one key (a player's
 * `question.closed`: the shared reveal plus the player's own `result`). Socket.IO would encode
 * the whole payload again for every socket and `ws` write each frame as a header and a body;
 * here the shared part is encoded once, only the own part per recipient, and each recipient's
 * WebSocket frame is built as one buffer, written in one syscall as broadcasts are
 * (one-buffer-adapter.ts). The bytes on the wire are exactly what `socket.emit(name, {...shared,
 * [key]: own})` sends (a test compares them). Over a transport other than WebSocket (long
 * polling) Engine.IO ignores the frame and sends the packet text.
 */
export class SplicedMessage {
  /** The Socket.IO packet text up to the shared payload's closing brace. */
  private readonly head: string;
  /** `4` (Engine.IO message) and the head, as UTF-8. */
  private readonly headBytes: Buffer;
  private readonly separator: string;

  constructor(
    name: string,
    shared: Record<string, unknown>,
    private readonly key: string,
  ) {
    if (key in shared) throw new Error(`the shared payload already has "${key}"`);
    const body = JSON.stringify(shared);
    this.head = `2${JSON.stringify([name]).slice(0, -1)},${body.slice(0, -1)}`;
    this.headBytes = Buffer.from(`4${this.head}`);
    this.separator = body === '{}' ? '' : ',';
  }

  /** The rest of the packet after the head: the own part under its key (none when undefined), then the closing. */
  private tail(own: unknown): string {
    return own === undefined ? '}]' : `${this.separator}${JSON.stringify(this.key)}:${JSON.stringify(own)}}]`;
  }

  /** The Socket.IO packet text for one recipient (what `socket.emit` would encode). */
  packet(own: unknown): string {
    return this.head + this.tail(own);
  }

  /** The recipient's whole WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked), one buffer. */
  frame(own: unknown): Buffer {
    const tail = this.tail(own);
    const length = this.headBytes.length + Buffer.byteLength(tail);
    const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
    const out = Buffer.allocUnsafe(header + length);
    out[0] = 0x81;
    if (header === 2) out[1] = length;
    else if (header === 4) {
      out[1] = 126;
      out.writeUInt16BE(length, 2);
    } else {
      out[1] = 127;
      out.writeBigUInt64BE(BigInt(length), 2);
    }
    this.headBytes.copy(out, header);
    out.write(tail, header + this.headBytes.length);
    return out;
  }

  /** Sends one recipient's message (`own` under the key) to each of its sockets; the frame is built once. */
  send(sockets: Iterable<QuizbusSocket>, own: unknown): void {
    let frame: Buffer | null = null;
    let text: string | null = null;
    for (const socket of sockets) {
      frame ??= this.frame(own);
      text ??= this.packet(own);
      const options: FrameOptions = { wsPreEncodedFrame: [frame] };
      socket.conn.write(text, options);
    }
  }
}
