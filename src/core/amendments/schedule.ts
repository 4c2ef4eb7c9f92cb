// The schedule of changes: which clauses of the governing document an amendment changes, with
// the current and the new wording side by side. Pure: two finished documents in (clauses
// numbered, as finishClauses leaves them), a list out. A registrar reads this to see exactly
// what the members voted for.

export interface ScheduleEntry {
  /** The paragraph's number in the current document ("9.3"), or the clause's ("9") when whole. */
  ref: string;
  /** The clause's heading, "General meetings". */
  title: string;
  /** The wording now; null for a paragraph or clause the amendment adds. */
  current: string | null;
  /** The wording proposed; null for one it deletes. */
  proposed: string | null;
}

interface Clause {
  number: string;
  title: string;
  paragraphs: string[];
}

const HEADING = /^## (\d+)\. (.*)$/;
const NUMBER = /^\*\*(\d+(?:\.\d+)?)\*\* /;

/** Splits a finished document into its numbered clauses and their paragraphs. */
export function splitClauses(markdown: string): Clause[] {
  const clauses: Clause[] = [];
  let current: Clause | undefined;
  for (const block of markdown.split(/\n{2,}/)) {
    const text = block.trim();
    if (!text) continue;
    const heading = HEADING.exec(text.split('\n')[0]!);
    if (heading) {
      current = { number: heading[1]!, title: heading[2]!.trim(), paragraphs: [] };
      clauses.push(current);
      const rest = text.split('\n').slice(1).join('\n').trim();
      if (rest) current.paragraphs.push(rest);
    } else if (current) current.paragraphs.push(text);
  }
  return clauses;
}

/** A paragraph without its number, to compare wording that only moved. */
const wording = (p: string) => p.replace(NUMBER, '');
const refOf = (p: string, clause: Clause) => NUMBER.exec(p)?.[1] ?? clause.number;

/** Every clause or paragraph whose wording differs, in the order of the proposed document. */
export function scheduleOfChanges(currentDoc: string, proposedDoc: string): ScheduleEntry[] {
  const before = splitClauses(currentDoc);
  const after = splitClauses(proposedDoc);
  const byTitle = new Map(before.map((c) => [c.title, c]));
  const out: ScheduleEntry[] = [];
  for (const clause of after) {
    const old = byTitle.get(clause.title);
    byTitle.delete(clause.title);
    if (!old) {
      out.push({ ref: clause.number, title: clause.title, current: null, proposed: clause.paragraphs.join('\n\n') });
      continue;
    }
    if (old.paragraphs.length !== clause.paragraphs.length) {
      if (old.paragraphs.map(wording).join('\n') !== clause.paragraphs.map(wording).join('\n')) {
        out.push({ ref: old.number, title: clause.title, current: old.paragraphs.join('\n\n'), proposed: clause.paragraphs.join('\n\n') });
      }
      continue;
    }
    clause.paragraphs.forEach((p, i) => {
      const q = old.paragraphs[i]!;
      if (wording(p) !== wording(q)) out.push({ ref: refOf(q, old), title: clause.title, current: q, proposed: p });
    });
  }
  for (const old of byTitle.values()) out.push({ ref: old.number, title: old.title, current: old.paragraphs.join('\n\n'), proposed: null });
  return out;
}

/**
 * Makes the schedule's changes in a document that may differ from the one it was worked out
 * from (a group's own registered edits, a later template's wording): each current wording is
 * found and replaced. Entries whose current wording is not in the document are left out and
 * returned, so the caller can say so rather than overwrite the group's words.
 */
export function applySchedule(doc: string, schedule: readonly ScheduleEntry[]): { text: string; kept: ScheduleEntry[] } {
  let text = doc;
  const kept: ScheduleEntry[] = [];
  for (const e of schedule) {
    if (e.current === null || e.proposed === null || !text.includes(e.current)) {
      kept.push(e);
      continue;
    }
    text = text.replace(e.current, () => e.proposed!);
  }
  return { text, kept };
}
