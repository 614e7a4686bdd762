import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/server/**/*.test.ts'],
    setupFiles: ['tests/helpers/setup-unit.ts'],
    testTimeout: 20000,
    pool: 'forks',
    // `npm run test:unit` measures lib/ (the logic every context shares) and fails below these floors: the figures the
    // suite met when the threshold was set, rounded down, to be raised as the suite grows.
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.ts'],
      exclude: ['lib/**/*.d.ts', 'lib/server/main.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 90, statements: 89, functions: 90, branches: 82 },
    },
  },
});
