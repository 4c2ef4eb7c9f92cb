// The bench's anchors: the same history as a plain-text accounting journal, so that ledger-cli
// and hledger can be timed on it beside coop. Every event becomes one balanced transaction on
// its date (shares moved where the event moves them, a count of one otherwise), so each tool
// parses and checks as many entries as coop does.

import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerPartPaths } from './group.js';

/** Writes `file` from the group's ledger; resolves to the number of transactions. */
export async function writeJournal(dir, file) {
  const out = createWriteStream(file);
  let count = 0;
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)));
  for (const path of ledgerPartPaths(dir)) {
    for (const line of readFileSync(join(dir, path), 'utf8').split('\n')) {
      if (!line) continue;
      const e = JSON.parse(line);
      const date = e.date.replaceAll('-', '/');
      const who = e.member ?? e.to ?? 0;
      const [amount, commodity] = typeof e.shares === 'number' && e.shares > 0 ? [e.shares, 'SHR'] : [1, 'EVT'];
      const from = e.type === 'transfer' && e.from ? `members:m${e.from}` : 'equity:register';
      const pending = write(`${date} ${e.type} member ${who}\n    members:m${who}:${e.type}  ${amount} ${commodity}\n    ${from}  -${amount} ${commodity}\n\n`);
      if (pending) await pending;
      count += 1;
    }
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return count;
}
