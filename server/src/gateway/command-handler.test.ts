import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { commandSchemas } from '@quizbus/shared';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../adapters/memory/fake-clock.ts';
import { createLogger } from '../logger.ts';
import { CommandGuard } from './command-guard.ts';
import { commandDispatcher, fail, type CommandHandlers } from './command-handler.ts';
import { Connection } from './connection.ts';
import type { QuizbusSocket } from './socket-types.ts';

/** Every handler answers NOT_ATTACHED naming itself: enough to see a command reach its handler. */
const handlers = Object.fromEntries(Object.keys(commandSchemas).map((name) => [name, () => fail('NOT_ATTACHED', `handled ${name}`)])) as unknown as CommandHandlers;

/** A pino logger whose lines the test reads. */
function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', {}, stream), lines };
}

describe('commandDispatcher', () => {
  const http = createServer();
  const server = new Server(http, { serveClient: false });
  const { logger, lines } = recordingLogger();
  const real = new CommandGuard({ clock: new FakeClock(), maxBytes: 16_384, rate: 0, burst: 0 });
  // A guard with a bug: it throws on a payload carrying `boom`, and guards like the real one otherwise.
  const guard: Pick<CommandGuard, 'admit'> = {
    admit(state, event, args, ack) {
      if (args.some((a) => typeof a === 'object' && a !== null && 'boom' in a)) throw new Error('guard bug');
      return real.admit(state, event, args, ack);
    },
  };
  const dispatch = commandDispatcher(handlers, { logger, guard });
  let client: Socket;

  beforeAll(async () => {
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    server.on('connection', (socket) => {
      const conn = new Connection(socket as QuizbusSocket, '127.0.0.1', real.state());
      socket.use((packet) => dispatch(conn, packet));
    });
    client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', reject);
    });
  });

  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('answers INTERNAL when the guard throws, logs it, and the same socket goes on', async () => {
    const boom = await client.timeout(10_000).emitWithAck('view.snapshot', { boom: true });
    expect(boom).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
    const logged = lines.find((l) => l.msg === 'command guard failed');
    expect(logged).toMatchObject({ level: 50, command: 'view.snapshot', socket: expect.any(String), err: { message: 'guard bug' } });
    // The same socket: the next commands are guarded and handled as ever.
    expect(client.connected).toBe(true);
    expect(await client.timeout(10_000).emitWithAck('view.snapshot', {})).toEqual({ ok: false, error: { code: 'NOT_ATTACHED', message: 'handled view.snapshot' } });
    expect(await client.timeout(10_000).emitWithAck('no.such.command', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await client.timeout(10_000).emitWithAck('view.snapshot', { x: 'y'.repeat(20_000) })).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers INTERNAL, once, when a payload throws while its schema reads it', () => {
    const acks: unknown[] = [];
    const conn = { socket: { id: 'direct' } } as unknown as Connection;
    const bare = commandDispatcher(handlers, { logger });
    const payload = Object.defineProperty({}, 'pin', { enumerable: true, get: () => { throw new Error('getter'); } });
    // Parsing happens before the handler's first await: the refusal is there when dispatch returns.
    bare(conn, ['display.attach', payload, (res: unknown) => acks.push(res)]);
    expect(acks).toEqual([{ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } }]);
    expect(lines.some((l) => l.msg === 'command handler failed' && l.command === 'display.attach' && l.socket === 'direct')).toBe(true);
  });
});
