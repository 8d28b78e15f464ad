import { LOCALES, SOURCE_LOCALE, type LocaleCode } from './locales.ts';

const STORAGE_KEY = 'quizbus.locale';

/**
 * The shipped language closest to a BCP 47 tag: the exact tag first ("pt-BR"), then the same
 * language with any region ("pt-PT" → "pt-BR", "zh-Hans-SG" → "zh-CN"), else none.
 */
export function matchLocale(tag: string): LocaleCode | null {
  const lower = tag.toLowerCase();
  const exact = LOCALES.find((l) => l.code.toLowerCase() === lower);
  if (exact) return exact.code;
  const language = lower.split('-')[0];
  const sameLanguage = LOCALES.find((l) => l.code.toLowerCase().split('-')[0] === language);
  return sameLanguage ? sameLanguage.code : null;
}

/**
 * The language a screen starts in: the one chosen on this device before, else the first of
 * the browser's preferred languages that we ship, else English.
 */
export function pickLocale(stored: string | null, preferred: readonly string[]): LocaleCode {
  if (stored) {
    const chosen = LOCALES.find((l) => l.code === stored);
    if (chosen) return chosen.code;
  }
  for (const tag of preferred) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return SOURCE_LOCALE;
}

/** The language this device chose with the language switch, if any. */
export function loadChosenLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the language switch's choice on this device (each screen keeps its own). */
export function saveChosenLocale(code: LocaleCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode or a full quota: the choice lasts until the page closes.
  }
}

/** The locale this browser starts in. */
export function initialLocale(): LocaleCode {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLocale(loadChosenLocale(), preferred);
}
