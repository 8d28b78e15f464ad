import { connect, createServer, type Socket } from 'node:net';
import { parseArgs } from 'node:util';

/**
 * `node --import tsx scripts/bench/loopback-writes.ts --sockets 5000`: what one write of a
 * 300-byte frame to each of N loopback TCP sockets costs on this machine, with no Socket.IO in
 * the way. A broadcast cannot be cheaper than this per player, so it is the floor under the
 * fan-out figures in docs/benchmarks.md. Bounded: N ≤ 9,000 (both ends live in this process: two descriptors a socket), five rounds, then it exits.
 */
const { values } = parseArgs({ options: { sockets: { type: 'string', default: '5000' } } });
const n = Math.max(1, Math.min(9_000, Number(values.sockets)));

const accepted: Socket[] = [];
const server = createServer((s) => {
  s.setNoDelay(true);
  accepted.push(s);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const clients: Socket[] = [];
for (let i = 0; i < n; i += 1) {
  // Spread over source addresses, as the benchmark's generators do, so ports never run short.
  const c = connect({ port, host: '127.0.0.1', localAddress: `127.0.250.${1 + (i % 200)}` });
  c.on('data', () => undefined);
  clients.push(c);
  await new Promise<void>((resolve, reject) => {
    c.once('connect', resolve);
    c.once('error', reject);
  });
}
for (let waited = 0; accepted.length < n && waited < 100; waited += 1) await new Promise((r) => setTimeout(r, 50));

const frame = Buffer.alloc(300, 97);
const rounds: number[] = [];
for (let round = 0; round < 5; round += 1) {
  const t0 = performance.now();
  for (const s of accepted) s.write(frame);
  rounds.push(((performance.now() - t0) * 1000) / accepted.length);
  await new Promise((r) => setTimeout(r, 300));
}
rounds.sort((a, b) => a - b);
process.stdout.write(
  `${accepted.length} loopback sockets, one 300-byte write each, 5 rounds: ` +
    `median ${rounds[2]?.toFixed(1)} µs per socket (min ${rounds[0]?.toFixed(1)}, max ${rounds[4]?.toFixed(1)}); ` +
    `a broadcast to all of them takes at least ${(((rounds[2] ?? 0) * accepted.length) / 1000).toFixed(0)} ms of one core\n`,
);
for (const c of clients) c.destroy();
server.close();
process.exit(0);
