import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparable, findContactLike, maskContact } from '../../src/core/register/contact-like.js';
import { buildLeakIndex, findLeaks, sortedTextKeys, textKeys } from '../../src/core/register/leak-scan.js';
import { fewTextKeys, indexContactLines, lookupContactLines, lookupFewContactLines, siftContactLines } from '../../src/core/register/leak-sift.js';

/** A store as coop writes it: one JSON line a member. */
const storeOf = (values: { email?: string; address?: string; phone?: string }[]) =>
  Buffer.from(values.map((v, i) => JSON.stringify({ member: i + 1, of: `k${i + 1}-2020-01-01`, ...v })).join('\n'));

const valuesOf = (store: Buffer, lines: Array<[number, number]>) =>
  lines.flatMap(([s, e]) => {
    const rec = JSON.parse(store.subarray(s, e).toString('utf8')) as Record<string, unknown>;
    return (['email', 'address', 'phone'] as const).map((f) => rec[f]).filter((v): v is string => typeof v === 'string');
  });

/** Stored values found in the text: by the full index over every value, and by sifting the store first. */
function bothWays(values: { email?: string; address?: string; phone?: string }[], text: string): [string[], string[]] {
  const all = values.flatMap((v) => [v.email, v.address, v.phone].filter((x): x is string => x !== undefined));
  const full = findLeaks(buildLeakIndex(all), text).map((l) => all[l.value]!);
  const store = storeOf(values);
  const sifted = valuesOf(store, siftContactLines(store, textKeys(text)));
  const viaSift = findLeaks(buildLeakIndex(sifted), text).map((l) => sifted[l.value]!);
  return [full.sort(), [...new Set(viaSift)].sort()];
}

describe('sifting the contact store keeps every line whose value is in the text', () => {
  const store = [
    { email: 'sian.jones@mailbox.org', phone: '07700 900123' },
    { address: '9, Cedar Road\nNottingham\nNG7 1AB' },
    { address: '12 Rue Élise, Lyon', phone: '+44 (0)115 496 0000' },
    { email: 'a"quote@odd.example.net', address: 'Flat\t2, Mill Lane' },
  ];
  const cases: [string, string, string[]][] = [
    ['an email in a name', 'Sian SIAN.JONES@mailbox.org Jones', ['sian.jones@mailbox.org']],
    ['a phone written solid', 'ring 07700900123', ['07700 900123']],
    ['a phone with the country code, written solid', 'tel 4401154960000', ['+44 (0)115 496 0000']],
    ['an address over lines as the store keeps it', 'meet at 9 Cedar Road, Nottingham NG7 1AB', ['9, Cedar Road\nNottingham\nNG7 1AB']],
    ['an address with letters beyond ASCII', 'at 12 rue élise lyon', ['12 Rue Élise, Lyon']],
    ['an address stored with an escaped tab', 'Flat 2 Mill Lane', ['Flat\t2, Mill Lane']],
    ['nothing', 'The Village Hall, 7pm', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const [full, viaSift] = bothWays(store, text);
      expect(full).toEqual(expected);
      expect(viaSift).toEqual(expected);
    });
  }

  it('does not keep an email that holds a name for papers that list the name, and finds it where it is written', () => {
    // A meeting's attendance list names every member; their emails begin with their names.
    const members = [{ email: 'helen.rossi.5@mailbox.org' }, { email: 'bilal.khan@mailbox.org', address: '171 Glebe Close, Cardiff CF24 3DE' }];
    const bytes = storeOf(members);
    const kept = (text: string) => siftContactLines(bytes, sortedTextKeys(text)).map(([s, e]) => (JSON.parse(bytes.subarray(s, e).toString('utf8')) as { member: number }).member);
    const papers = '| 5 | Helen Rossi | post, 2 December 2026 |\n| 7 | Bilal Khan | email, 1 December 2026 |\n- 5 Helen Rossi\n- 7 Bilal Khan';
    expect(kept(papers)).toEqual([]);
    expect(lookupContactLines(indexContactLines(bytes), sortedTextKeys(papers))).toEqual([]);
    expect(kept(`${papers}\nWrite to Helen.Rossi.5@Mailbox.org`)).toEqual([1]);
    expect(bothWays(members, `${papers}\nWrite to Helen.Rossi.5@Mailbox.org`)).toEqual([['helen.rossi.5@mailbox.org'], ['helen.rossi.5@mailbox.org']]);
    expect(bothWays(members, 'Bilal Khan, of 171 Glebe Close, Cardiff CF24 3DE')).toEqual([['171 Glebe Close, Cardiff CF24 3DE'], ['171 Glebe Close, Cardiff CF24 3DE']]);
  });

  it('keeps only the lines that could match, and any with letters beyond ASCII', () => {
    const bytes = storeOf(store);
    const kept = siftContactLines(bytes, textKeys('ring 07700900123 about the AGM')).map(
      ([s, e]) => (JSON.parse(bytes.subarray(s, e).toString('utf8')) as { member: number }).member,
    );
    expect(kept).toEqual([1, 3]);
  });

  it('agrees with the full index for words drawn from a small alphabet, where collisions are likely', () => {
    const word = fc.constantFrom('flat', '2', 'mill', 'lane', 'derby', 'a', 'bb', 'x1', '07700', '900123', '0115');
    const phrase = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', ', ', '\n', '@', '\t', '"')).map(([w, sep]) => w.join(sep));
    const entry = fc.record({ email: phrase, address: phrase, phone: phrase }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.array(word, { maxLength: 40 }), fc.constantFrom(' ', '', '\n'), (values, textWords, sep) => {
        const [full, viaSift] = bothWays(values, textWords.join(sep));
        expect(viaSift).toEqual([...new Set(full)].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('the store kept indexed by key finds what sifting it finds', () => {
  /** Stored values found in the text: by the full index over every value, and through the store's index. */
  function viaIndex(bytes: Buffer, text: string): [string[], string[], Array<[number, number]>, Array<[number, number]>] {
    const all = valuesOf(bytes, lineRanges(bytes));
    const full = findLeaks(buildLeakIndex(all), text).map((l) => all[l.value]!);
    const looked = lookupContactLines(indexContactLines(bytes), textKeys(text));
    const some = valuesOf(bytes, looked);
    const found = findLeaks(buildLeakIndex(some), text).map((l) => some[l.value]!);
    return [[...new Set(full)].sort(), [...new Set(found)].sort(), looked, siftContactLines(bytes, textKeys(text))];
  }
  const lineRanges = (bytes: Buffer): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
    return out;
  };
  const sample = storeOf([
    { email: 'sian.jones@mailbox.org', phone: '07700 900123' },
    { address: '9, Cedar Road\nNottingham\nNG7 1AB' },
    { address: '12 Rue Élise, Lyon', phone: '+44 (0)115 496 0000' },
    { email: 'a"quote@odd.example.net', address: 'Flat\t2, Mill Lane' },
    { address: '61 Queen’s Road, Totnes' },
  ]);
  const cases: [string, string, string[]][] = [
    ['a phone written solid', 'ring 07700900123', ['07700 900123']],
    ['an address over lines', 'meet at 9 Cedar Road, Nottingham NG7 1AB', ['9, Cedar Road\nNottingham\nNG7 1AB']],
    ['an address with letters beyond ASCII', 'at 12 rue élise lyon', ['12 Rue Élise, Lyon']],
    ['a phone on a line beyond ASCII', 'tel 4401154960000', ['+44 (0)115 496 0000']],
    ['an address with a curly apostrophe', 'the 61 Queen’s Road, Totnes hall', ['61 Queen’s Road, Totnes']],
    ['an escaped tab', 'Flat 2 Mill Lane', ['Flat\t2, Mill Lane']],
    ['nothing', 'The Village Hall, 7pm', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const [full, found] = viaIndex(sample, text);
      expect(full).toEqual(expected);
      expect(found).toEqual(expected);
    });
  }

  it('finds the same lines for a short text in a large store (looked up key by key) as sifting does', () => {
    const bytes = storeOf(Array.from({ length: 1000 }, (_, i) => ({ email: `member.${i}.name@mailbox.org`, phone: `07700 9${String(i).padStart(5, '0')}` })));
    for (const text of ['Write to member.417.name@mailbox.org', 'ring 07700 900417 or 0770090418', 'nothing here']) {
      const keys = sortedTextKeys(text);
      expect(keys.found.length * 32).toBeLessThan(2000);
      expect(lookupContactLines(indexContactLines(bytes), keys)).toEqual(siftContactLines(bytes, keys));
    }
    expect(lookupContactLines(indexContactLines(bytes), sortedTextKeys('ring 07700 900417'))).toHaveLength(1);
  });

  it('finds the same lines looking the keys up an entry at a time (as in the kept file) as in the index held whole', () => {
    const bytes = storeOf([
      ...Array.from({ length: 1000 }, (_, i) => ({ email: `member.${i}.name@mailbox.org`, phone: `07700 9${String(i).padStart(5, '0')}` })),
      { address: '61 Queen’s Road, Totnes TQ9 5RY' },
    ]);
    const index = indexContactLines(Buffer.concat([bytes, Buffer.from('not json\n')]));
    expect(index.always).toHaveLength(1);
    let looks = 0;
    const entries = {
      count: index.keys.length,
      key: (i: number) => {
        looks += 1;
        return index.keys[i]!;
      },
      line: (i: number): [number, number] => [index.starts[i]!, index.ends[i]!],
      always: index.always,
    };
    for (const text of ['Write to member.417.name@mailbox.org', 'ring 07700 900417 or 0770090418', 'Ada of 61 Queen’s Road, Totnes', 'nothing here', '']) {
      const keys = sortedTextKeys(text);
      expect(fewTextKeys(keys.found.length, index.keys.length)).toBe(true);
      looks = 0;
      expect(lookupFewContactLines(entries, keys)).toEqual(lookupContactLines(index, keys));
      // By halving: a few dozen entries looked at for each key, not the thousands held.
      expect(looks).toBeLessThan(40 * Math.max(1, keys.found.length));
    }
    expect(lookupFewContactLines(entries, sortedTextKeys('ring 07700 900417'))).toHaveLength(2);
  });

  it('does not keep a line beyond ASCII whose values the text cannot hold', () => {
    const looked = lookupContactLines(indexContactLines(sample), textKeys('ring 07700900123 about the AGM'));
    expect(looked.map(([s, e]) => (JSON.parse(sample.subarray(s, e).toString('utf8')) as { member: number }).member)).toEqual([1]);
  });

  it('for any store and text drawn from a small alphabet (escapes, letters beyond ASCII, a last line without its break)', () => {
    const word = fc.constantFrom('flat', '2', 'mill', 'lane', 'é', 'a', 'bb', 'x1', '07700', '900123', '0115', '\u0001', 'queen’s');
    const phrase = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', ', ', '\n', '@', '\t', '"', '\\')).map(([w, sep]) => w.join(sep));
    const entry = fc.record({ email: phrase, address: phrase, phone: phrase }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.array(word, { maxLength: 30 }), fc.constantFrom(' ', '', '\n'), fc.boolean(), (values, textWords, sep, breakAtEnd) => {
        const bytes = Buffer.concat([storeOf(values), Buffer.from(breakAtEnd ? '\n' : '')]);
        const [full, found, looked, sifted] = viaIndex(bytes, textWords.join(sep));
        expect(found).toEqual(full);
        // Never a line the sift would not keep.
        const kept = new Set(sifted.map(([s]) => s));
        expect(looked.every(([s]) => kept.has(s))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the keys sorted in a typed array (what the guard uses) are the same keys and find the same lines', () => {
    const word = fc.constantFrom('flat', '2', 'mill', 'lane', 'é', 'a', 'bb', 'x1', '07700', '900123', '0115', '\u0001', 'queen’s', 'sian', 'jones', 'mailbox', 'org');
    const phrase = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', ', ', '\n', '@', '.', '"')).map(([w, sep]) => w.join(sep));
    const entry = fc.record({ email: phrase, address: phrase, phone: phrase }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.array(word, { maxLength: 40 }), fc.constantFrom(' ', '', '\n', '.'), (values, textWords, sep) => {
        const bytes = storeOf([...values, { email: 'sian.jones@mailbox.org', phone: '07700 900123' }]);
        const text = textWords.join(sep);
        const set = textKeys(text);
        const sorted = sortedTextKeys(text);
        expect([...sorted]).toEqual([...set].sort((a, b) => a - b));
        for (const k of set) expect(sorted.has(k)).toBe(true);
        expect(sorted.has(12345) && !set.has(12345)).toBe(false);
        expect(lookupContactLines(indexContactLines(bytes), sorted)).toEqual(lookupContactLines(indexContactLines(bytes), set));
        expect(siftContactLines(bytes, sorted)).toEqual(siftContactLines(bytes, set));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sifting for a text of many keys (a meeting’s papers) keeps the lines the sorted keys would', () => {
  /** Papers listing members, as an attendance sheet does: over 4,096 keys, so the sift goes through its bit filter. */
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `| ${i + 1} | Member${i} Name${i % 97} | post, 2 December 2026 |`).join('\n');

  it('for a store with values in the papers, written over lines, beyond ASCII, and none', () => {
    const members = [
      { email: 'helen.rossi.5@mailbox.org', address: '171 Glebe Close, Cardiff CF24 3DE' },
      { address: '9, Cedar Road\nNottingham\nNG7 1AB', phone: '07700 900123' },
      { address: '12 Rue Élise, Lyon' },
      { email: 'member7.name7.x@mailbox.org' },
      ...Array.from({ length: 300 }, (_, i) => ({ email: `someone.${i}.else@mailbox.org`, phone: `07700 9${String(i).padStart(5, '0')}` })),
    ];
    const bytes = storeOf(members);
    const memberOf = (lines: Array<[number, number]>) => lines.map(([s, e]) => (JSON.parse(bytes.subarray(s, e).toString('utf8')) as { member: number }).member);
    for (const [extra, expected] of [
      ['', [3]],
      ['Write to Helen Rossi at 171 Glebe Close Cardiff', [1, 3]],
      ['meet at 9 Cedar Road, Nottingham NG7 1AB or ring 0770090123', [2, 3]],
      ['ring 07700 900042', [3, 47]],
    ] as const) {
      const text = `${rows(2000)}\n${extra}`;
      const sorted = sortedTextKeys(text);
      expect(sorted.found.length).toBeGreaterThan(4096);
      const kept = siftContactLines(bytes, sorted);
      expect(memberOf(kept)).toEqual(expected);
      expect(kept).toEqual(siftContactLines(bytes, textKeys(text)));
    }
  });

  it('for any store and words drawn from a small alphabet among the rows', () => {
    const word = fc.constantFrom('flat', '2', 'mill', 'lane', 'é', 'a', 'bb', 'x1', '07700', '900123', 'member7', 'name7', 'post', '\u0001', 'queen’s');
    const phrase = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', ', ', '\n', '@', '.', '"', '\\')).map(([w, sep]) => w.join(sep));
    const entry = fc.record({ email: phrase, address: phrase, phone: phrase }, { requiredKeys: [] });
    const papers = rows(1500);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.array(word, { maxLength: 40 }), fc.constantFrom(' ', '', '\n'), (values, textWords, sep) => {
        const bytes = storeOf(values);
        const text = `${papers}\n${textWords.join(sep)}`;
        const sorted = sortedTextKeys(text);
        expect(sorted.found.length).toBeGreaterThan(4096);
        expect(siftContactLines(bytes, sorted)).toEqual(siftContactLines(bytes, textKeys(text)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('what looks like an email address or a phone number', () => {
  const cases: [string, string, string[]][] = [
    ['an email', 'write to jo.bloggs@mailbox.org', ['jo.bloggs@mailbox.org']],
    ['a documentation address is nobody’s', 'e.g. secretary@example.org', []],
    ['a UK mobile, spaced', 'ring 07700 900123 after six', ['07700 900123']],
    ['a landline with the area code in brackets', 'on (0115) 496 0000', ['(0115) 496 0000']],
    ['+44 with (0)', 'call +44 (0)20 7946 0000', ['+44 (0)20 7946 0000']],
    ['an international number', 'in Dublin on +353 1 234 5678', ['+353 1 234 5678']],
    ['not a date', 'held on 2027-01-20 at 19:00', []],
    ['not an amount or a count', '£10,000,000 for 1234567890 shares', []],
    ['not a company number', 'company number 01234567', []],
    ['not inside a commit id', 'commit 0123456789abcdef', []],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(findContactLike(text).map((c) => c.value)).toEqual(expected));

  it('gives the line', () => expect(findContactLike('a\nb 07700 900123')).toEqual([{ field: 'phone', value: '07700 900123', line: 2 }]));
});

describe('masking a value in a message', () => {
  const cases: [string, Parameters<typeof maskContact>, string][] = [
    ['an email', ['jo@example.org', 'email'], 'j***@e***.org'],
    ['an email at a two-part domain', ['sian.jones@mail.co.uk', 'email'], 's***@m***.co.uk'],
    ['a phone keeps its first three and last two digits', ['07700 900123', 'phone'], '077** ****23'],
    ['an address keeps the first letter of three words', ['9 Cedar Road, Nottingham', 'address'], '9*** C*** R*** …'],
  ];
  for (const [name, args, expected] of cases) it(name, () => expect(maskContact(...args)).toBe(expected));
});

describe('a value as compared (case, spaces and punctuation aside)', () => {
  // What comparable means for any text: its letters and digits (Unicode's), lower-cased.
  const byUnicode = (v: string) => v.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const cases: [string, string, string][] = [
    ['a phone number, spaced', '07700 900123', '07700900123'],
    ['an address, punctuated', 'Flat 2, 14 High St.\nLeeds LS1 4AB', 'flat214highstleedsls14ab'],
    ['every ASCII character', Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join(''), '0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz'],
    ['accents and other scripts', 'Siân Ó Briain, 5 Ffordd Glyndŵr, Αθήνα', 'siânóbriain5fforddglyndŵrαθήνα'],
    ['digits of other scripts, and no letters at all', '٣٤ — …', '٣٤'],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => {
      expect(comparable(value)).toBe(expected);
      expect(comparable(value)).toBe(byUnicode(value));
    });
  }
  it('is the same as by Unicode letters and digits for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (v) => comparable(v) === byUnicode(v)),
      { numRuns: 300 },
    );
  });
});
