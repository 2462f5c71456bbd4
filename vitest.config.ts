import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // The engine runs in node: a DOM call in src/sim fails here.
    environment: 'node',
    // Property tests run hundreds of worlds; on a loaded 2-core CI machine 30 s was not enough.
    testTimeout: 120_000,
  },
});
