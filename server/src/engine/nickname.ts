/** Nickname rules: trimmed, 1–24 characters, no control or invisible format characters. */
export const NICKNAME_MAX = 24;

// Cc (controls), Cf (format: zero-width, bidi overrides), Co/Cn (private use, unassigned),
// line and paragraph separators: none belongs in a name shown to a class.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u;
// The zero-width joiner is allowed where it glues emoji into one (👨‍👩‍👧), nowhere else.
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; message: string };

/** Checks a nickname and returns it trimmed, with the key used for case-insensitive uniqueness. */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const length = [...nickname].length;
  if (length === 0) return { ok: false, message: 'Choose a nickname.' };
  if (length > NICKNAME_MAX) return { ok: false, message: `A nickname has at most ${NICKNAME_MAX} characters.` };
  if (FORBIDDEN.test(nickname.replace(EMOJI_JOINER, ''))) return { ok: false, message: 'A nickname cannot contain control or invisible characters.' };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/** Folds case and compatibility forms (ｆｕｌｌ-width, ligatures) so look-alike names collide. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLocaleLowerCase('en-US');
}
