import { defineConfig } from 'vitest/config';

// `npm run fuzz:time`: the wall-clock linear-time families (10x input, bounded time ratio). Kept out
// of `npm test`, whose results must not depend on how busy the machine is.
export default defineConfig({
  test: {
    include: ['test/**/*.timed.ts'],
    testTimeout: 120_000,
  },
});
