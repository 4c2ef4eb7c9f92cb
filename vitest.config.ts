import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Command and end-to-end tests run the built CLI and git; two cores, so keep it modest.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // The built CLI is loaded as Node loads it, not through vitest's transform.
    server: { deps: { external: [/\/dist\//] } },
    projects: [
      // The command tier runs the built CLI in the test's own process (test/support/cli.ts).
      { extends: true, test: { name: 'command', include: ['test/command/**/*.test.ts'], env: { COOP_TEST_TIER: 'command' } } },
      // Every other tier spawns it as a person's shell would.
      { extends: true, test: { name: 'spawned', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', 'test/command/**'] } },
    ],
  },
});
