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
      // Pure code: the files share a worker process (vitest still loads each file's own modules
      // afresh), which spares a new Node and a new import of vitest for each of some fifty files.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'], isolate: false } },
      // The command tier runs the built CLI in the test's own process (test/support/cli.ts).
      { extends: true, test: { name: 'command', include: ['test/command/**/*.test.ts'], env: { COOP_TEST_TIER: 'command' }, isolate: false } },
      // Every other tier spawns it as a person's shell would.
      {
        extends: true,
        test: { name: 'spawned', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', 'test/command/**', 'test/unit/**', 'test/property/**'] },
      },
    ],
  },
});
