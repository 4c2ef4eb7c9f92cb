// What `coop new` prints: the files it wrote (or would write, with --dry-run) and what next.

import type { FileChange } from '../../io/transaction.js';
import type { Founding } from '../../core/found/to-params.js';
import { FOUNDING_FILES } from '../../core/found/context.js';

function size(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

function describe(change: FileChange, founding: Founding, governingPath: string): string {
  const n = founding.founders.length;
  switch (change.path) {
    case FOUNDING_FILES.params:
      return 'the rules parameters: the single source of truth for coop';
    case governingPath:
      return 'the governing document';
    case FOUNDING_FILES.minutes:
      return 'minutes of the founding meeting, ready to sign';
    case FOUNDING_FILES.nextSteps:
      return 'what to do next: registration, bank account and more';
    case FOUNDING_FILES.ledger:
      return `the register: ${n} founder${n === 1 ? '' : 's'} admitted, first officers appointed`;
    case FOUNDING_FILES.privacy:
      return 'privacy notice for members: what the group keeps about them, and for how long';
    case FOUNDING_FILES.readme:
      return 'what is in the folder and how to use coop day to day';
    case FOUNDING_FILES.gitignore:
      return 'keeps private/ out of git';
    case FOUNDING_FILES.contacts:
      return 'founders’ emails and addresses: private, never committed';
    default:
      return '';
  }
}

export function fileList(changes: readonly FileChange[], founding: Founding, governingPath: string): string {
  const width = Math.max(...changes.map((c) => c.path.length)) + 2;
  return changes.map((c) => `  ${c.path.padEnd(width)}${size(c.content).padStart(8)}  ${describe(c, founding, governingPath)}`).join('\n');
}
