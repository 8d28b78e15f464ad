import type { Rejection } from './commands.ts';
import { reject } from './commands.ts';

/** Longest name or student id a game keeps. */
export const STUDENT_ID_MAX = 64;

// Controls, invisible format characters, private-use and unassigned code points, line breaks:
// a teacher's report should show what the student typed, nothing hidden.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/**
 * The name or student id a player gives when the game asks for one (askStudentId): NFC,
 * trimmed, white space collapsed, 1–64 characters. Games that do not ask keep nothing, so an
 * id sent anyway is dropped (`studentId` undefined) rather than stored.
 */
export function studentIdFor(askStudentId: boolean | undefined, raw: string | undefined): { ok: true; studentId: string | undefined } | Rejection {
  if (!askStudentId) return { ok: true, studentId: undefined };
  const studentId = (raw ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (studentId.length === 0) return reject('STUDENT_ID_REQUIRED', 'Your teacher asks for your name or student id.');
  if ([...studentId].length > STUDENT_ID_MAX) return reject('STUDENT_ID_INVALID', `A name or student id has at most ${STUDENT_ID_MAX} characters.`);
  if (FORBIDDEN.test(studentId)) return reject('STUDENT_ID_INVALID', 'A name or student id cannot contain control or invisible characters.');
  return { ok: true, studentId };
}
