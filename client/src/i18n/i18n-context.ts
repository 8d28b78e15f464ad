import { setupI18n, type Messages } from '@lingui/core';
import { createContext, useContext } from 'react';
import type en from './catalogs/en.json';
import { makeFormatters, type Formatters } from './format.ts';
import { localeInfo, type LocaleCode } from './locales.ts';

/** Every message id: the keys of the English catalog, so a typo is a type error. */
export type MessageId = keyof typeof en;

/** Values for a message's ICU placeholders ({name}, {count, plural, …}). */
export type MessageValues = Record<string, string | number>;

/** Translates one message id with its placeholder values in the screen's language. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** What a screen knows about its language. */
export interface I18nValue {
  locale: LocaleCode;
  dir: 'ltr' | 'rtl';
  t: Translate;
  format: Formatters;
  /** Switches this screen's language (loads its catalog first) and remembers it on this device. */
  setLocale: (code: LocaleCode) => void;
}

/**
 * Builds the context value for a locale whose catalog is loaded. The catalog is compiled at
 * build time (vite-catalog-plugin.ts); under Vitest Lingui compiles it on first use instead.
 */
export function makeI18nValue(locale: LocaleCode, messages: Messages, setLocale: (code: LocaleCode) => void): I18nValue {
  const info = localeInfo(locale);
  const intl = info.intl ?? locale;
  const i18n = setupI18n({ locale, locales: [intl], messages: { [locale]: messages } });
  return {
    locale,
    dir: info.dir,
    t: (id, values) => i18n._(id, values),
    format: makeFormatters(intl),
    setLocale,
  };
}

export const I18nContext = createContext<I18nValue | null>(null);

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLocale outside <I18nProvider>');
  return value;
}

/** The translate function of the screen's language. */
export function useT(): Translate {
  return useI18n().t;
}

/** The screen's language, its direction, its formatters and the switch. */
export function useLocale(): I18nValue {
  return useI18n();
}
