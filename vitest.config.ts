import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/fast-check-setup.ts'],
    // A unit test asserts behaviour, never speed: the property tests and the glossary tool's run take a few seconds
    // alone and several times that on a loaded 2-core machine (CI), where vitest's 5 s default fails them.
    testTimeout: 60_000,
  },
});
