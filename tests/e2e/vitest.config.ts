import { defineConfig } from 'vitest/config';

// Real browsers: one file at a time, generous time-outs for start-up on a shared machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
