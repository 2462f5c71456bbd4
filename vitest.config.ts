import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // The engine runs in node: a DOM call in src/sim fails here.
    environment: 'node',
    testTimeout: 30_000,
  },
});
