import { compileMessage } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';

const CATALOG = /\/src\/i18n\/catalogs\/[A-Za-z-]+\.json$/;

/**
 * Compiles the ICU messages of the catalogs (src/i18n/catalogs/*.json) into Lingui's compiled
 * form while bundling, so no ICU parser ships to the browser: the output is still JSON (arrays
 * and strings), handed on to Vite's JSON plugin, and each catalog stays its own lazy chunk.
 */
export function compiledCatalogs(): Plugin {
  return {
    name: 'quizbus:compiled-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG.test(id.split('?')[0] ?? '')) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, compileMessage(message)]));
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}
