import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that start the bot as a child process need more than the default 5 s on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
