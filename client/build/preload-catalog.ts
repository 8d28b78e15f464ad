import type { Plugin } from 'vite';

/**
 * Adds `<link rel="modulepreload">` for one language's catalog to index.html, so a phone fetches
 * it beside the entry script instead of after it: the page learns its language only once the
 * entry runs, and on Fast 3G that later request costs a whole round trip (~0.6 s) before the
 * join page can show (docs/phone-budget.md). The source language is preloaded; a phone in
 * another language fetches a few kB it does not use and its own catalog as before.
 */
export function preloadCatalogPlugin(locale: string): Plugin {
  const catalog = new RegExp(`/src/i18n/catalogs/${locale}\\.json$`);
  return {
    name: 'quizbus-preload-catalog',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId !== null && catalog.test(c.facadeModuleId));
        if (!chunk) return [];
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
