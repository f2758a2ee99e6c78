import { defineConfig } from 'vitest/config';

// The load test: not part of `npm test` (test/**/*.test.ts); `npm run test:load`.
export default defineConfig({
  test: { include: ['test/load/**/*.load.ts'], testTimeout: 900_000, hookTimeout: 120_000 },
});
