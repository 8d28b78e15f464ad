import { createHash } from 'node:crypto';
import { connect, createServer, type Server } from 'node:net';

/**
 * A small TCP load balancer for `npm run cluster`: each client address always goes to the same
 * node (sticky, which Socket.IO's long-polling fallback needs), and WebSocket upgrades pass
 * through untouched because it never looks inside the stream. A node that refuses the
 * connection is skipped.
 */
export function startBalancer(listenPort: number, host: string, backends: number[]): Promise<Server> {
  const server = createServer((client) => {
    const address = client.remoteAddress ?? '';
    const start = createHash('sha1').update(address).digest().readUInt32BE(0) % backends.length;
    const tryBackend = (attempt: number) => {
      if (attempt >= backends.length) {
        client.destroy();
        return;
      }
      const port = backends[(start + attempt) % backends.length] as number;
      const upstream = connect({ port, host: '127.0.0.1' });
      upstream.once('connect', () => {
        client.pipe(upstream).pipe(client);
      });
      upstream.once('error', () => {
        if (upstream.bytesWritten === 0 && !client.destroyed) tryBackend(attempt + 1);
        else client.destroy();
      });
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    };
    client.on('error', () => client.destroy());
    tryBackend(0);
  });
  return new Promise((resolve) => server.listen(listenPort, host, () => resolve(server)));
}
