// What the secretary wrote into the draft minutes during the meeting, found by setting the draft
// beside the draft as coop wrote it: every line that is not coop's own is a note, and goes into
// the final minutes under the item it was written under. Nothing written is dropped silently:
// the only lines left out are vote tallies (the minutes give the votes recorded) and the
// signature line (the final minutes have their own), and close reports the tallies it left out.

export interface DraftNotes {
  /** Notes written under each item of business, by the item's number. */
  items: Map<number, string[]>;
  /** The chair as written in the draft, when it was filled in. */
  chair: string | null;
  /** Those in attendance who do not vote, as written in the draft. */
  inAttendance: string | null;
  /** Everything else written that has no item to go under (a heading added or renamed, text above the items). */
  other: string[];
  /** Vote tallies written in the draft, left out: the minutes give the votes on record. */
  tallies: string[];
}

const ITEM = /^##\s+(\d+)\.\s/;
const BLANKS = /_{3,}/g;
const HEADER_FIELD = /^-\s*\*\*([^*]+):\*\*\s*(.*)$/;
const TALLY = /^For:.*Against:.*Abstain:/;

interface Split {
  preamble: string[];
  items: Map<number, string[]>;
  /** Headings (and their lines) that are not numbered items. */
  stray: string[];
}

function split(text: string): Split {
  const out: Split = { preamble: [], items: new Map(), stray: [] };
  let current: string[] = out.preamble;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const item = ITEM.exec(line);
    if (item) {
      const n = Number(item[1]);
      current = out.items.get(n) ?? [];
      out.items.set(n, current);
      current.push(line);
      continue;
    }
    if (/^#{1,2}\s/.test(line) && current !== out.preamble && !/^#\s/.test(line)) {
      current = out.stray;
    }
    current.push(line);
  }
  return out;
}

/** The lines of `draft` that are not in `pristine` (each pristine line excuses one draft line), blank lines aside. */
function added(draft: readonly string[], pristine: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const l of pristine) left.set(l.trim(), (left.get(l.trim()) ?? 0) + 1);
  const out: string[] = [];
  for (const l of draft) {
    const key = l.trim();
    if (key === '') continue;
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else out.push(l);
  }
  return out;
}

/** A filled-in blank: the text without the underscores; null when nothing was written. */
function filled(text: string): string | null {
  const t = text.replace(BLANKS, ' ').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Sorts what was written into the draft by where it goes in the final minutes. */
export function readDraftNotes(draft: string, pristine: string): DraftNotes {
  const d = split(draft);
  const p = split(pristine);
  const notes: DraftNotes = { items: new Map(), chair: null, inAttendance: null, other: [], tallies: [] };
  for (const line of added(d.preamble, p.preamble)) {
    const field = HEADER_FIELD.exec(line.trim());
    const label = field?.[1]?.toLowerCase();
    if (field && (label === 'chair' || label === 'facilitator')) notes.chair = filled(field[2] ?? '');
    else if (field && label?.startsWith('in attendance')) notes.inAttendance = filled(field[2] ?? '');
    else if (filled(line)) notes.other.push(line);
  }
  for (const [n, lines] of d.items) {
    const pristineLines = p.items.get(n);
    if (!pristineLines) {
      notes.other.push(...lines.filter((l) => l.trim() !== ''));
      continue;
    }
    const kept: string[] = [];
    for (const line of added(lines, pristineLines)) {
      const t = line.trim();
      if (ITEM.test(t)) {
        // The item's heading was reworded: keep the words, under the item.
        kept.push(`(Heading in the draft: ${t.replace(/^##\s+/, '')})`);
        continue;
      }
      if (t.startsWith('Signed as a correct record')) continue;
      if (TALLY.test(t)) {
        if (filled(t.replace(/^For:|Against:|Abstain:|Result:/g, ''))) notes.tallies.push(`item ${n}: ${filled(t)}`);
        continue;
      }
      const note = /^Notes:/.test(t) ? filled(t.replace(/^Notes:/, '')) : filled(line) === null ? null : line.replace(BLANKS, '').trimEnd();
      if (note) kept.push(note);
    }
    if (kept.length > 0) notes.items.set(n, kept);
  }
  notes.other.push(...d.stray.filter((l) => l.trim() !== ''));
  return notes;
}
