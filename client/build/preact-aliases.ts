/**
 * React's module names mapped to Preact's compatibility layer, for the build (vite.config.ts)
 * and for the component tests (vitest.config.ts), so the tests run what phones run.
 * Exact-match patterns: `react` must not catch `react-dom` or `@testing-library/react`.
 */
export const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];
