import { createHash } from 'node:crypto';
import { io } from 'socket.io-client';
import { GameClient, type GameClientState } from '../../client/src/net/game-client.ts';
import { GAME_SOCKET_OPTIONS, type GameSocket } from '../../client/src/net/game-socket.ts';

/**
 * The product's own GameClient (client/src/net/game-client.ts), run in Node over socket.io-client
 * with the product's socket settings, behind a balancer as a phone would be: for failover tests
 * that must not be passed by a forgiving test-only client. It records how long the screen was
 * without a working connection (from leaving "online" to being back, seated, with a view).
 */
export class ProductClient {
  readonly client: GameClient;
  readonly socket: GameSocket;
  /** Each time the connection was not online, how long, in ms. */
  readonly outages: number[] = [];
  private downSince: number | null = null;
  private wasOnline = false;
  private readonly waiters = new Set<() => void>();

  constructor(url: string, localAddress: string) {
    // `localAddress` reaches the WebSocket in Node: the balancer places each client by its address.
    this.socket = io(url, { ...GAME_SOCKET_OPTIONS, transports: ['websocket'], forceNew: true, localAddress } as typeof GAME_SOCKET_OPTIONS);
    this.client = new GameClient(this.socket);
    this.client.subscribe(() => this.observe());
  }

  get state(): GameClientState {
    return this.client.getState();
  }

  private observe(): void {
    const { connection } = this.client.getState();
    const now = performance.now();
    if (connection === 'online') {
      if (this.downSince !== null) this.outages.push(now - this.downSince);
      this.downSince = null;
      this.wasOnline = true;
    } else if (this.wasOnline && this.downSince === null && connection !== 'closed') {
      this.downSince = now;
    }
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the state once `test` holds (checked on every change); fails after `ms`. */
  until(what: string, test: (s: GameClientState) => boolean, ms = 60_000): Promise<GameClientState> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const s = this.client.getState();
        if (!test(s)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(s);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const s = this.client.getState();
        reject(new Error(`no ${what} within ${ms} ms (connection ${s.connection}, phase ${s.view?.phase}, seq ${s.view?.seq}, error ${s.error?.code})`));
      }, ms);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.client.close();
  }
}

/**
 * A loopback source address from which the sticky TCP balancer (scripts/tcp-balancer.ts) sends
 * a client to backend `index` of `count` first: it hashes the address the same way. `skip`
 * picks the next such address, so each client gets one of its own.
 */
export function addressFor(index: number, count: number, skip: number): string {
  let found = 0;
  for (let last = 2; last < 255; last += 1) {
    for (let third = 0; third < 255; third += 1) {
      const address = `127.0.${third}.${last}`;
      if (createHash('sha1').update(address).digest().readUInt32BE(0) % count !== index) continue;
      if (found === skip) return address;
      found += 1;
    }
  }
  throw new Error('no free loopback address');
}
