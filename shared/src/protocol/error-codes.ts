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
  'UNKNOWN_ANSWER', // host.approveAnswer names a player without an approvable answer to that question
  'STUDENT_ID_REQUIRED', // the game asks for a name or student id and none was given
  'STUDENT_ID_INVALID', // the name or student id is too long or has control characters
  'NO_REROLLS_LEFT', // the player has used every nickname re-roll
  'RATE_LIMITED', // too many commands or requests from this socket or address; wait and retry
  'PAYLOAD_TOO_LARGE', // the command's payload is over the 16 KB limit (MAX_COMMAND_BYTES)
  'GAME_FULL', // the game has MAX_PLAYERS_PER_GAME players
  'TOO_MANY_GAMES', // this node runs MAX_GAMES_PER_NODE games already
  'LOGIN_REQUIRED', // the teacher API needs a login (TEACHER_PASSWORD is set)
  'UNAVAILABLE', // the command was not applied: the game's owner cannot be reached right now; resend
  'OUTCOME_UNKNOWN', // the command may or may not have been applied (a store or relay timed out); resend with the same cid
  'IMAGE_INVALID', // an upload that is not a PNG, JPEG, WebP or GIF (judged from its bytes), or cannot be decoded (415)
  'IMAGE_TOO_LARGE', // an upload over MAX_IMAGE_UPLOAD_BYTES (413)
  'IMAGE_TOO_MANY_PIXELS', // an image that decodes to more than MAX_IMAGE_PIXELS or MAX_IMAGE_FRAMES: a decompression bomb (422)
  'NOT_TEAM_GAME', // a team command in a game without team mode
  'TEAM_UNKNOWN', // no team with that index in this game
  'TEAM_CHOICE_OFF', // the teacher deals the teams: players may not pick one
  'TEAM_NAME_BLOCKED', // a team name caught by the nickname filter (POST /api/games)
  'ASSIGNMENT_NOT_FOUND', // no assignment with that id or PIN (or it is past its retention)
  'ASSIGNMENT_CLOSED', // the assignment's deadline has passed: no new attempts, no more answers
  'ATTEMPTS_USED', // this student has started every attempt the assignment allows
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}
