import type { ErrorBody, ErrorCode } from '@quizbus/shared';
import type { MessageId, Translate } from '../i18n/i18n-context.ts';
import { ApiError } from '../net/api-error.ts';

/** The message for each error code a person can meet; the server's English text is never shown. */
const MESSAGES: Record<ErrorCode, MessageId> = {
  BAD_REQUEST: 'error.badRequest',
  NOT_FOUND: 'error.notFound',
  GAME_NOT_FOUND: 'error.gameNotFound',
  QUIZ_NOT_FOUND: 'error.quizNotFound',
  READ_ONLY: 'error.readOnly',
  UNAUTHORIZED: 'error.unauthorized',
  FORBIDDEN: 'error.forbidden',
  NOT_ATTACHED: 'error.notAttached',
  NICKNAME_INVALID: 'error.nicknameInvalid',
  NICKNAME_TAKEN: 'error.nicknameTaken',
  GAME_LOCKED: 'error.gameLocked',
  GAME_STARTED: 'error.gameStarted',
  GAME_ENDED: 'error.gameEnded',
  KICKED: 'error.kicked',
  NO_PLAYERS: 'error.noPlayers',
  WRONG_PHASE: 'error.wrongPhase',
  NOT_OPEN: 'error.notOpen',
  LATE: 'error.late',
  UNKNOWN_QUESTION: 'error.unknownQuestion',
  INVALID_ANSWER: 'error.invalidAnswer',
  NOT_ELIGIBLE: 'error.notEligible',
  UNKNOWN_PLAYER: 'error.unknownPlayer',
  UNKNOWN_ANSWER: 'error.unknownAnswer',
  STUDENT_ID_REQUIRED: 'error.studentIdRequired',
  STUDENT_ID_INVALID: 'error.studentIdInvalid',
  NO_REROLLS_LEFT: 'error.noRerollsLeft',
  RATE_LIMITED: 'error.rateLimited',
  PAYLOAD_TOO_LARGE: 'error.payloadTooLarge',
  GAME_FULL: 'error.gameFull',
  TOO_MANY_GAMES: 'error.tooManyGames',
  LOGIN_REQUIRED: 'error.loginRequired',
  UNAVAILABLE: 'error.unavailable',
  OUTCOME_UNKNOWN: 'error.unavailable',
  IMAGE_INVALID: 'error.imageInvalid',
  IMAGE_TOO_LARGE: 'error.imageTooLarge',
  IMAGE_TOO_MANY_PIXELS: 'error.imageTooManyPixels',
  NOT_TEAM_GAME: 'error.notTeamGame',
  TEAM_UNKNOWN: 'error.teamUnknown',
  TEAM_CHOICE_OFF: 'error.teamChoiceOff',
  TEAM_NAME_BLOCKED: 'error.teamNameBlocked',
  ASSIGNMENT_NOT_FOUND: 'error.assignmentNotFound',
  ASSIGNMENT_CLOSED: 'error.assignmentClosed',
  ATTEMPTS_USED: 'error.attemptsUsed',
  INTERNAL: 'error.internal',
};

/**
 * What to tell a person for an error code, in the screen's language. Every code has its own
 * sentence (a new code is a type error here); an unknown one quotes the code for the teacher.
 */
export function errorText(t: Translate, error: ErrorBody, pin?: string): string {
  if (error.code === 'GAME_NOT_FOUND' && pin) return t('error.noGameWithPin', { pin });
  // A server newer than this page may send a code it does not know yet.
  const id = MESSAGES[error.code] as MessageId | undefined;
  return id ? t(id) : t('error.other', { code: error.code });
}

/** What to tell a teacher when an API call failed: the code's sentence, or the network one. */
export function apiErrorText(t: Translate, err: unknown): string {
  if (!(err instanceof ApiError)) return t('common.failed');
  return err.code === 'NETWORK' ? t('error.network') : errorText(t, { code: err.code, message: err.message });
}
