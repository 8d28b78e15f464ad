import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'scripts/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Stops at once when redis-server, Chromium or the Python bot's packages are missing; then
    // builds client/dist when its sources changed, once per run, before the browser tests.
    globalSetup: ['tests/support/prerequisites.ts', 'tests/support/client-build.ts'],
  },
});
