import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium with the built extension; one file at a time keeps a 2-core machine steady.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
