import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { PREACT_ALIASES } from './client/build/preact-aliases.ts';

const require = createRequire(import.meta.url);
// Testing Library's ES module build: its `main` is CommonJS, whose require('react-dom') no alias reaches.
const TESTING_LIBRARY_REACT = join(dirname(require.resolve('@testing-library/react')), '@testing-library', 'react.esm.js');

export default defineConfig({
  // The client's component tests run on Preact, as the built client does (client/vite.config.ts):
  // the components, and Testing Library's render() too.
  resolve: { alias: [...PREACT_ALIASES, { find: /^@testing-library\/react$/, replacement: TESTING_LIBRARY_REACT }] },
  test: {
    include: ['shared/src/**/*.test.ts', 'scripts/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Stops at once when redis-server, Chromium or the Python bot's packages are missing; then
    // builds client/dist when its sources changed, once per run, before the browser tests.
    globalSetup: ['tests/support/prerequisites.ts', 'tests/support/client-build.ts'],
    // Inlined (run through Vite), so that its imports of react and react-dom take the aliases above.
    server: { deps: { inline: [/@testing-library\/react/] } },
  },
});
