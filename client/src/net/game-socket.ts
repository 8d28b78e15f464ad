import type { ClientToServerEvents, ServerToClientEvents } from '@quizbus/shared';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A Socket.IO connection to the server that served this page. WebSocket first (the design's
 * choice: any node can serve it without sticky sessions); quick, capped reconnection so a
 * phone that wakes up is back within a few seconds.
 */
export function createGameSocket(): GameSocket {
  return io(GAME_SOCKET_OPTIONS);
}

/** The connection settings of the product's socket (the failover tests use them in Node too). */
export const GAME_SOCKET_OPTIONS: Partial<ManagerOptions & SocketOptions> = {
  transports: ['websocket', 'polling'],
  reconnectionDelay: 500,
  reconnectionDelayMax: 3000,
};
