import { defineConfig } from 'vitest/config';

/** Command-tier files that run `coop print` in the test's own process (see the project below). */
const PDF_IN_PROCESS = ['test/command/print.test.ts'];

export default defineConfig({
  test: {
    // Command and end-to-end tests run the built CLI and git; two cores, so keep it modest.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // The built CLI is loaded as Node loads it, not through vitest's transform.
    server: { deps: { external: [/\/dist\//] } },
    // Each test file's temporary folders are removed after it (test/support/setup.ts).
    setupFiles: ['test/support/setup.ts'],
    projects: [
      // Pure code: the files share a worker process, which spares a new Node and a new import of
      // vitest for each of some fifty files. Modules a file imports are loaded once per worker,
      // not once per file, so their state (the support modules' caches) carries over.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'], isolate: false } },
      // The command tier runs the built CLI in the test's own process (test/support/cli.ts). Its
      // files share a worker too, so the built CLI is loaded once per worker rather than once per
      // file; what it keeps between runs it keeps between calls within a file all the same.
      {
        extends: true,
        test: { name: 'command', include: ['test/command/**/*.test.ts'], exclude: [...PDF_IN_PROCESS, '**/node_modules/**'], env: { COOP_TEST_TIER: 'command' }, isolate: false },
      },
      // The command-tier files that typeset PDFs in this process load the PDF engine, which stays
      // in memory (hundreds of MB) until the process ends; every git a later coop starts is then
      // forked from that bigger process, which costs each start several times as much. So they
      // run in a process of their own, which ends with them.
      { extends: true, test: { name: 'command-pdf', include: PDF_IN_PROCESS, env: { COOP_TEST_TIER: 'command' }, isolate: true } },
      // Every other tier spawns it as a person's shell would. Each file keeps a process of its own:
      // the crash and hostile suites hold per-file templates and set the process's environment.
      {
        extends: true,
        test: {
          name: 'spawned',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/command/**', 'test/unit/**', 'test/property/**'],
        },
      },
    ],
  },
});
