// The contact store is read from its bytes with a quick reader for lines in coop's own form and
// JSON.parse for every other line. Whichever reads a line, the result must be what reading the
// whole file as text with JSON.parse gives (decodeContacts): these tests compare the two on
// written lines, hand-edited variants and random lines, and through the chunked file reader.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contactsBytesDecoder, decodeContacts, encodeContactLine, joinContacts, strayContacts, type DecodedContacts } from '../../src/core/contacts.js';
import { readLinesInChunks } from '../../src/io/chunked-lines.js';

/** Decodes bytes with the bytes reader, handed over in pieces that end after a newline (as the file reader does). */
function fromBytes(bytes: Uint8Array, cuts: number[] = []): DecodedContacts {
  const decoder = contactsBytesDecoder();
  // A reused buffer, left dirty between pieces: the reader must not look past a piece's end.
  const buffer = new Uint8Array(bytes.length + 64).fill(0x7d);
  let from = 0;
  const ends = [...cuts.map((c) => bytes.indexOf(0x0a, Math.min(c, bytes.length)) + 1).filter((e) => e > 0), bytes.length].sort((a, b) => a - b);
  for (const to of ends) {
    if (to <= from) continue;
    buffer.fill(0x7d);
    buffer.set(bytes.subarray(from, to), 0);
    decoder.lines(buffer, 0, to - from);
    from = to;
  }
  return decoder.result();
}

function expectSame(text: string, cuts: number[] = []) {
  const bytes = new TextEncoder().encode(text);
  const slow = decodeContacts(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  const fast = fromBytes(bytes, cuts);
  expect(fast.problems).toEqual(slow.problems);
  expect([...fast.contacts.entries()]).toEqual([...slow.contacts.entries()]);
  // Same fields in the same order, so JSON output of a member's contact is unchanged.
  expect([...fast.contacts.values()].map((c) => Object.keys(c))).toEqual([...slow.contacts.values()].map((c) => Object.keys(c)));
  expect(fast.stored).toEqual(slow.stored);
  expect([...fast.keyed.entries()]).toEqual([...slow.keyed.entries()]);
}

const written = [
  { member: 1, email: 'ada@example.org' },
  { member: 2, email: 'bo@example.net', address: '9 Cedar Road, Nottingham', phone: '07700 900123' },
  { member: 3, phone: '07700 900456', address: 'Tŷ Newydd, Aberystwyth', email: 'zoë@example.org' },
  { member: 2, address: null },
  { member: 1, email: '  ' },
  { member: 1, phone: '01632 960000' },
];

describe('contact lines keyed to an admission', () => {
  const keyedLines = [
    { member: 1, email: 'old@example.org' },
    { member: 1, of: 'k1', phone: '07700 900001' },
    { member: 4, of: 'k4', email: 'dee@example.org', address: '1 High St' },
    { member: 4, of: 'k4', address: null },
    { member: 4, of: 'other', email: 'someone.else@example.org' },
  ];
  const text = keyedLines.map((l) => encodeContactLine(l)).join('');

  it('are read alike by both readers, the key written straight after the number', () => {
    expect(text.split('\n')[1]).toBe('{"member":1,"of":"k1","phone":"07700 900001"}');
    expectSame(text);
    expectSame(text.replace('"of":"k1",', '"of" : "k1",'));
    // The time a line was written goes last, and is kept with the key (coop contacts import reads it).
    const timed = text + encodeContactLine({ member: 4, of: 'k4', phone: '07700 900004', at: '2026-11-30T02:31:19.143Z' });
    expect(timed).toContain('{"member":4,"of":"k4","phone":"07700 900004","at":"2026-11-30T02:31:19.143Z"}\n');
    expectSame(timed);
    expect(fromBytes(Buffer.from(timed)).keyed.get('k4')?.at).toBe('2026-11-30T02:31:19.143Z');
  });

  it('join the member whose admission they name, over older unkeyed lines; another admission’s join nobody', () => {
    const decoded = decodeContacts(text);
    const keys = new Map([
      [1, 'k1'],
      [4, 'k4'],
    ]);
    expect([...joinContacts(decoded, keys)]).toEqual([
      [1, { email: 'old@example.org', phone: '07700 900001' }],
      [4, { email: 'dee@example.org' }],
    ]);
    expect(strayContacts(decoded, keys)).toEqual([{ member: 4, key: 'other' }]);
    // Member 4 renumbered 5 after a merge: the details follow the admission.
    expect(joinContacts(decoded, new Map([[5, 'k4']])).get(5)).toEqual({ email: 'dee@example.org' });
  });
});

describe('reading the contact store from its bytes', () => {
  it('reads what coop writes, as JSON.parse does', () => {
    const text = written.map((l) => encodeContactLine(l)).join('');
    expectSame(text);
    expect(fromBytes(new TextEncoder().encode(text)).contacts.get(2)).toEqual({ email: 'bo@example.net', phone: '07700 900123' });
  });

  const variants: [string, string][] = [
    ['spaces', '{ "member": 4, "email": "a@b.org" }'],
    ['another key order', '{"email":"a@b.org","member":4}'],
    ['a duplicated key', '{"member":4,"email":"a@b.org","email":"c@d.org"}'],
    ['an escaped value', '{"member":4,"address":"1 \\"The\\" Row\\nLeeds"}'],
    ['an unknown key', '{"member":4,"email":"a@b.org","note":"x"}'],
    ['a number as a value', '{"member":4,"phone":7700900123}'],
    ['member zero', '{"member":0,"email":"a@b.org"}'],
    ['a leading zero', '{"member":04,"email":"a@b.org"}'],
    ['a fraction', '{"member":4.0,"email":"a@b.org"}'],
    ['a huge number', '{"member":123456789012345678,"email":"a@b.org"}'],
    ['a member as text', '{"member":"4","email":"a@b.org"}'],
    ['no member', '{"email":"a@b.org"}'],
    ['a trailing comma', '{"member":4,"email":"a@b.org",}'],
    ['a Windows line end', '{"member":4,"email":"a@b.org"}\r'],
    ['not JSON', '{"member":4,"email":"a@b.org"'],
    ['an array', '[4]'],
    ['null', 'null'],
    ['a byte-order mark', '\ufeff{"member":4,"email":"a@b.org"}'],
    ['blank space', '   '],
    ['emoji', '{"member":4,"address":"😀 House, Hull"}'],
    ['text after the object', '{"member":4,"email":"a@b.org"}x'],
    ['null written otherwise', '{"member":4,"email":nul}'],
  ];
  for (const [name, line] of variants) {
    it(`agrees with JSON.parse on a line with ${name}`, () => {
      expectSame(`${encodeContactLine(written[0]!)}${line}\n\n${encodeContactLine(written[1]!)}`);
      expectSame(`${encodeContactLine(written[0]!)}${line}`);
    });
  }

  it('agrees with JSON.parse on any contact-shaped lines, cut into pieces anywhere', () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant(null), fc.constant(' '), fc.integer());
    const line = fc.record(
      { member: fc.oneof(fc.integer({ min: -2, max: 2 ** 53 + 2 }), fc.constantFrom(1, 2, 3)), email: value, address: value, phone: value },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(fc.nat(400), { maxLength: 4 }), (lines, cuts) => {
        expectSame(lines.map((l) => JSON.stringify(l)).join('\n'), cuts);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading a file of lines in chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coop-chunks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over every line whole, however long, with the last line unended', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => 'x'.repeat((i * 7919) % 3000) + String(i));
    lines.push('y'.repeat(3 << 20)); // longer than the buffer
    lines.push('last, without a newline');
    const file = join(dir, 'lines.txt');
    writeFileSync(file, lines.join('\n'));
    const seen: string[] = [];
    expect(
      readLinesInChunks(file, (bytes, from, to) => {
        const text = bytes.toString('utf8', from, to);
        expect(to === from || text.endsWith('\n') || text.endsWith('newline')).toBe(true);
        seen.push(text);
      }),
    ).toBe(true);
    expect(seen.join('')).toBe(lines.join('\n'));
    expect(readLinesInChunks(join(dir, 'missing.txt'), () => undefined)).toBe(false);
  });
});

describe('reading only who has contact details', () => {
  it('gives the same members, stored values and problems as a full read', () => {
    // Numbers out of order, repeated, far apart (past where they are kept as bits) and huge.
    const more = [40_000, 5, 6, 7, 40_001, 6, 16_777_215, 16_777_216, 16_777_217, 16_777_216, 999_999_999_999_999, 8];
    const text = [
      ...written.map((l) => encodeContactLine(l)),
      '{"member":9,"email":null}\n',
      'not json\n',
      '{"member":4,"phone":" "}\n',
      ...more.map((member) => encodeContactLine({ member, email: `m${member}@example.org` })),
    ].join('');
    const bytes = new TextEncoder().encode(text);
    const full = fromBytes(bytes);
    const decoder = contactsBytesDecoder(true);
    decoder.lines(bytes, 0, bytes.length);
    const some = decoder.result();
    // Who has details, in the order each first appears, as runs of numbers one after another.
    const runs: [number, number][] = [];
    for (const n of full.contacts.keys()) {
      const last = runs.at(-1);
      if (last && n === last[1] + 1) last[1] = n;
      else runs.push([n, n]);
    }
    expect(some.holders).toEqual(runs);
    expect(runs).toContainEqual([16_777_215, 16_777_217]);
    expect(some.contacts.size).toBe(0);
    expect(some.stored).toEqual(full.stored);
    expect(some.problems).toEqual(full.problems);
  });
});
