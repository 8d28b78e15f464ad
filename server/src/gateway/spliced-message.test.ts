import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { Encoder } from 'socket.io-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SplicedMessage } from './spliced-message.ts';
import type { QuizbusSocket } from './socket-types.ts';

/** ws's own frame builder (what Socket.IO's adapter uses to pre-encode broadcasts); untyped in @types/ws. */
const { Sender } = WebSocket as unknown as { Sender: { frame(data: Buffer, o: { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean }): Buffer[] } };

/** What Socket.IO itself puts on the wire for `socket.emit(name, payload)`: packet text and WebSocket frame. */
function stock(name: string, payload: unknown): { packet: string; frame: Buffer } {
  const packet = new Encoder().encode({ type: 2, nsp: '/', data: [name, payload] })[0] as string;
  const frame = Buffer.concat(Sender.frame(Buffer.from(`4${packet}`), { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true }));
  return { packet, frame };
}

describe('SplicedMessage', () => {
  const shared = { seq: 7, prevSeq: 6, closedAt: 1_733_300_000_000, reveal: { index: 0, top: [{ nickname: 'Zoë 🦊', score: 950 }] } };

  // Short, medium and long frames take the three header sizes of RFC 6455.
  for (const [label, own] of [
    ['a short own part', { rank: 1 }],
    ['a frame over 125 bytes', { rank: 2, ahead: { nickname: 'Ann', score: 1900 }, note: 'é'.repeat(100) }],
    ['a frame over 64 KiB', { rank: 3, note: 'x'.repeat(70_000) }],
    ['no own part', undefined],
  ] as const) {
    it(`puts the bytes of socket.emit on the wire, with ${label}`, () => {
      const m = new SplicedMessage('question.closed', shared, 'result');
      const expected = stock('question.closed', own === undefined ? shared : { ...shared, result: own });
      expect(m.packet(own)).toBe(expected.packet);
      expect(m.frame(own).equals(expected.frame)).toBe(true);
    });
  }

  it('splices into an empty shared payload', () => {
    const m = new SplicedMessage('player.final', {}, 'rank');
    expect(m.packet(4)).toBe(stock('player.final', { rank: 4 }).packet);
    expect(m.packet(undefined)).toBe(stock('player.final', {}).packet);
  });

  it('refuses a shared payload that already has the key (the splice would send it twice)', () => {
    expect(() => new SplicedMessage('question.closed', { result: 1 }, 'result')).toThrow(/already has/);
  });

  describe('over real sockets', () => {
    const http = createServer();
    const server = new Server(http, { serveClient: false });
    const clients: Socket[] = [];
    const sockets: QuizbusSocket[] = [];

    beforeAll(async () => {
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      server.on('connection', (s) => void sockets.push(s as unknown as QuizbusSocket));
      // One client on WebSocket (the pre-built frame), one held on long polling (the packet text).
      for (const transports of [['websocket'], ['polling']]) {
        const c = connect(url, { transports, forceNew: true, reconnection: false });
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

    it('every transport receives the whole message, in order with what Socket.IO sends around it', async () => {
      const received = clients.map((c) => {
        const got: unknown[] = [];
        c.onAny((name: string, payload: unknown) => void got.push([name, payload]));
        return got;
      });
      const m = new SplicedMessage('question.closed', shared, 'result');
      for (const s of sockets) {
        s.emit('game.started', { seq: 5 } as never);
        m.send([s], { rank: 1, nickname: 'Zoë 🦊' });
        s.emit('leaderboard.shown', { seq: 8 } as never);
      }
      await Promise.all(clients.map((c) => new Promise((resolve) => c.once('leaderboard.shown', resolve))));
      for (const got of received) {
        expect(got).toEqual([
          ['game.started', { seq: 5 }],
          ['question.closed', { ...shared, result: { rank: 1, nickname: 'Zoë 🦊' } }],
          ['leaderboard.shown', { seq: 8 }],
        ]);
      }
    });
  });
});
