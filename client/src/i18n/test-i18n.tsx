import { render as rtlRender, type RenderOptions, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import en from './catalogs/en.json';
import { I18nContext, makeI18nValue } from './i18n-context.ts';

const english = makeI18nValue('en', en, () => {});

/** Component tests: the English catalog, loaded synchronously (compiled by Lingui on use). */
export function TestI18n({ children }: { children: ReactNode }) {
  return <I18nContext.Provider value={english}>{children}</I18nContext.Provider>;
}

/** Testing Library's render inside the English catalog. */
export function render(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}): RenderResult {
  return rtlRender(ui, { ...options, wrapper: TestI18n });
}

/** The English translate function, for tests of plain helpers that take one. */
export const englishT = english.t;
