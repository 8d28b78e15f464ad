import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { OneBufferAdapter } from '../../server/src/gateway/one-buffer-adapter.ts';
import type { FloorFromServer, FloorToServer } from './floor-messages.ts';

/**
 * The bare Socket.IO server of the benchmark's floor (issue 20), forked by floor-run.ts: the
 * same Socket.IO, Engine.IO and ws as Quizbus, with the options Quizbus gives its server and
 * its one-buffer adapter (transport only), and no application code at all. It answers
 * `GET /api/bench/time` like a Quizbus node with BENCH_ENDPOINTS=1, so the generators measure
 * their clock offset against it the same way, and on its parent's word it either broadcasts one
 * frame to every socket (`io.emit`, encoded once) or sends each socket a distinct frame of its
 * own (`socket.emit`, encoded per socket). Every frame carries the server's clock reading
 * taken just before the sending starts, as Quizbus's `serverNow` and `closedAt` do.
 */
const MAX_MESSAGE_BYTES = 1_100_000; // server/src/config.ts's default, as the benchmarked node runs

const send = (m: FloorFromServer): void => {
  process.send?.(m);
};

const http = createServer((req, res) => {
  if (req.url === '/api/bench/time') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ serverNow: Date.now() }));
  } else {
    res.writeHead(404);
    res.end();
  }
});
const io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false, adapter: OneBufferAdapter });

/** A payload whose JSON is `bytes` long (give or take a digit): a stamp, a number and padding. */
function padded(stampName: string, stamp: number, n: number, bytes: number): Record<string, number | string> {
  const bare = JSON.stringify({ [stampName]: stamp, n, pad: '' }).length;
  return { [stampName]: stamp, n, pad: 'x'.repeat(Math.max(0, bytes - bare)) };
}

process.on('message', (m: FloorToServer) => {
  const now = Date.now();
  if (m.type === 'broadcast') {
    io.emit(m.name, padded('serverNow', now, m.round, m.bytes));
  } else {
    let n = 0;
    for (const socket of io.of('/').sockets.values()) socket.emit(m.name, padded('closedAt', now, (n += 1), m.bytes));
  }
  send({ type: 'sent', sockets: io.engine.clientsCount });
});
process.on('disconnect', () => process.exit(0));

http.listen(0, '127.0.0.1', () => send({ type: 'ready', url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` }));
