import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../tests/support/free-port.ts';
import { startBalancer } from './tcp-balancer.ts';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** A live backend: answers each chunk with its name in front, so the test sees who served it. */
async function echoBackend(name: string): Promise<number> {
  const server = createServer((socket) => {
    socket.on('data', (chunk) => socket.write(`${name}:${chunk.toString()}`));
    socket.on('error', () => socket.destroy());
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function balancer(backends: number[]): Promise<number> {
  const server = await startBalancer(0, '127.0.0.1', backends);
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/**
 * Connects through the balancer, sends `message` and resolves with the first reply, or with ''
 * when the balancer closes the socket without one.
 */
async function roundTrip(port: number, message: string): Promise<string> {
  const socket = connect({ port, host: '127.0.0.1' });
  socket.on('error', () => socket.destroy());
  socket.write(message);
  const reply = await new Promise<string>((resolve) => {
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    socket.once('close', () => resolve(''));
  });
  socket.destroy();
  return reply;
}

/** Resolves when the balancer closes the socket, with everything received before. */
async function closedBy(port: number): Promise<string> {
  const socket = connect({ port, host: '127.0.0.1' });
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => socket.destroy());
  await once(socket, 'close');
  return received;
}

describe('tcp balancer', () => {
  it('moves a client whose node is down on to a live one, whichever node its address hashes to', async () => {
    const live = await echoBackend('live');
    const [deadA, deadB] = [await freePort(), await freePort()];
    // The live node in every position: the client address hashes to a fixed one, so in two of
    // these the node it hashes to is down and the balancer has to move on.
    for (const backends of [
      [live, deadA, deadB],
      [deadA, live, deadB],
      [deadA, deadB, live],
    ]) {
      const port = await balancer(backends);
      expect(await roundTrip(port, 'ping')).toBe('live:ping');
    }
  });

  it('closes the client when every node is down', async () => {
    const port = await balancer([await freePort(), await freePort(), await freePort()]);
    expect(await closedBy(port)).toBe('');
  });

  it('closes the client when the node it was passed to closes the connection', async () => {
    const server = createServer((socket) => socket.end('bye'));
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = await balancer([(server.address() as AddressInfo).port]);
    expect(await closedBy(port)).toBe('bye');
  });
});
