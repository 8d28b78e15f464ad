import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Adapter } from 'socket.io-adapter';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinsFrames, OneBufferAdapter } from './one-buffer-adapter.ts';

type Encode = (packet: unknown, options: { wsPreEncodedFrame?: Buffer[] }) => unknown;
const encodeOf = (adapter: Adapter) => (adapter as unknown as { _encode: Encode })._encode.bind(adapter);

describe('OneBufferAdapter', () => {
  const http = createServer();
  const server = new Server(http, { adapter: OneBufferAdapter, serveClient: false });
  const clients: Socket[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    server.on('connection', (s) => void s.join('room'));
    for (let i = 0; i < 3; i += 1) {
      const c = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        c.once('connect', () => resolve());
        c.once('connect_error', reject);
      });
      clients.push(c);
    }
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  it('pre-encodes a broadcast as one buffer holding the stock header and payload', () => {
    expect(joinsFrames).toBe(true);
    const packet = { type: 2, data: ['question.shown', { text: 'x'.repeat(300) }], nsp: '/' };
    const stock: { wsPreEncodedFrame?: Buffer[] } = {};
    const joined: { wsPreEncodedFrame?: Buffer[] } = {};
    const plain = new Adapter(server.of('/'));
    expect(encodeOf(plain)(packet, stock)).toEqual(encodeOf(server.of('/').adapter)(packet, joined));
    expect(stock.wsPreEncodedFrame).toHaveLength(2);
    expect(joined.wsPreEncodedFrame).toHaveLength(1);
    expect(joined.wsPreEncodedFrame?.[0]).toEqual(Buffer.concat(stock.wsPreEncodedFrame ?? []));
  });

  it('delivers broadcasts whole to every socket, short, long and over 64 KB', async () => {
    for (const size of [10, 500, 70_000]) {
      const payload = { size, text: 'é'.repeat(size) };
      const received = clients.map((c) => new Promise((resolve) => c.once('message', resolve)));
      server.to('room').emit('message', payload);
      expect(await Promise.all(received)).toEqual([payload, payload, payload]);
    }
  });
});
