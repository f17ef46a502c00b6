import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The workspace package of the word vectors, from its source (the built package is tested in test/package).
  resolve: { alias: { '@postlint/vectors-en': fileURLToPath(new URL('packages/vectors-en/src/index.ts', import.meta.url)) } },
  test: {
    // No wall-clock checks here: on a shared 2-core machine their ratios are noise. The tests count
    // work instead; the clock lives in `npm run fuzz:time` (bench/fuzz-time.mjs).
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
