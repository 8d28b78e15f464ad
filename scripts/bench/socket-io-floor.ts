import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { LeanSocket } from '../bots/lean-socket.ts';

/**
 * `node --expose-gc --import tsx scripts/bench/socket-io-floor.ts --sockets 2000 [--listeners 13]`:
 * the heap a bare Socket.IO server (no Quizbus code) holds per idle WebSocket connection, with
 * `--listeners` no-op event listeners per socket. The floor under Quizbus's heap per player in
 * docs/benchmarks.md. The clients run in a child process, so only the server's heap is counted.
 * Bounded: at most 9,000 sockets; the child exits with its parent.
 */
const CLIENT = process.argv.includes('--client-of');

async function clients(): Promise<void> {
  const [url, count] = [process.argv[process.argv.indexOf('--client-of') + 1] as string, Number(process.argv[process.argv.length - 1])];
  const held: LeanSocket[] = [];
  for (let i = 0; i < count; i += 1) held.push(await LeanSocket.connect(url, { timeoutMs: 10_000, localAddress: `127.0.249.${1 + (i % 200)}` }));
  process.send?.('connected');
  process.on('disconnect', () => process.exit(0));
}

async function server(): Promise<void> {
  const { values } = parseArgs({ options: { sockets: { type: 'string', default: '2000' }, listeners: { type: 'string', default: '0' } } });
  const sockets = Math.max(1, Math.min(9000, Number(values.sockets)));
  const listeners = Math.max(0, Math.min(50, Number(values.listeners)));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    for (let i = 0; i < listeners; i += 1) socket.on(`command-${i}`, () => undefined);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  gc();
  const before = process.memoryUsage().heapUsed;
  const child = fork(fileURLToPath(import.meta.url), ['--client-of', url, String(sockets)], { execArgv: ['--import', 'tsx'] });
  await new Promise((resolve) => child.once('message', resolve));
  gc();
  const after = process.memoryUsage().heapUsed;
  process.stdout.write(`${io.engine.clientsCount} idle WebSocket connections, ${listeners} listeners each: ${((after - before) / sockets / 1024).toFixed(2)} KB of server heap per connection\n`);
  child.kill();
  process.exit(0);
}

await (CLIENT ? clients() : server());
