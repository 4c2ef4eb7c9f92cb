// A register edited by hand: lines that are not JSON, wrong types, unknown fields, duplicate
// membership numbers, sequence numbers out of order, events that cannot have happened. coop
// check must report each with its line; a command that would add to the register must refuse
// rather than build on it; nothing changes.

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostileCase } from '../table.js';

const LEDGER = 'register/ledger.jsonl';
const file = (group: string) => join(group, LEDGER);

/** The fixture's ledger has 6 lines (3 admissions, 3 appointments); a hand-added line is line 7. */
const addLine =
  (line: string | Buffer): ((group: string) => void) =>
  (group) =>
    appendFileSync(file(group), line);

const json = (o: Record<string, unknown>) => `${JSON.stringify(o)}\n`;
const admit = (extra: Record<string, unknown> = {}) => json({ seq: 7, date: '2024-02-01', type: 'admit', member: 4, name: 'Dee Handwritten', shares: 1, ...extra });

/** [what is wrong, how to spoil the ledger, what check must say about which line] */
const SPOILS: [string, (group: string) => void, RegExp][] = [
  ['a line that is not JSON', addLine('{"seq": 7, "date": "2024-02-01", "type": "admit"\n'), /ledger\.jsonl:7: is not valid JSON/],
  ['a half-written last line', addLine('{"seq":7,"date":"2024-02-01","type":"adm'), /ledger\.jsonl:7: is not valid JSON/],
  ['a list instead of an event', addLine('[7, "2024-02-01", "admit"]\n'), /ledger\.jsonl:7: is not a ledger event/],
  ['a bare number', addLine('7\n'), /ledger\.jsonl:7: is not a ledger event/],
  ['binary bytes', addLine(Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x0a])), /ledger\.jsonl:7: is not valid JSON/],
  ['a membership number as text', addLine(admit({ member: '4' })), /ledger\.jsonl:7: has an invalid "member"/],
  ['membership number zero', addLine(admit({ member: 0 })), /ledger\.jsonl:7: has an invalid "member"/],
  ['a negative membership number', addLine(admit({ member: -4 })), /ledger\.jsonl:7: has an invalid "member"/],
  ['a fractional membership number', addLine(admit({ member: 4.5 })), /ledger\.jsonl:7: has an invalid "member"/],
  ['a huge membership number', addLine(admit({ member: 1e20 })), /ledger\.jsonl:7: has an invalid "member"/],
  ['negative shares', addLine(admit({ shares: -1 })), /ledger\.jsonl:7: has an invalid "shares"/],
  ['fractional shares', addLine(admit({ shares: 0.5 })), /ledger\.jsonl:7: has an invalid "shares"/],
  ['an empty name', addLine(admit({ name: '  ' })), /ledger\.jsonl:7: has an invalid "name"/],
  ['a name of 10,000 characters', addLine(admit({ name: 'N'.repeat(10_000) })), /ledger\.jsonl:7: has an invalid "name"/],
  ['an impossible date (30 February)', addLine(admit({ date: '2024-02-30' })), /ledger\.jsonl:7: has an invalid date "2024-02-30"/],
  ['a date in UK order', addLine(admit({ date: '01/02/2024' })), /ledger\.jsonl:7: has an invalid date/],
  ['a date with a time', addLine(admit({ date: '2024-02-01T10:00:00Z' })), /ledger\.jsonl:7: has an invalid date/],
  ['no date', addLine(json({ seq: 7, type: 'admit', member: 4, name: 'Dee', shares: 1 })), /ledger\.jsonl:7: has an invalid date/],
  ['an unknown type of event', addLine(json({ seq: 7, date: '2024-02-01', type: 'expel-everyone' })), /ledger\.jsonl:7: has an unknown type "expel-everyone"/],
  // A renumbering (coop sync) must name an admission by its key, and a number.
  [
    'a renumbering with a key that is not one',
    addLine(json({ seq: 7, date: '2024-02-01', type: 'renumber', member: 5, from: 3, of: 'Cai Founder' })),
    /ledger\.jsonl:7: has an invalid "of"/,
  ],
  [
    'a renumbering to number zero',
    addLine(json({ seq: 7, date: '2024-02-01', type: 'renumber', member: 0, from: 3, of: '0123456789abcd' })),
    /ledger\.jsonl:7: has an invalid "member"/,
  ],
  ['an unknown field (an email in the register)', addLine(admit({ email: 'dee@example.org' })), /ledger\.jsonl:7: has an unknown field "email"/],
  ['no sequence number', addLine(json({ date: '2024-02-01', type: 'admit', member: 4, name: 'Dee', shares: 1 })), /ledger\.jsonl:7: has no valid "seq"/],
  ['a sequence number used twice', addLine(admit({ seq: 6 })), /ledger\.jsonl:7: has seq 6, but seq must increase/],
  ['a sequence number going backwards', addLine(admit({ seq: 2 })), /ledger\.jsonl:7: has seq 2, but seq must increase/],
  [
    'an unknown reason for leaving',
    addLine(json({ seq: 7, date: '2024-02-01', type: 'leave', member: 3, reason: 'bored', repaid: 1 })),
    /ledger\.jsonl:7: has an invalid "reason"/,
  ],
  ['an office in capitals', addLine(json({ seq: 7, date: '2024-02-01', type: 'appoint', member: 3, role: 'Chair' })), /ledger\.jsonl:7: has an invalid "role"/],
  // Lines that read well but cannot have happened
  ['a membership number admitted twice', addLine(admit({ member: 2 })), /ledger\.jsonl:7: admits member 2 again/],
  ['an event before the group was founded', addLine(admit({ date: '2023-12-31' })), /ledger\.jsonl:7: is dated 2023-12-31, before the group was founded/],
  ['an event in the future', addLine(admit({ date: '2999-01-01' })), /ledger\.jsonl:7: is dated 2999-01-01, which is in the future/],
  [
    'shares issued to someone never admitted',
    addLine(json({ seq: 7, date: '2024-02-01', type: 'issue', member: 99, shares: 1 })),
    /ledger\.jsonl:7: share issue: member 99 has not been admitted/,
  ],
  [
    'shares issued before the member joined (out of order)',
    addLine(json({ seq: 7, date: '2024-01-10', type: 'issue', member: 1, shares: 1 })),
    /ledger\.jsonl:7: .*before the group was founded|member 1 has not been admitted by 2024-01-10/,
  ],
  [
    'a member leaving twice',
    addLine(
      json({ seq: 7, date: '2024-02-01', type: 'leave', member: 3, reason: 'resigned', repaid: 1 }) +
        json({ seq: 8, date: '2024-03-01', type: 'leave', member: 3, reason: 'resigned', repaid: 0 }),
    ),
    /ledger\.jsonl:8: leaving: member 3 left on 2024-02-01/,
  ],
  [
    'shares above the rules’ maximum',
    addLine(json({ seq: 7, date: '2024-02-01', type: 'issue', member: 1, shares: 5 })),
    /ledger\.jsonl:7: member 1 would hold 6 shares, above the rules' maximum of 1/,
  ],
  [
    'withdrawing more shares than held',
    addLine(json({ seq: 7, date: '2024-02-01', type: 'withdraw', member: 1, shares: 9 })),
    /ledger\.jsonl:7: member 1 holds 1 shares and cannot withdraw 9/,
  ],
  ['shares transferred to the same member', addLine(json({ seq: 7, date: '2024-02-01', type: 'transfer', from: 1, to: 1, shares: 1 })), /ledger\.jsonl:7: .*transfer/],
  ['the same office given twice', addLine(json({ seq: 7, date: '2024-02-01', type: 'appoint', member: 1, role: 'chair' })), /ledger\.jsonl:7: member 1 is already chair/],
  [
    'a retirement from an office never held',
    addLine(json({ seq: 7, date: '2024-02-01', type: 'retire', member: 2, role: 'chair' })),
    /ledger\.jsonl:7: member 2 does not hold the office of chair/,
  ],
  ['the whole register replaced by garbage', (g) => writeFileSync(file(g), 'garbage\n'.repeat(50)), /ledger\.jsonl:1: is not valid JSON/],
  [
    'a register with its lines in reverse order',
    (g) => writeFileSync(file(g), `${readFileSync(file(g), 'utf8').trim().split('\n').reverse().join('\n')}\n`),
    /ledger\.jsonl:2: has seq 5, but seq must increase/,
  ],
];

/**
 * The first spoils are lines coop cannot read: every command refuses to build on those. The
 * rest read well but break the rules; coop check reports them, while a command adding to the
 * register adds nothing wrong of its own, so it may go ahead (it is not refused for old mistakes).
 */
const UNREADABLE = SPOILS.findIndex(([what]) => what === 'a membership number admitted twice');

const COMMANDS: { label: string; args: string[]; exit: number; everySpoil: boolean; message?: RegExp }[] = [
  { label: 'coop check', args: ['check'], exit: 1, everySpoil: true },
  {
    label: 'coop member add',
    args: ['member', 'add', 'Dana Newmember'],
    exit: 1,
    everySpoil: true,
    message: /The register \(register\/ledger\.jsonl\) has lines coop cannot read/,
  },
  { label: 'coop member list', args: ['member', 'list'], exit: 1, everySpoil: false, message: /The register \(register\/ledger\.jsonl\) has lines coop cannot read/ },
  { label: 'coop shares issue', args: ['shares', 'issue', '1', '1'], exit: 1, everySpoil: false, message: /The register \(register\/ledger\.jsonl\) has lines coop cannot read/ },
  {
    label: 'coop officer leave',
    args: ['officer', 'leave', '1', '--role', 'chair'],
    exit: 1,
    everySpoil: false,
    message: /The register \(register\/ledger\.jsonl\) has lines coop cannot read/,
  },
  {
    label: 'coop meeting new',
    args: ['meeting', 'new', 'general', '--date', '2024-09-10', '--time', '18:30', '--place', 'Hall', '--notice-date', '2024-08-01'],
    exit: 1,
    everySpoil: false,
    message: /The register \(register\/ledger\.jsonl\) has lines coop cannot read/,
  },
];

export const ledgerCases: HostileCase[] = COMMANDS.flatMap(({ label, args, exit, everySpoil, message }) =>
  SPOILS.filter((_, i) => (label === 'coop check' || i < UNREADABLE) && (everySpoil || i % 6 === label.length % 6)).map(([what, setup, checkSays]) => ({
    name: `${label} with a hand-edited register: ${what}`,
    args,
    setup,
    exit,
    message: message ?? checkSays,
  })),
);
