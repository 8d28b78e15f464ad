import { createHash } from 'node:crypto';
import { connect, createServer, type Server } from 'node:net';

/**
 * A small TCP load balancer for `npm run cluster`: each client address always goes to the same
 * node (sticky, which Socket.IO's long-polling fallback needs), and WebSocket upgrades pass
 * through untouched because it never looks inside the stream. A node that refuses the
 * connection is skipped: the client moves on to the next node, each node tried at most once,
 * and is closed only when none of them answers.
 */
export function startBalancer(listenPort: number, host: string, backends: number[]): Promise<Server> {
  const server = createServer((client) => {
    const address = client.remoteAddress ?? '';
    const start = createHash('sha1').update(address).digest().readUInt32BE(0) % backends.length;
    const tryBackend = (attempt: number) => {
      if (client.destroyed) return;
      if (attempt >= backends.length) {
        client.destroy();
        return;
      }
      const port = backends[(start + attempt) % backends.length] as number;
      const upstream = connect({ port, host: '127.0.0.1' });
      const dropUpstream = () => upstream.destroy();
      client.once('close', dropUpstream);
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        // Only a connection that was up ends the client's: a refused one is followed by a
        // `close` too, and closing the client there would stop the retry on the next node.
        upstream.once('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      upstream.on('error', () => {
        if (connected) return; // its `close` follows and ends the client
        client.off('close', dropUpstream);
        tryBackend(attempt + 1);
      });
    };
    client.on('error', () => client.destroy());
    tryBackend(0);
  });
  return new Promise((resolve) => server.listen(listenPort, host, () => resolve(server)));
}
