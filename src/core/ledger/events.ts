// The register is a ledger: one JSON object a line in register/ledger.jsonl, appended, never
// rewritten. Each event has a sequence number (its place in the file, never reused) and the
// date it took effect, which may be earlier than events already recorded (back-dating).
//
// Lines are decoded by hand rather than by the schema library: `coop check` decodes every
// line of a 100,000-member register in one pass and must stay near a second.

import { isIsoDate, type IsoDate } from '../dates.js';
import { compactBytesReader, compactLineReader, type CompactChecks, type EventMaker, type FieldLayout } from './compact-line.js';

export const LEAVE_REASONS = ['resigned', 'expelled', 'deceased', 'ineligible', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
/** How a member takes notices: by email only with their consent, recorded with its date; by post otherwise. */
export const NOTICE_METHODS = ['email', 'post'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

interface Base {
  /** Position in the ledger, 1, 2, 3 …: unique and increasing down the file. */
  seq: number;
  /** The date the event took effect. */
  date: IsoDate;
}

export interface AdmitEvent extends Base {
  type: 'admit';
  member: number;
  name: string;
  /** Shares taken on admission; 0 where the form has no shares. */
  shares: number;
}
export interface LeaveEvent extends Base {
  type: 'leave';
  member: number;
  reason: LeaveReason;
  /** Withdrawable shares repaid on leaving. */
  repaid: number;
}
export interface RenameEvent extends Base {
  type: 'rename';
  member: number;
  name: string;
}
export interface IssueEvent extends Base {
  type: 'issue';
  member: number;
  shares: number;
}
export interface WithdrawEvent extends Base {
  type: 'withdraw';
  member: number;
  shares: number;
}
export interface TransferEvent extends Base {
  type: 'transfer';
  from: number;
  to: number;
  shares: number;
}
export interface AppointEvent extends Base {
  type: 'appoint';
  member: number;
  role: string;
}
export interface RetireEvent extends Base {
  type: 'retire';
  member: number;
  role: string;
}
/** A member's consent to notices by email given (method email) or withdrawn (post), on its date. */
export interface NoticesEvent extends Base {
  type: 'notices';
  member: number;
  method: NoticeMethod;
}

// Registration, filings, members' other property and erasure (issue 11, items 5–7).
/** What a group files each year: see core/register/deadlines.ts for when each falls due. */
export const FILINGS = ['confirmation-statement', 'accounts', 'annual-return', 'cic-report'] as const;
export type Filing = (typeof FILINGS)[number];
/** Property a member holds in the group besides shares (2014 Act s.30(2)(d)). */
export const PROPERTY_KINDS = ['loan', 'deposit'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

/** The society was registered (FCA) or the company incorporated (Companies House) on `date`. */
export interface RegisteredEvent extends Base {
  type: 'registered';
  /** The register number ("RS008765", "12345678"); empty when not yet known. */
  number: string;
}
/** A filing made on `date`, covering the period that ends on `period`. */
export interface FiledEvent extends Base {
  type: 'filed';
  filing: Filing;
  /** The year end the filing covers, or a confirmation statement's confirmation date. */
  period: IsoDate;
}
/** A member lent or deposited money with the group. */
export interface LendEvent extends Base {
  type: 'lend';
  member: number;
  kind: PropertyKind;
  pence: number;
}
/** The group repaid some of a member's loan or deposit. */
export interface RepayEvent extends Base {
  type: 'repay';
  member: number;
  kind: PropertyKind;
  pence: number;
}
/** A former member's contact details were erased from the private store, their retention over. */
export interface ForgetEvent extends Base {
  type: 'forget';
  member: number;
}

// Members' lives (issue 18, item 7): shares owed until repaid, and a deceased member's nominee.
/** Who was paid for a member's shares: the member, or for a member who died their nominee or personal representatives. */
export const SHARE_PAYEES = ['member', 'nominee', 'representatives'] as const;
export type SharePayee = (typeof SHARE_PAYEES)[number];
/**
 * The group paid what it owed for shares withdrawn or given up on leaving: `pence` paid to
 * `payee`. It settles every share owed to the member on its date (the rules may let the board
 * pay less than their nominal value, so the amount is recorded as paid).
 */
export interface RepaySharesEvent extends Base {
  type: 'repay-shares';
  member: number;
  pence: number;
  payee: SharePayee;
}
/** A member who died had nominated `name` to receive their property in the society (2014 Act s.37). */
export interface NomineeEvent extends Base {
  type: 'nominee';
  member: number;
  name: string;
}
/**
 * A membership number changed after two copies of the register gave the same number to
 * different people (see core/ledger/renumber.ts): `of` names the admission, `from` the number it
 * had, `member` the one it has now. Appended, like every correction; nothing is rewritten.
 */
export interface RenumberEvent extends Base {
  type: 'renumber';
  member: number;
  from: number;
  of: string;
}

export type LedgerEvent =
  | AdmitEvent
  | LeaveEvent
  | RenameEvent
  | IssueEvent
  | WithdrawEvent
  | TransferEvent
  | AppointEvent
  | RetireEvent
  | NoticesEvent
  | RegisteredEvent
  | FiledEvent
  | LendEvent
  | RepayEvent
  | ForgetEvent
  | RepaySharesEvent
  | NomineeEvent
  | RenumberEvent;

export type EventType = LedgerEvent['type'];
/** An event before the ledger gives it its sequence number. */
export type NewEvent = LedgerEvent extends infer E ? (E extends LedgerEvent ? Omit<E, 'seq'> : never) : never;

export { LEDGER_FILE } from '../layout.js';

export interface DecodeProblem {
  line: number;
  message: string;
}

/** Serialises one event as its ledger line (no newline). Keys in a fixed order so diffs read well. */
export function encodeEvent(e: LedgerEvent): string {
  const o = e as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = { seq: o.seq, date: o.date, type: o.type };
  for (const [key] of LAYOUT[e.type] ?? []) ordered[key] = o[key];
  // Anything else an event carries is kept, after the known fields (decoding will report it).
  for (const key of Object.keys(o)) if (!Object.hasOwn(ordered, key)) ordered[key] = o[key];
  return JSON.stringify(ordered);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
const isName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 500;
const isRole = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z-]{0,39}$/.test(v);

const FIELDS: Record<EventType, Record<string, (v: unknown) => boolean>> = {
  admit: { member: isNumber, name: isName, shares: isCount },
  leave: { member: isNumber, reason: (v) => (LEAVE_REASONS as readonly unknown[]).includes(v), repaid: isCount },
  rename: { member: isNumber, name: isName },
  issue: { member: isNumber, shares: isNumber },
  withdraw: { member: isNumber, shares: isNumber },
  transfer: { from: isNumber, to: isNumber, shares: isNumber },
  appoint: { member: isNumber, role: isRole },
  retire: { member: isNumber, role: isRole },
  notices: { member: isNumber, method: (v) => (NOTICE_METHODS as readonly unknown[]).includes(v) },
  registered: { number: (v) => typeof v === 'string' && v.length <= 40 && !/[\u0000-\u001f]/.test(v) },
  filed: { filing: (v) => (FILINGS as readonly unknown[]).includes(v), period: (v) => typeof v === 'string' && isIsoDate(v) },
  lend: { member: isNumber, kind: (v) => (PROPERTY_KINDS as readonly unknown[]).includes(v), pence: isNumber },
  repay: { member: isNumber, kind: (v) => (PROPERTY_KINDS as readonly unknown[]).includes(v), pence: isNumber },
  forget: { member: isNumber },
  'repay-shares': { member: isNumber, pence: isNumber, payee: (v) => (SHARE_PAYEES as readonly unknown[]).includes(v) },
  nominee: { member: isNumber, name: isName },
  renumber: { member: isNumber, from: isNumber, of: (v) => typeof v === 'string' && /^[0-9a-f]{14}$/.test(v) },
};

const TEXT_FIELDS = new Set(['name', 'reason', 'role', 'method', 'number', 'filing', 'period', 'kind', 'payee', 'of']);

const FIELD_HINT: Record<string, string> = {
  member: 'a membership number (a whole number from 1)',
  from: 'a membership number (a whole number from 1)',
  to: 'a membership number (a whole number from 1)',
  name: 'a name (text, not empty)',
  shares: 'a whole number of shares',
  repaid: 'a whole number of shares',
  reason: `one of ${LEAVE_REASONS.join(', ')}`,
  role: 'a role in lower case, such as secretary',
  method: `one of ${NOTICE_METHODS.join(', ')}`,
  number: 'a register number (text, at most 40 characters)',
  filing: `one of ${FILINGS.join(', ')}`,
  period: 'a date, YYYY-MM-DD',
  kind: `one of ${PROPERTY_KINDS.join(', ')}`,
  pence: 'an amount in pence (a whole number from 1)',
  payee: `one of ${SHARE_PAYEES.join(', ')}`,
  of: "an admission's key (14 hex digits)",
};

/** The canonical order of each type's fields, as encodeEvent writes them, and which are text. */
const LAYOUT: FieldLayout = Object.fromEntries(Object.entries(FIELDS).map(([type, fields]) => [type, Object.keys(fields).map((key) => [key, TEXT_FIELDS.has(key)] as const)]));

/** Each type's event from its values in LAYOUT's order, keys in that order (see EventMaker). */
const MAKERS: Record<EventType, EventMaker> = {
  admit: (seq, date, member, name, shares) => ({ seq, date, type: 'admit', member, name, shares }),
  leave: (seq, date, member, reason, repaid) => ({ seq, date, type: 'leave', member, reason, repaid }),
  rename: (seq, date, member, name) => ({ seq, date, type: 'rename', member, name }),
  issue: (seq, date, member, shares) => ({ seq, date, type: 'issue', member, shares }),
  withdraw: (seq, date, member, shares) => ({ seq, date, type: 'withdraw', member, shares }),
  transfer: (seq, date, from, to, shares) => ({ seq, date, type: 'transfer', from, to, shares }),
  appoint: (seq, date, member, role) => ({ seq, date, type: 'appoint', member, role }),
  retire: (seq, date, member, role) => ({ seq, date, type: 'retire', member, role }),
  notices: (seq, date, member, method) => ({ seq, date, type: 'notices', member, method }),
  registered: (seq, date, number) => ({ seq, date, type: 'registered', number }),
  filed: (seq, date, filing, period) => ({ seq, date, type: 'filed', filing, period }),
  lend: (seq, date, member, kind, pence) => ({ seq, date, type: 'lend', member, kind, pence }),
  repay: (seq, date, member, kind, pence) => ({ seq, date, type: 'repay', member, kind, pence }),
  forget: (seq, date, member) => ({ seq, date, type: 'forget', member }),
  'repay-shares': (seq, date, member, pence, payee) => ({ seq, date, type: 'repay-shares', member, pence, payee }),
  nominee: (seq, date, member, name) => ({ seq, date, type: 'nominee', member, name }),
  renumber: (seq, date, member, from, of) => ({ seq, date, type: 'renumber', member, from, of }),
};

/** Each type's fields with their checks, as a list: checked in this order on every line. */
const FIELD_CHECKS = Object.fromEntries(Object.entries(FIELDS).map(([type, fields]) => [type, Object.entries(fields)])) as Record<EventType, [string, (v: unknown) => boolean][]>;

/** The same checks by position, for the bytes reader (compact-line.ts): a value that fails sends its line to decodeEvent. */
const VALUE_CHECKS: CompactChecks = {
  date: isIsoDate,
  fields: Object.fromEntries(Object.entries(FIELD_CHECKS).map(([type, checks]) => [type, checks.map(([, ok]) => ok)])),
};

/** Decodes one ledger line. Returns the event, or a message saying what is wrong with it. */
export function decodeEvent(line: string): LedgerEvent | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'is not valid JSON (was the file edited by hand?)';
  }
  return checkEvent(raw, isIsoDate, false);
}

/**
 * Checks a parsed line's shape and values: the event, or what is wrong with it. `canonical`:
 * the compact reader built it, with exactly the type's own keys, so none can be unknown.
 */
function checkEvent(raw: unknown, validDate: (text: string) => boolean, canonical: boolean): LedgerEvent | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'is not a ledger event (expected {"seq": …, "date": …, "type": …})';
  const o = raw as Record<string, unknown>;
  if (!isNumber(o.seq)) return 'has no valid "seq" (a whole number from 1)';
  if (typeof o.date !== 'string' || !validDate(o.date)) return `has an invalid date ${JSON.stringify(o.date)} (expected a real date, YYYY-MM-DD)`;
  const type = o.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) {
    return `has an unknown type ${JSON.stringify(type)} (expected one of ${Object.keys(FIELDS).join(', ')})`;
  }
  const fields = FIELDS[type as EventType];
  if (!canonical) {
    for (const key in o) {
      if (key !== 'seq' && key !== 'date' && key !== 'type' && !Object.hasOwn(fields, key)) return `has an unknown field "${key}" for a ${type} event`;
    }
  }
  for (const [key, ok] of FIELD_CHECKS[type as EventType]) {
    if (!ok(o[key])) return `has an invalid "${key}": ${JSON.stringify(o[key]) ?? 'missing'} (expected ${FIELD_HINT[key]})`;
  }
  return o as unknown as LedgerEvent;
}

/**
 * Decodes a whole ledger file's text in one pass. Every bad line is reported with its line
 * number; good lines are returned in file order. Blank lines are allowed (a trailing newline).
 */
export function decodeLedger(text: string): { events: LedgerEvent[]; lines: number[]; problems: DecodeProblem[] } {
  const readCompact = compactLineReader(LAYOUT);
  const out = collector((start, end) => text.slice(start, end));
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // Lines in coop's own compact form are read in place; any other line goes through JSON.parse.
    const compact = readCompact(text, start, end);
    out.add(compact, start, end);
    start = end + 1;
  }
  return out.result();
}

/**
 * The same from the file's bytes (UTF-8), without making the whole file one string first:
 * quicker, and half the memory, at 100,000 members. Gives exactly what decodeLedger gives for
 * the text the bytes decode to.
 */
export function decodeLedgerBytes(bytes: Uint8Array): { events: LedgerEvent[]; lines: number[]; problems: DecodeProblem[] } {
  // The reader checks each value as it reads it (VALUE_CHECKS): an event it returns is checked.
  const readCompact = compactBytesReader(LAYOUT, MAKERS, VALUE_CHECKS);
  const utf8 = new TextDecoder();
  const out = collector((start, end) => utf8.decode(bytes.subarray(start, end)), true);
  let start = 0;
  while (start < bytes.length) {
    const compact = readCompact.read(bytes, start);
    const end = readCompact.end;
    out.add(compact, start, end);
    start = end + 1;
  }
  return out.result();
}

/** Collects decoded lines in file order, with their line numbers and problems; lineText gives a line's text. */
function collector(lineText: (start: number, end: number) => string, compactChecked = false) {
  const events: LedgerEvent[] = [];
  /** lines[i] is the file line number of events[i], for messages. */
  const lines: number[] = [];
  const problems: DecodeProblem[] = [];
  let lineNo = 0;
  let lastSeq = 0;
  // A register of years has a few thousand distinct dates among its many lines: check each once.
  const dates = new Map<string, boolean>();
  const validDate = (d: string) => {
    let ok = dates.get(d);
    if (ok === undefined) dates.set(d, (ok = isIsoDate(d)));
    return ok;
  };
  return {
    /** The next line, at [start, end): read by the compact reader, or (undefined) to be decoded from its text. */
    add(compact: Record<string, unknown> | undefined, start: number, end: number): void {
      lineNo += 1;
      let decoded: LedgerEvent | string;
      if (compact) {
        decoded = compactChecked ? (compact as unknown as LedgerEvent) : checkEvent(compact, validDate, true);
      } else {
        const line = lineText(start, end).trim();
        if (line === '') return;
        decoded = decodeEvent(line);
      }
      if (typeof decoded === 'string') {
        problems.push({ line: lineNo, message: decoded });
        return;
      }
      if (decoded.seq <= lastSeq) {
        problems.push({ line: lineNo, message: `has seq ${decoded.seq}, but seq must increase down the file (the line before has ${lastSeq})` });
      }
      lastSeq = Math.max(lastSeq, decoded.seq);
      events.push(decoded);
      lines.push(lineNo);
    },
    result: () => ({ events, lines, problems }),
  };
}
