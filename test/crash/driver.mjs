// A stand-in for a coop command, for the crash and lock suites: it drives the BUILT
// transaction and lock code (dist/) directly, so those suites need no command to exist.
//
//   node driver.mjs apply <root> <from> <to> [wait]   apply changes from..to, one transaction
//                                              each (with "wait": once a line arrives on stdin);
//                                              with from "next", <to> changes after the current one
//   node driver.mjs bump <root> <count>        count times: under the lock, read counter.txt
//                                              and commit it plus one (lost updates show up)
//   node driver.mjs hold <root> <ms>           take the lock and sit on it
//   node driver.mjs recover <root>             take the lock, undo any crashed change, leave
//
// Change k writes whole new contents to a.txt, docs/b.md and the untracked private store, and
// makes a new folder deep/new-k/ with c.txt in it, then commits "Change k". So after any number
// of whole changes, every file names the same k, and deep/ holds new-1 … new-k exactly.

import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '../../dist/io/lock.js';
import { applyPlan, withWriteLock } from '../../dist/io/transaction.js';
import { changeFiles } from './changes.mjs';

const [verb, root, ...rest] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  if (verb === 'apply') {
    const [from, to, wait] = rest;
    process.stdout.write('ready\n');
    // With "wait", start only when told: the suite starts the next driver while it checks the
    // last one, so that Node's start-up time is not spent once per kill.
    if (wait === 'wait') await new Promise((resolve) => process.stdin.once('data', resolve));
    if (from === 'next') {
      // As a command does: read the current state under the lock, then change it.
      for (let i = 0; i < Number(to); i++) {
        await withWriteLock(root, () => {
          const k = Number(/^change (\d+)/.exec(readFileSync(join(root, 'a.txt'), 'utf8'))[1]) + 1;
          return applyPlan(root, { changes: changeFiles(k), message: `Change ${k}` }, { git: true, commit: true });
        });
      }
    } else {
      for (let k = Number(from); k <= Number(to); k++) {
        await withWriteLock(root, () => applyPlan(root, { changes: changeFiles(k), message: `Change ${k}` }, { git: true, commit: true }));
      }
    }
  } else if (verb === 'bump') {
    const log = join(root, 'private', 'lock-log.txt');
    for (let i = 0; i < Number(rest[0]); i++) {
      await withWriteLock(root, async () => {
        appendFileSync(log, `enter ${process.pid}\n`);
        const n = Number(readFileSync(join(root, 'counter.txt'), 'utf8')) + 1;
        await sleep(2);
        await applyPlan(root, { changes: [{ path: 'counter.txt', content: `${n}\n`, tracked: true }], message: `Bump to ${n}` }, { git: true, commit: true });
        appendFileSync(log, `leave ${process.pid}\n`);
      });
    }
  } else if (verb === 'hold') {
    await acquireLock(root);
    process.stdout.write('held\n');
    await sleep(Number(rest[0]));
  } else if (verb === 'recover') {
    await withWriteLock(root, async () => undefined);
  } else {
    throw new Error(`unknown verb ${verb}`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.name ?? 'Error'}: ${error?.message ?? error}\n`);
  process.exitCode = error?.name === 'UserError' ? 1 : 70;
});
