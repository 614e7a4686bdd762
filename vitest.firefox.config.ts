import { defineConfig } from 'vitest/config';

// Firefox end-to-end tests: one browser at a time, like the Chromium suite.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.spec.ts'],
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
    pool: 'forks',
  },
});
