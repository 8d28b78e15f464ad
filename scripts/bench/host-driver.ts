import type { Ack, ClientToServerEvents, ServerMessage, ServerToClientEvents } from '@quizbus/shared';
import { io, type Socket } from 'socket.io-client';
import { localNow, type ServerClock } from '../bots/server-clock.ts';

type HostSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type HostCommand = 'host.start' | 'host.next';

/**
 * The benchmark's teacher: attaches as host, starts the game and advances it, and keeps what
 * the screens hear of each question — the reveal's distribution is where answers are counted.
 */
export class HostDriver {
  private readonly socket: HostSocket;
  /** Reveals by question index. */
  readonly closed = new Map<number, ServerMessage<'question.closed'>>();
  ended = false;
  /** telemetry.events messages received (with the Under-the-hood panel open). */
  telemetryMessages = 0;

  constructor(
    url: string,
    private readonly clock: ServerClock,
    private readonly onChange: () => void,
  ) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 });
    this.socket.on('question.closed', (m) => {
      this.closed.set(m.reveal.index, m);
      onChange();
    });
    this.socket.on('telemetry.events', () => {
      this.telemetryMessages += 1;
    });
    this.socket.on('game.ended', () => {
      this.ended = true;
      onChange();
    });
  }

  /** Connects and attaches with the host token. */
  async attach(pin: string, hostToken: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    const ack = (await this.socket.timeout(20_000).emitWithAck('host.attach', { pin, hostToken })) as Ack<'host.attach'>;
    if (!ack.ok) throw new Error(`host.attach: ${ack.error.code} ${ack.error.message}`);
  }

  /** Opens the Under-the-hood panel as the host console does: the event flow starts coming. */
  async watch(): Promise<void> {
    const ack = (await this.socket.timeout(20_000).emitWithAck('telemetry.watch', { on: true })) as Ack<'telemetry.watch'>;
    if (!ack.ok) throw new Error(`telemetry.watch: ${ack.error.code} ${ack.error.message}`);
  }

  /** Sends a host command; resolves with the server time at which it was emitted. */
  async command(name: HostCommand): Promise<number> {
    const at = this.clock.toServer(localNow());
    const ack = (await this.socket.timeout(30_000).emitWithAck(name, {})) as Ack<HostCommand>;
    if (!ack.ok) throw new Error(`${name}: ${ack.error.code} ${ack.error.message}`);
    return at;
  }

  close(): void {
    this.socket.close();
  }
}
