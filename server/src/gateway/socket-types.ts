import type { ClientToServerEvents, ServerToClientEvents } from '@quizbus/shared';
import type { Server, Socket } from 'socket.io';

/** Who a socket speaks for, set by attach/join/resume. */
export interface SocketData {
  gameId?: string;
  role?: 'host' | 'display' | 'player';
  playerId?: string;
  hostTokenHash?: string;
}

export type QuizbusServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type QuizbusSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
