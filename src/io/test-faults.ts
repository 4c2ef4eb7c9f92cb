// Fault injection for the crash and hostile-input suites: never set in normal use.
//
//   COOP_TEST_FAIL_AT=<point>  the transaction fails at that point as if the disk were full
//                              (an ENOSPC error), exactly as a real full disk would surface;
//   COOP_TEST_KILL_AT=<point>  the process kills itself there with SIGKILL, as a power cut or
//                              `kill -9` would, leaving whatever was half done for recovery.
//
// Points, in the order a change passes them (n counts files from 1):
//   stage:n     before the n-th new file is staged under .coop/txn/
//   journal     before the journal is written
//   place:n     before the n-th file is renamed into place
//   add         before `git add`;      adding     just after `git add` has been started
//   commit      before `git commit`;   committing just after `git commit` has been started
//   finish      after the commit, before the journal is removed
//   rollback:n  before the n-th file is put back while undoing a failed change
//   recover     at the start of recovering a crashed change
//
// The environment is read once per change, so the cost in normal use is two lookups.

export interface Faults {
  at(point: string): void;
}

const NONE: Faults = { at() {} };

export function loadFaults(): Faults {
  const fail = process.env.COOP_TEST_FAIL_AT;
  const kill = process.env.COOP_TEST_KILL_AT;
  if (!fail && !kill) return NONE;
  return {
    at(point: string) {
      if (point === kill) process.kill(process.pid, 'SIGKILL');
      if (point === fail) {
        throw Object.assign(new Error(`ENOSPC: no space left on device (simulated by COOP_TEST_FAIL_AT=${point})`), { code: 'ENOSPC' });
      }
    },
  };
}
