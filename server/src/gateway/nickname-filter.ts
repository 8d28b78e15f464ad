import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The word list shipped with Quizbus (NICKNAME_BLOCKLIST_FILE replaces it). */
export const BUNDLED_BLOCKLIST = fileURLToPath(new URL('../../config/nickname-blocklist.txt', import.meta.url));

// Letters that look alike across scripts (Cyrillic, Greek), folded to Latin.
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
// Digits used as letters. "1" and "|" read as i or l, so both readings are tried.
const LEET: Record<string, string> = { '0': 'o', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g' };
// Signs used as letters ("a$$", "b!tch") — or as punctuation ("Ass!"): both readings are tried.
const SIGNS: Record<string, string> = { '@': 'a', $: 's', '!': 'i', '+': 't', '€': 'e', '£': 'l' };
const ONE_AS = ['i', 'l'] as const;

/** One way to read a text: its words and all its letters run together, repeats collapsed. */
interface Reading {
  words: string[];
  letters: string;
}

/** A list entry: a whole word, or with `*` a word start, word end, or anywhere. */
interface Entry {
  stem: string;
  where: 'word' | 'prefix' | 'suffix' | 'anywhere';
}

/** "fuuuck" and "fuck" read the same; collapsing both sides keeps doubled letters in the list matching. */
function collapse(s: string): string {
  return s.replace(/(.)\1+/gu, '$1');
}

function readings(text: string): Reading[] {
  const base = text
    .normalize('NFKD')
    // Marks go (accents, Arabic harakat and the hamza on أ إ آ), and the Arabic tatweel that only stretches a word.
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .replace(/./gsu, (c) => CONFUSABLES[c] ?? LEET[c] ?? c);
  const out: Reading[] = [];
  for (const signs of [true, false]) {
    const signed = signs ? base.replace(/./gsu, (c) => SIGNS[c] ?? c) : base;
    for (const one of ONE_AS) {
      const s = signed.replace(/[1|]/g, one);
      // Letters of every script count (Arabic, Chinese, Polish …), not only a–z.
      const words = s.split(/[^\p{L}]+/u).filter(Boolean).map(collapse);
      out.push({ words, letters: collapse(s.replace(/[^\p{L}]+/gu, '')) });
    }
  }
  return out;
}

function entryOf(raw: string): Entry | null {
  const w = raw.trim();
  if (!w || w.startsWith('#')) return null;
  const starts = w.startsWith('*');
  const ends = w.endsWith('*');
  const stem = readings(w.replace(/^\*|\*$/g, ''))[0]?.letters ?? '';
  if (!stem) return null;
  const where = starts && ends ? 'anywhere' : ends ? 'prefix' : starts ? 'suffix' : 'word';
  return { stem, where };
}

/**
 * Catches nicknames with words from a list, however they are dressed up: case, accents,
 * full-width forms, look-alike Cyrillic or Greek letters, digits for letters (h4x0r), signs
 * (a$$), spaces or dots between letters and repeated letters. A plain entry matches a whole
 * word ("ass" catches "a$$" but not "Cassandra"); `word*` a word's start, `*word` its end, and
 * `*word*` the letters anywhere, across spaces too ("f u c k"). A filter only stops the lazy;
 * the host can still kick, and lock the game.
 */
export class NicknameFilter {
  private readonly entries: Entry[];

  constructor(words: readonly string[]) {
    this.entries = words.map(entryOf).filter((e): e is Entry => e !== null);
  }

  /** Number of entries in use. */
  get size(): number {
    return this.entries.length;
  }

  /** Whether the nickname contains a listed word. */
  blocks(nickname: string): boolean {
    if (this.entries.length === 0) return false;
    for (const r of readings(nickname)) {
      for (const e of this.entries) {
        if (e.where === 'anywhere' ? r.letters.includes(e.stem) : r.words.some((w) => matches(w, e))) return true;
      }
    }
    return false;
  }
}

function matches(word: string, e: Entry): boolean {
  if (e.where === 'word') return word === e.stem;
  if (e.where === 'prefix') return word.startsWith(e.stem);
  return word.endsWith(e.stem);
}

/** The words of a list file: one a line, `#` starts a comment. */
export function parseWordList(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
}

/**
 * The filter the configuration asks for: the bundled list, or NICKNAME_BLOCKLIST_FILE
 * (`none` for no file), plus the comma-separated NICKNAME_BLOCKLIST words. A missing file
 * stops the server at start rather than run without the filter someone asked for.
 */
export function loadNicknameFilter(config: { NICKNAME_BLOCKLIST_FILE?: string | undefined; NICKNAME_BLOCKLIST?: string | undefined }): NicknameFilter {
  const file = config.NICKNAME_BLOCKLIST_FILE ?? BUNDLED_BLOCKLIST;
  const fromFile = file === 'none' ? [] : parseWordList(readFileSync(file, 'utf8'));
  const extra = (config.NICKNAME_BLOCKLIST ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  return new NicknameFilter([...fromFile, ...extra]);
}
