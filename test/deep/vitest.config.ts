import { defineConfig } from 'vitest/config';

// The deep fuzz run (`npm run fuzz:deep`): over a million inputs, so kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/deep/**/*.deep.ts'],
    testTimeout: 3_600_000,
  },
});
