import { serverMessageSchemas, type ServerMessageName } from '@quizbus/shared';

/** Every message the server may push, from the shared schemas so none is forgotten. */
export const SERVER_MESSAGE_NAMES = Object.keys(serverMessageSchemas) as ServerMessageName[];
