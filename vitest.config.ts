import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    environment: 'node',
    // Property tests run thousands of cases; on a busy machine that can exceed the 5 s default.
    // Speed is measured in the benchmark, never asserted here.
    testTimeout: 60_000,
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/support/setup-fast-check.ts'],
    reporters: ['default'],
  },
});
