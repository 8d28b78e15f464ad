// `npm run lint`: typescript-eslint's type-aware recommended rules over every package, React's
// rules of hooks over the client. Zero warnings allowed (npm run lint passes --max-warnings 0).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // tests/browser/*.js: in-page probes evaluated inside Chromium, outside the tests' TypeScript project.
  { ignores: ['**/dist/**', '**/node_modules/**', 'artifacts/**', 'coverage/**', 'data/**', 'bench-results/**', 'tests/browser/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the tsconfig.json nearest to it (client/ has its own).
        projectService: { allowDefaultProject: ['eslint.config.js', 'vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits is a bug unless marked: `void promise` with a comment saying why
      // nothing waits for it and where its failure goes. Both rules come with the preset; they
      // are spelled out because they are the reason the linter is here.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // The in-memory adapters implement async ports without awaiting anything, on purpose:
      // the same contract as their Redis twins.
      '@typescript-eslint/require-await': 'off',
      // `const { a: _a, ...rest } = x` drops a field; `_` marks a parameter a signature needs.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // TypeScript reports undefined names (plain .mjs files included, via checkJs).
      'no-undef': 'off',
    },
  },
  {
    // Tests read JSON bodies and raw socket frames (typed `any` by fetch and Socket.IO) and
    // hand socket methods around; their assertions check the shapes.
    files: ['tests/**', '**/*.test.{ts,tsx}', 'server/src/ports/contracts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
