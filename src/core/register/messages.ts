// Commit messages a secretary recognises in `git log`: what happened, to whom, in plain words.
// Names appear (they are in the register anyway); contact details never do.

import type { LeaveReason } from '../ledger/events.js';

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const commitMessages = {
  admit: (member: number, name: string) => `Admit member ${member}: ${name}`,
  leave: (member: number, reason: LeaveReason) => `Member ${member} left (${reason})`,
  rename: (member: number, name: string) => `Record member ${member}'s change of name to ${name}`,
  issue: (member: number, count: number) => `Issue ${plural(count, 'share')} to member ${member}`,
  withdraw: (member: number, count: number) => `Withdraw ${plural(count, 'share')} from member ${member}`,
  transfer: (from: number, to: number, count: number) => `Transfer ${plural(count, 'share')} from member ${from} to member ${to}`,
  appoint: (member: number, role: string) => `Appoint member ${member} as ${role}`,
  retire: (member: number, role: string) => `Member ${member} left the office of ${role}`,
  notices: (member: number, method: string) => `Record that member ${member} takes notices by ${method}`,
  import: (count: number, file: string) => `Import ${plural(count, 'member')} from ${file}`,
};
