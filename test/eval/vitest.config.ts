import { defineConfig } from 'vitest/config';

// `npm run eval`: the held-out evaluations, too slow and too noisy for `npm test` and never gating it.
export default defineConfig({
  test: {
    include: ['test/eval/**/*.eval.ts'],
    testTimeout: 1_800_000,
  },
});
