import { graphemeCount, NICKNAME_MAX } from '@quizbus/shared';

// Nickname rules: trimmed, 1–24 characters counted as graphemes (the limit and the count come
// from shared, and the join page's counter uses the same two), no control, invisible or
// blank-looking characters.

// Only ordinary white space is folded (tab, line feed, the Zs spaces). Line and paragraph
// separators (U+2028/2029), U+0085 and U+FEFF are not: JavaScript's `\s` would fold them into a
// space before the check below could see them, letting a refused character in as a space.
const SPACE = /[\t\n\v\f\r\p{Zs}]+/gu;

// Cc (controls), Cf (format: zero-width, bidi overrides), Co/Cn (private use, unassigned),
// Cs (lone surrogates), Zl/Zp (line and paragraph separators), and every default-ignorable
// code point: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), U+180E, variation
// selectors, tags… Braille blank (U+2800) is a symbol but prints as nothing. None of these
// belongs in a name shown to a class, and each makes a name that looks blank or like another.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;
// The zero-width joiner is allowed where it glues emoji into one (👨‍👩‍👧), nowhere else.
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}[\uFE0E\uFE0F]?)\u200D(?=\p{Extended_Pictographic})/gu;
// Variation selectors 15/16 pick text or emoji style for the character before them (❤️).
const PRESENTATION = /(?<=[^\s\p{Default_Ignorable_Code_Point}])[\uFE0E\uFE0F]/gu;
// Tag characters spell a subdivision flag after a black flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿), ended by the cancel tag.
const FLAG_TAGS = /(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
// Something a person can see: a letter, digit, mark-carrying letter, punctuation or symbol.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
// More than four combining marks in a row is "Zalgo" text that spills over other lines.
const MARK_PILE = /\p{M}{5,}/u;

export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; message: string };

/** Checks a nickname and returns it trimmed, with the key used for case-insensitive uniqueness. */
export function checkNickname(raw: string): NicknameCheck {
  // Not String#trim: it strips U+FEFF too, which is refused rather than quietly dropped.
  const nickname = raw.normalize('NFC').replace(SPACE, ' ').replace(/^ | $/g, '');
  const length = graphemeCount(nickname);
  if (length === 0) return { ok: false, message: 'Choose a nickname.' };
  if (length > NICKNAME_MAX) return { ok: false, message: `A nickname has at most ${NICKNAME_MAX} characters.` };
  const bare = nickname.replace(EMOJI_JOINER, '').replace(PRESENTATION, '').replace(FLAG_TAGS, '');
  if (FORBIDDEN.test(bare)) return { ok: false, message: 'A nickname cannot contain control or invisible characters.' };
  if (!VISIBLE.test(bare.replace(/\u2800/gu, ''))) return { ok: false, message: 'Choose a nickname people can see.' };
  if (MARK_PILE.test(bare)) return { ok: false, message: 'A nickname cannot pile up accents.' };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/** Folds case and compatibility forms (ｆｕｌｌ-width, ligatures) so look-alike names collide. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLocaleLowerCase('en-US');
}
