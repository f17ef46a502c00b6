import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // No wall-clock checks here: on a shared 2-core machine their ratios are noise. The tests count
    // work instead; the clock lives in `npm run fuzz:time` (bench/fuzz-time.mjs).
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
