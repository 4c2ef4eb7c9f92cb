// Making a folder read-only for the user running the tests, by the strongest means this machine
// allows: chmod for an ordinary user; for root, whom chmod does not stop, the immutable
// attribute (chattr +i, on ext4 and similar). Probed once on a scratch folder.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ReadOnlyTechnique = 'chmod' | 'chattr';

let probed: { technique: ReadOnlyTechnique | undefined } | undefined;

/** How this machine can stop writes to a folder; undefined when neither way works. */
export function readOnlyTechnique(): ReadOnlyTechnique | undefined {
  probed ??= { technique: probe() };
  return probed.technique;
}

function probe(): ReadOnlyTechnique | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'coop-ro-probe-'));
  const blocked = (): boolean => {
    try {
      writeFileSync(join(dir, 'x'), 'x');
      rmSync(join(dir, 'x'));
      return false;
    } catch {
      return true;
    }
  };
  try {
    chmodSync(dir, 0o555);
    const chmodWorks = blocked();
    chmodSync(dir, 0o755);
    if (chmodWorks) return 'chmod';
    try {
      execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    } catch {
      return undefined;
    }
    const works = blocked();
    execFileSync('chattr', ['-i', dir]);
    return works ? 'chattr' : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes a folder and everything in it read-only; returns how, and how to undo it (undefined when this machine cannot). */
export function makeReadOnly(dir: string): { how: string; undo(): void } | undefined {
  const technique = readOnlyTechnique();
  if (technique === 'chmod') {
    execFileSync('chmod', ['-R', 'a-w', dir]);
    return { how: 'chmod a-w', undo: () => execFileSync('chmod', ['-R', 'u+w', dir]) };
  }
  if (technique === 'chattr') {
    execFileSync('chattr', ['-R', '+i', dir]);
    return { how: 'chattr +i (immutable: stops even root)', undo: () => execFileSync('chattr', ['-R', '-i', dir]) };
  }
  return undefined;
}
