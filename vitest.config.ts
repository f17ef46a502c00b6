import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Wall-clock checks (test/**/*.timed.ts) run apart, in `npm run fuzz:time`: on a shared 2-core
    // machine their ratios are noise, so `npm test` holds none.
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
