// No zod here: the phone's join page imports this module (docs/phone-budget.md).

/**
 * The longest nickname, in graphemes: what a reader counts as one character ("é" written as
 * e + accent, 👍🏽, 👨‍👩‍👧 and 🇫🇷 are one each). The game refuses longer ones with
 * NICKNAME_INVALID; the join page counts the same way and says so before sending.
 */
export const NICKNAME_MAX = 24;

let segmenter: Intl.Segmenter | null | undefined;

/**
 * The length of a text in graphemes (extended grapheme clusters, Unicode UAX #29), as
 * `Intl.Segmenter` counts them. Where a browser lacks Intl.Segmenter (Firefox before 125), it
 * counts code points instead, which can only count more: the game's count is the one that decides.
 */
export function graphemeCount(text: string): number {
  // Made on first use: creating Intl objects costs a slow phone time before the page shows.
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  if (!segmenter) return [...text].length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}
