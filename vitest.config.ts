import { defineConfig } from 'vitest/config';

// The core must not depend on the machine's time zone, so its unit tests run
// twice: in the machine's zone and in one far from Vietnam's. The
// integration tests run twice too: on dynalite and on AWS's DynamoDB Local,
// so no test passes only because of one engine's quirks.
export default defineConfig({
  test: {
    // Vitest's default leaves a core idle on a 2-core machine; the suite is CPU-bound (dynalite runs in the test's process).
    maxWorkers: 2,
    projects: [
      // A CDK synthesis in a beforeAll takes 5 s and more on a loaded machine: hooks get the tests' 30 s, not 10.
      { test: { name: 'all', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { name: 'core TZ=America/Los_Angeles', include: ['test/unit/**/*.test.ts'], env: { TZ: 'America/Los_Angeles' } } },
      {
        test: {
          name: 'integration on DynamoDB Local',
          include: ['test/integration/**/*.test.ts'],
          env: { CHIBO_TEST_DYNAMO: 'dynamodb-local' },
          globalSetup: ['test/support/dynamodb-local-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
