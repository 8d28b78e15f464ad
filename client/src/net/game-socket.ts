import type { ClientToServerEvents, ServerToClientEvents } from '@quizbus/shared';
import { io, type Socket } from 'socket.io-client';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A Socket.IO connection to the server that served this page. WebSocket first (the design's
 * choice: any node can serve it without sticky sessions); quick, capped reconnection so a
 * phone that wakes up is back within a few seconds.
 */
export function createGameSocket(): GameSocket {
  return io({
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
}
