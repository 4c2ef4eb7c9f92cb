// `coop check`: everything that can be wrong with a group's files, each problem with where it
// is. coop.yml against the schema and the law; every ledger line decoded; the whole ledger
// derived against the rules; the private contact store readable and still ignored by git; and
// no tracked file holding a stored contact value.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeContacts, type ContactField } from '../core/contacts.js';
import { todayInUk, parseDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import { LEDGER_FILE } from '../core/ledger/events.js';
import { buildLeakIndex, findLeaks } from '../core/register/leak-scan.js';
import { UsageError } from '../errors.js';
import { readContactsText } from '../io/contacts-store.js';
import { isIgnored, trackedFiles } from '../io/git.js';
import { CONTACTS_FILE, PARAMS_FILE, PRIVATE_DIR, checkParamsText, findGroupRoot, isGitGroup, ledgerRules, readLedger, settle, type Located } from '../io/group.js';
import type { CommonOptions } from './group.js';

export interface CheckResult {
  ok: boolean;
  /** Every problem found, with where it is: "register/ledger.jsonl:12". */
  problems: Located[];
}

const FIELD_WORDS: Record<ContactField, string> = { email: 'email address', address: 'postal address', phone: 'phone number' };

export async function checkGroup(cwd: string, options: CommonOptions = {}): Promise<CheckResult> {
  const root = findGroupRoot(cwd);
  await settle(root);
  const today = options.today === undefined ? todayInUk() : parseDate(options.today);
  if (!today) throw new UsageError(`The option today "${options.today}" is not a date: write it as YYYY-MM-DD.`);
  const problems: Located[] = [];

  let paramsText: string | undefined;
  try {
    paramsText = readFileSync(join(root, PARAMS_FILE), 'utf8');
  } catch (error) {
    problems.push({ where: PARAMS_FILE, message: `cannot be read (${(error as NodeJS.ErrnoException).code})` });
  }
  const parsed = paramsText === undefined ? undefined : await checkParamsText(root, paramsText);
  if (parsed) problems.push(...parsed.problems);

  const ledger = readLedger(root, true);
  for (const p of ledger.problems) problems.push({ where: `${LEDGER_FILE}:${p.line}`, message: p.message });
  const { state, problems: ruleProblems } = deriveState(ledger.events, parsed?.params ? { rules: ledgerRules(parsed.params), today } : {});
  if (ruleProblems.length > 0) {
    const lineOf = new Map<number, number>();
    ledger.events.forEach((e, i) => {
      if (!lineOf.has(e.seq)) lineOf.set(e.seq, ledger.lines[i]!);
    });
    const located = ruleProblems.map((p) => ({ line: lineOf.get(p.seq) ?? 0, message: p.message }));
    located.sort((a, b) => a.line - b.line);
    for (const p of located) problems.push({ where: `${LEDGER_FILE}:${p.line}`, message: p.message });
  }

  const contacts = decodeContacts(readContactsText(root));
  for (const p of contacts.problems) problems.push({ where: `${CONTACTS_FILE}:${p.line}`, message: p.message });
  for (const member of contacts.contacts.keys()) {
    if (!state.members.has(member)) problems.push({ where: CONTACTS_FILE, message: `holds contact details for member ${member}, who is not in the register` });
  }

  const git = isGitGroup(root);
  if (git && !(await isIgnored(root, CONTACTS_FILE))) {
    problems.push({
      where: '.gitignore',
      message: `does not keep ${PRIVATE_DIR}/ out of git, so members' contact details could be committed: add the line /${PRIVATE_DIR}/`,
    });
  }
  const files = git ? await trackedFiles(root) : untrackedGroupFiles(root);
  for (const f of files) {
    if (f === PRIVATE_DIR || f.startsWith(`${PRIVATE_DIR}/`)) {
      problems.push({
        where: f,
        message: 'is tracked by git, so private contact details are in the history: run git rm --cached on it, and see the README on removing it from history',
      });
    }
  }
  // Addresses at the domains reserved for documentation (RFC 2606, RFC 6761) belong to nobody,
  // and the group's own README shows one in its examples: looking for them would only raise
  // false alarms. They are left out by position, so leaks still name the right member.
  const { stored } = contacts;
  const searched = stored.value.map((v, i) => (stored.field[i] === 'email' && isDocumentationAddress(v) ? '' : v));
  const index = buildLeakIndex(searched);
  if (index.size > 0) {
    for (const f of files) {
      if (f.startsWith(`${PRIVATE_DIR}/`)) continue;
      let text: string;
      // The ledger is already read: of its fields only names are free text (the rest are
      // numbers, dates and fixed words checked on decoding), so only the names are searched,
      // one a line, each line mapped back to its line in the ledger.
      let lineOf = (line: number) => line;
      if (f === LEDGER_FILE) {
        text = ledger.events.map((e) => ('name' in e ? e.name.replace(/[\r\n]/g, ' ') : '')).join('\n');
        lineOf = (line) => ledger.lines[line - 1] ?? line;
      } else {
        try {
          text = readFileSync(join(root, f), 'utf8');
        } catch {
          continue; // Tracked but deleted, or a folder (a submodule): nothing to read.
        }
      }
      for (const leak of findLeaks(index, text)) {
        const field = FIELD_WORDS[stored.field[leak.value]!];
        problems.push({ where: `${f}:${lineOf(leak.line)}`, message: `contains the ${field} of member ${stored.member[leak.value]}, which must stay in ${CONTACTS_FILE} (git keeps every committed version: see the README if it was committed)` });
      }
    }
  }
  return { ok: problems.length === 0, problems };
}

function isDocumentationAddress(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return /(^|\.)example\.(com|net|org)$/.test(domain) || /\.(example|invalid|test|localhost)$/.test(domain);
}

/** A group without git has no tracked files; its files are checked as if they were all tracked. */
function untrackedGroupFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  const here = join(root, dir);
  if (!existsSync(here)) return out;
  for (const entry of readdirSync(here, { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!dir && (entry.name === PRIVATE_DIR || entry.name === '.coop' || entry.name === '.git' || entry.name === 'node_modules')) continue;
      out.push(...untrackedGroupFiles(root, rel));
    } else if (entry.isFile()) out.push(rel);
  }
  return out;
}
