import type { Ack, CommandName, CommandPayload } from './commands.ts';
import type { ServerMessage, ServerMessageName } from './server-messages.ts';

/**
 * Typed Socket.IO event maps, derived from the zod schemas so that server, client and tests
 * share one definition. The server still parses every payload: types are not validation.
 */
export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (res: Ack<K>) => void) => void;
};

export type ServerToClientEvents = {
  [K in ServerMessageName]: (payload: ServerMessage<K>) => void;
};
