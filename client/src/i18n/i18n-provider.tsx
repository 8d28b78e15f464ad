import type { Messages } from '@lingui/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { setCurrentLocale } from './current-locale.ts';
import { initialLocale, saveChosenLocale } from './detect-locale.ts';
import { I18nContext, makeI18nValue, type I18nValue } from './i18n-context.ts';
import { localeInfo, type LocaleCode } from './locales.ts';

/** Fetches a locale's catalog chunk (only the chosen language is ever downloaded). */
async function loadMessages(code: LocaleCode): Promise<Messages> {
  const mod = await localeInfo(code).load();
  return mod.default as Messages;
}

/**
 * Gives the app its language: the device's earlier choice or the browser's preference, then
 * whatever the language switch picks. Sets `<html lang dir>` so screen readers pronounce the
 * text right and the layout mirrors for Arabic. Renders nothing until the catalog is in.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<I18nValue | null>(null);

  const activate = useCallback((code: LocaleCode, remember: boolean) => {
    void loadMessages(code).then((messages) => {
      if (remember) saveChosenLocale(code);
      const next = makeI18nValue(code, messages, (c) => activate(c, true));
      setCurrentLocale(code);
      document.documentElement.lang = code;
      document.documentElement.dir = next.dir;
      setValue(next);
    });
  }, []);

  useEffect(() => activate(initialLocale(), false), [activate]);

  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}
