/**
 * Every error code a command ack or an HTTP error can carry. Clients switch on `code`;
 * `message` is for people. docs/protocol.md lists each with its meaning.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // payload failed validation
  'NOT_FOUND', // HTTP resource does not exist
  'GAME_NOT_FOUND', // no live game with that PIN
  'QUIZ_NOT_FOUND',
  'READ_ONLY', // bundled quizzes cannot be changed
  'UNAUTHORIZED', // missing or wrong host token / session token
  'FORBIDDEN', // this role may not send this command (e.g. a display)
  'NOT_ATTACHED', // the socket has not joined or attached to a game yet
  'NICKNAME_INVALID',
  'NICKNAME_TAKEN',
  'GAME_LOCKED',
  'GAME_STARTED', // joining after the start without late join
  'GAME_ENDED',
  'KICKED',
  'NO_PLAYERS', // start with nobody in the lobby
  'WRONG_PHASE', // the command does not fit the game's phase
  'NOT_OPEN', // answers for this question are not open yet
  'LATE', // the question has closed
  'UNKNOWN_QUESTION', // question index outside the quiz
  'INVALID_ANSWER', // answer of the wrong kind or out of range for the question
  'NOT_ELIGIBLE', // late joiner answering the question that was running when they joined
  'UNKNOWN_PLAYER',
  'RATE_LIMITED',
  'UNAVAILABLE', // the game's owner cannot be reached right now; retry
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}
