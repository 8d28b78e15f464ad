import { SOURCE_LOCALE, type LocaleCode } from './locales.ts';

let current: LocaleCode = SOURCE_LOCALE;

/**
 * The language this page shows now, for code outside React: the API calls send it as
 * Accept-Language, so the files a teacher downloads (results CSV, report workbook) and the
 * server's import messages come back in the language the teacher picked here.
 */
export function currentLocale(): LocaleCode {
  return current;
}

/** Called by the provider whenever the page's language changes. */
export function setCurrentLocale(code: LocaleCode): void {
  current = code;
}
