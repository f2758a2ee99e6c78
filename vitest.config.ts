import { defineConfig } from 'vitest/config';

// The core must not depend on the machine's time zone, so its unit tests run
// twice: in the machine's zone and in one far from Vietnam's.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'all', include: ['test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'core TZ=America/Los_Angeles', include: ['test/unit/**/*.test.ts'], env: { TZ: 'America/Los_Angeles' } } },
    ],
  },
});
