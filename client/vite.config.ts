import { defineConfig } from 'vite';
import { phoneBudgetPlugin } from './build/phone-budget.ts';
import { PREACT_ALIASES } from './build/preact-aliases.ts';
import { preloadCatalogPlugin } from './build/preload-catalog.ts';
import { compiledCatalogs } from './vite-catalog-plugin.ts';

/**
 * The client is served by the Quizbus server on the same origin (client/dist). In development
 * (`npm run dev -w @quizbus/client`) Vite proxies the API and Socket.IO to a server on :3000.
 *
 * The code is written against React's API but runs on Preact (preact/compat): React 19's
 * react-dom alone is ~55 KB gzip, Preact ~5 KB, and a phone on school Wi-Fi loads the join page
 * (docs/phone-budget.md). Vite's own JSX transform emits `react/jsx-runtime`, which the aliases
 * send to Preact; without @vitejs/plugin-react (React Fast Refresh cannot drive Preact) an edit
 * in development reloads the page.
 */
export default defineConfig({
  // Prints the join + play screens' script size against the phone budget after each build;
  // preloads the source language's catalog (SOURCE_LOCALE in src/i18n/locales.ts) with the entry.
  plugins: [compiledCatalogs(), phoneBudgetPlugin(), preloadCatalogPlugin('en')],
  resolve: { alias: PREACT_ALIASES },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in production: they would hand the whole source to anyone (and are not served).
    sourcemap: false,
    target: 'es2022',
    // dist/.vite/manifest.json: the chunk graph the phone budget follows (never served: a dot folder).
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
