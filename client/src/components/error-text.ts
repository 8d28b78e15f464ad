import type { ErrorBody } from '@quizbus/shared';

/** What to tell a person for an error code; the server's message when nothing better fits. */
export function errorText(error: ErrorBody, pin?: string): string {
  switch (error.code) {
    case 'GAME_NOT_FOUND':
      return pin ? `There is no game with PIN ${pin}. Check the PIN on the big screen.` : 'That game is not running any more.';
    case 'NICKNAME_TAKEN':
      return 'Someone in this game already has that nickname. Try another one.';
    case 'NICKNAME_INVALID':
      return 'Pick a nickname of 1 to 24 characters.';
    case 'GAME_LOCKED':
      return 'The teacher has locked this game: no one new can join.';
    case 'GAME_STARTED':
      return 'This game has already started and does not take late players.';
    case 'GAME_ENDED':
      return 'This game has ended.';
    case 'KICKED':
      return 'The teacher removed you from this game. If that was a mistake, join again.';
    case 'UNAUTHORIZED':
      return 'This browser does not hold the key to that seat any more.';
    case 'NOT_ELIGIBLE':
      return 'You joined during this question: you play from the next one.';
    case 'LATE':
      return "Time's up: the answer arrived after the question closed.";
    case 'GAME_FULL':
      return 'This game is full: it has as many players as it can take.';
    case 'STUDENT_ID_REQUIRED':
      return 'Enter your name or student id: your teacher asks for it.';
    case 'STUDENT_ID_INVALID':
      return 'Use at most 64 letters, digits and spaces for your name or student id.';
    case 'NO_REROLLS_LEFT':
      return 'No more re-rolls: this nickname is yours for the game.';
    case 'RATE_LIMITED':
      return 'Too many tries at once. Wait a moment and try again.';
    case 'UNAVAILABLE':
    case 'OUTCOME_UNKNOWN':
      return 'The connection dropped. Try again in a moment.';
    default:
      return error.message;
  }
}
