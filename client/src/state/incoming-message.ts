import type { ServerMessage, ServerMessageName } from '@quizbus/shared';

/** One message pushed by the server, name and payload paired so a switch narrows both. */
export type IncomingMessage = { [K in ServerMessageName]: { name: K; payload: ServerMessage<K> } }[ServerMessageName];
