// decodeLedger reads lines in coop's own compact form with a quick reader and every other line
// with JSON.parse. Whichever reads a line, the result must be the same: these tests decode each
// line both ways and compare, for written events, hand-edited variants and random text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEvent, decodeLedger, decodeLedgerBytes, encodeEvent, type LedgerEvent } from '../../src/core/ledger/events.js';

/** What decodeLedger should give: each non-blank line through decodeEvent (JSON.parse). */
function reference(text: string) {
  const events: unknown[] = [];
  const problems: { line: number; message: string }[] = [];
  let lastSeq = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const d = decodeEvent(line);
    if (typeof d === 'string') {
      problems.push({ line: i + 1, message: d });
      return;
    }
    if (d.seq <= lastSeq) problems.push({ line: i + 1, message: `has seq ${d.seq}, but seq must increase down the file (the line before has ${lastSeq})` });
    lastSeq = Math.max(lastSeq, d.seq);
    events.push(d);
  });
  return { events, problems };
}

function expectSameAsJsonParse(text: string) {
  // From the text, and from its UTF-8 bytes as readLedger reads the file (compared with what
  // those bytes read as text: a lone surrogate cannot be written in UTF-8).
  const bytes = new TextEncoder().encode(text);
  for (const [fast, slow] of [
    [decodeLedger(text), reference(text)],
    [decodeLedgerBytes(bytes), reference(new TextDecoder().decode(bytes))],
  ] as const) {
    expect(fast.problems).toEqual(slow.problems);
    expect(fast.events).toEqual(slow.events);
    // Same keys in the same order, so a re-encoded event is the same line.
    expect(fast.events.map((e) => Object.keys(e))).toEqual(slow.events.map((e) => Object.keys(e as object)));
  }
}

const written: LedgerEvent[] = [
  { seq: 1, date: '2024-01-15', type: 'admit', member: 1, name: 'Siân O’Brien-Nowak', shares: 1 },
  { seq: 2, date: '2024-01-15', type: 'appoint', member: 1, role: 'chair' },
  { seq: 3, date: '2024-02-29', type: 'issue', member: 1, shares: 250 },
  { seq: 4, date: '2024-03-01', type: 'withdraw', member: 1, shares: 5 },
  { seq: 5, date: '2024-03-02', type: 'transfer', from: 1, to: 2, shares: 3 },
  { seq: 6, date: '2024-03-03', type: 'rename', member: 1, name: 'Zoë "Zo" Smith\\Jones' },
  { seq: 7, date: '2024-03-04', type: 'retire', member: 1, role: 'chair' },
  { seq: 8, date: '2024-03-05', type: 'leave', member: 1, reason: 'resigned', repaid: 246 },
];

describe('decoding ledger lines in the compact form', () => {
  it('reads what encodeEvent writes, with the same events as JSON.parse', () => {
    const text = written.map((e) => `${encodeEvent(e)}\n`).join('');
    expectSameAsJsonParse(text);
    expect(decodeLedger(text).events).toEqual(written);
    expect(decodeLedgerBytes(new TextEncoder().encode(text)).events).toEqual(written);
  });

  it('reads bytes that are not valid UTF-8 as the text they decode to', () => {
    const good = new TextEncoder().encode(`${encodeEvent(written[0]!)}\n`);
    const bad = Uint8Array.from([...good.slice(0, 60), 0xff, 0xc3, ...good.slice(60)]);
    const fromBytes = decodeLedgerBytes(bad);
    const fromText = decodeLedger(new TextDecoder().decode(bad));
    expect(fromBytes).toEqual(fromText);
  });

  it('writes keys in the canonical order whatever order the event was built in', () => {
    const shuffled = { shares: 1, name: 'Ada', member: 4, type: 'admit', date: '2024-01-15', seq: 9 } as unknown as LedgerEvent;
    expect(encodeEvent(shuffled)).toBe('{"seq":9,"date":"2024-01-15","type":"admit","member":4,"name":"Ada","shares":1}');
  });

  const variants: [string, string][] = [
    ['spaces after colons', '{"seq": 1, "date": "2024-01-15", "type": "admit", "member": 1, "name": "Ada", "shares": 1}'],
    ['another key order', '{"type":"admit","seq":1,"date":"2024-01-15","member":1,"name":"Ada","shares":1}'],
    ['a fraction', '{"seq":1,"date":"2024-01-15","type":"admit","member":1.5,"name":"Ada","shares":1}'],
    ['an exponent', '{"seq":1e2,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1}'],
    ['a negative number', '{"seq":1,"date":"2024-01-15","type":"admit","member":-1,"name":"Ada","shares":1}'],
    ['a leading zero', '{"seq":01,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1}'],
    ['a huge number', '{"seq":12345678901234567890,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1}'],
    ['an escaped name', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"A\\u0064a","shares":1}'],
    ['a number as text', '{"seq":1,"date":"2024-01-15","type":"admit","member":"1","name":"Ada","shares":1}'],
    ['a missing field', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"shares":1}'],
    ['an extra field', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1,"note":"x"}'],
    ['a duplicated field', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1,"shares":2}'],
    ['an impossible date', '{"seq":1,"date":"2024-02-30","type":"admit","member":1,"name":"Ada","shares":1}'],
    ['a short date', '{"seq":1,"date":"2024-2-3","type":"admit","member":1,"name":"Ada","shares":1}'],
    ['letters in the date', '{"seq":1,"date":"2024-0a-15","type":"admit","member":1,"name":"Ada","shares":1}'],
    ['an unknown type', '{"seq":1,"date":"2024-01-15","type":"admits","member":1,"name":"Ada","shares":1}'],
    ['a prototype type', '{"seq":1,"date":"2024-01-15","type":"constructor","member":1}'],
    ['a blank name', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":" ","shares":1}'],
    ['a bad role', '{"seq":1,"date":"2024-01-15","type":"appoint","member":1,"role":"Chair"}'],
    ['a bad reason', '{"seq":1,"date":"2024-01-15","type":"leave","member":1,"reason":"bored","repaid":0}'],
    ['a trailing comma', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1,}'],
    ['a Windows line end', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1}\r'],
    ['not JSON', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1'],
    ['an array', '[1,2,3]'],
    ['a byte-order mark', '\ufeff{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1}'],
    ['a name in Welsh and Irish', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Siân Ní Bhriain 😀","shares":1}'],
    ['a lone surrogate', '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"A\ud800b","shares":1}'],
  ];
  for (const [name, line] of variants) {
    it(`agrees with JSON.parse on a line with ${name}`, () => {
      expectSameAsJsonParse(`${encodeEvent(written[0]!)}\n${line}\n\n${encodeEvent({ ...written[2]!, seq: 50 })}\n`);
    });
  }

  it('agrees with JSON.parse on any event-shaped line, however its values are spelt', () => {
    const value = fc.oneof(
      fc.integer({ min: -3, max: 2 ** 53 + 5 }),
      fc.double(),
      fc.string(),
      fc.constantFrom('2024-01-15', '2024-02-30', 'chair', 'resigned'),
      fc.constant(null),
    );
    const event = fc.record({
      seq: value,
      date: value,
      type: fc.constantFrom('admit', 'leave', 'rename', 'issue', 'withdraw', 'transfer', 'appoint', 'retire', 'other'),
      member: value,
      name: fc.string({ unit: 'binary' }),
      shares: value,
      from: value,
      to: value,
      role: value,
      reason: value,
      repaid: value,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.boolean()), { maxLength: 8 }), (rows) => {
        // Half the lines go through encodeEvent (canonical order, only the type's own fields).
        const lines = rows.map(([e, canonical]) => (canonical ? encodeEvent(e as unknown as LedgerEvent) : JSON.stringify(e)));
        expectSameAsJsonParse(lines.join('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
