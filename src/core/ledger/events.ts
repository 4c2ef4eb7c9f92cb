// The register is a ledger: one JSON object a line in register/ledger.jsonl, appended, never
// rewritten. Each event has a sequence number (its place in the file, never reused) and the
// date it took effect, which may be earlier than events already recorded (back-dating).
//
// Lines are decoded by hand rather than by the schema library: `coop check` decodes every
// line of a 100,000-member register in one pass and must stay near a second.

import { isIsoDate, type IsoDate } from '../dates.js';

export const LEAVE_REASONS = ['resigned', 'expelled', 'deceased', 'ineligible', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

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

export type LedgerEvent =
  | AdmitEvent
  | LeaveEvent
  | RenameEvent
  | IssueEvent
  | WithdrawEvent
  | TransferEvent
  | AppointEvent
  | RetireEvent;

export type EventType = LedgerEvent['type'];
/** An event before the ledger gives it its sequence number. */
export type NewEvent = LedgerEvent extends infer E ? (E extends LedgerEvent ? Omit<E, 'seq'> : never) : never;

export const LEDGER_FILE = 'register/ledger.jsonl';

export interface DecodeProblem {
  line: number;
  message: string;
}

/** Serialises one event as its ledger line (no newline). Keys in a fixed order so diffs read well. */
export function encodeEvent(e: LedgerEvent): string {
  return JSON.stringify(e);
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
};

/** The same, as lists made once: decodeEvent runs for every line of a 100,000-member ledger. */
const FIELD_LISTS = Object.fromEntries(Object.entries(FIELDS).map(([type, fields]) => [type, Object.entries(fields)])) as Record<
  EventType,
  [string, (v: unknown) => boolean][]
>;

const FIELD_HINT: Record<string, string> = {
  member: 'a membership number (a whole number from 1)',
  from: 'a membership number (a whole number from 1)',
  to: 'a membership number (a whole number from 1)',
  name: 'a name (text, not empty)',
  shares: 'a whole number of shares',
  repaid: 'a whole number of shares',
  reason: `one of ${LEAVE_REASONS.join(', ')}`,
  role: 'a role in lower case, such as secretary',
};

/** Decodes one ledger line. Returns the event, or a message saying what is wrong with it. */
export function decodeEvent(line: string): LedgerEvent | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'is not valid JSON (was the file edited by hand?)';
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'is not a ledger event (expected {"seq": …, "date": …, "type": …})';
  const o = raw as Record<string, unknown>;
  if (!isNumber(o.seq)) return 'has no valid "seq" (a whole number from 1)';
  if (typeof o.date !== 'string' || !isIsoDate(o.date)) return `has an invalid date ${JSON.stringify(o.date)} (expected a real date, YYYY-MM-DD)`;
  const type = o.type;
  if (typeof type !== 'string' || !(type in FIELDS)) {
    return `has an unknown type ${JSON.stringify(type)} (expected one of ${Object.keys(FIELDS).join(', ')})`;
  }
  const fields = FIELDS[type as EventType];
  for (const key in o) {
    if (key !== 'seq' && key !== 'date' && key !== 'type' && !(key in fields)) return `has an unknown field "${key}" for a ${type} event`;
  }
  for (const [key, ok] of FIELD_LISTS[type as EventType]) {
    if (!ok(o[key])) return `has an invalid "${key}": ${JSON.stringify(o[key]) ?? 'missing'} (expected ${FIELD_HINT[key]})`;
  }
  return o as unknown as LedgerEvent;
}

/**
 * Decodes a whole ledger file's text in one pass. Every bad line is reported with its line
 * number; good lines are returned in file order. Blank lines are allowed (a trailing newline).
 */
export function decodeLedger(text: string): { events: LedgerEvent[]; lines: number[]; problems: DecodeProblem[] } {
  const events: LedgerEvent[] = [];
  /** lines[i] is the file line number of events[i], for messages. */
  const lines: number[] = [];
  const problems: DecodeProblem[] = [];
  let start = 0;
  let lineNo = 0;
  let lastSeq = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo += 1;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const decoded = decodeEvent(line);
    if (typeof decoded === 'string') {
      problems.push({ line: lineNo, message: decoded });
      continue;
    }
    if (decoded.seq <= lastSeq) {
      problems.push({ line: lineNo, message: `has seq ${decoded.seq}, but seq must increase down the file (the line before has ${lastSeq})` });
    }
    lastSeq = Math.max(lastSeq, decoded.seq);
    events.push(decoded);
    lines.push(lineNo);
  }
  return { events, lines, problems };
}
