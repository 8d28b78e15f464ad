/**
 * The shipped languages. Adding one is one catalog file (catalogs/xx.json, every key of en.json)
 * and one line here; the catalog test then checks it is complete (docs/client.md).
 */

/** A catalog as a module: the JSON is compiled to Lingui's message format at build time. */
type CatalogLoader = () => Promise<{ default: Record<string, unknown> }>;

/** One shipped language: its BCP 47 tag, its own name for itself, its writing direction. */
export interface LocaleInfo {
  code: string;
  /** The endonym: a student looks for "Deutsch", not "German". */
  name: string;
  dir: 'ltr' | 'rtl';
  /**
   * The tag numbers, dates and plurals are formatted with, when it differs: Arabic screens use
   * Western digits throughout, so a score, a PIN typed on the keyboard and a count agree.
   */
  intl?: string;
  /** A dynamic import, so a phone downloads only its own language. */
  load: CatalogLoader;
}

export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr', load: () => import('./catalogs/en.json') },
  { code: 'es', name: 'Español', dir: 'ltr', load: () => import('./catalogs/es.json') },
  { code: 'fr', name: 'Français', dir: 'ltr', load: () => import('./catalogs/fr.json') },
  { code: 'de', name: 'Deutsch', dir: 'ltr', load: () => import('./catalogs/de.json') },
  { code: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr', load: () => import('./catalogs/pt-BR.json') },
  { code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn', load: () => import('./catalogs/ar.json') },
  { code: 'zh-CN', name: '简体中文', dir: 'ltr', load: () => import('./catalogs/zh-CN.json') },
  { code: 'pl', name: 'Polski', dir: 'ltr', load: () => import('./catalogs/pl.json') },
] as const satisfies readonly LocaleInfo[];

/** A shipped language's tag. */
export type LocaleCode = (typeof LOCALES)[number]['code'];

/** The language every catalog is checked against, and the one used when nothing else fits. */
export const SOURCE_LOCALE: LocaleCode = 'en';

/** The entry for a shipped tag. */
export function localeInfo(code: LocaleCode): LocaleInfo {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0];
}
