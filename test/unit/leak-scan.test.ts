import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLeakIndex, findLeaks, MIN_LEAK_LENGTH, wordUnit } from '../../src/core/register/leak-scan.js';
import { comparable } from '../../src/core/register/contact-like.js';

const values = ['sian@example.org', '9, Cedar Road\nNottingham\nNG7 1AB', '07700 900123', '1 High Street, Derby', 'Apt 4'];
const index = buildLeakIndex(values);
const found = (text: string) =>
  findLeaks(index, text)
    .map((l) => l.value)
    .sort();

describe('finding stored contact details in a file', () => {
  const cases: [string, string, number[]][] = [
    ['an email as written', 'Write to sian@example.org today', [0]],
    ['an email in other case and brackets', 'Siân <SIAN@Example.ORG>', [0]],
    ['an address on one line', 'Lives at 9 Cedar Road, Nottingham, NG7 1AB.', [1]],
    ['an address split over lines differently', '9 Cedar Road,\r\nNottingham NG7\n1AB', [1]],
    ['an address JSON-escaped keeps its words apart only by the escape', '"9, Cedar Road\\nNottingham\\nNG7 1AB"', []],
    ['a phone number spaced', 'call 07700 900123', [2]],
    ['a phone number written solid', 'call 07700900123', [2]],
    ['not inside a longer house number', 'Office: 21 High Street, Derby', []],
    ['not a part of an address', 'We meet in Nottingham', []],
    ['nothing in an empty file', '', []],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(found(text)).toEqual(expected));

  it(`does not look for values shorter than ${MIN_LEAK_LENGTH} characters`, () => expect(found('Apt 4 is empty')).toEqual([]));

  it('gives the line of the first appearance', () => {
    expect(findLeaks(index, 'a\nb\nc sian@example.org\nsian@example.org')).toEqual([{ value: 0, line: 3 }]);
  });
  it('gives the line an address starts on when it runs over lines', () => {
    expect(findLeaks(index, 'x\n9 Cedar Road\nNottingham NG7 1AB')).toEqual([{ value: 1, line: 2 }]);
  });
});

/** The definition the index must agree with: the value's words appear as consecutive words of the text. */
function naive(valueList: string[], text: string): number[] {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const t = words(text);
  const out: number[] = [];
  valueList.forEach((v, i) => {
    const w = words(v);
    if (w.length < 2 || w.join(' ').length < MIN_LEAK_LENGTH) return;
    for (let s = 0; s + w.length <= t.length; s++) {
      if (w.every((x, k) => t[s + k] === x)) {
        out.push(i);
        return;
      }
    }
  });
  return out;
}

describe('the index agrees with a plain search', () => {
  it('for words drawn from a small alphabet, where collisions are likely', () => {
    const word = fc.constantFrom('flat', '2', 'mill', 'lane', 'derby', 'a', 'bb', 'zoë', 'x1');
    const phrase = fc.tuple(fc.array(word, { minLength: 2, maxLength: 5 }), fc.constantFrom(' ', ', ', '\n', '@')).map(([w, sep]) => w.join(sep));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), fc.array(word, { maxLength: 60 }), (vals, textWords) => {
        const text = textWords.join(' ');
        const idx = buildLeakIndex(vals);
        const got = findLeaks(idx, text)
          .map((l) => l.value)
          .sort((a, b) => a - b);
        // Values repeated in the list are reported once each, like the plain search.
        expect(got).toEqual(naive(vals, text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('comparing values case, spaces and punctuation aside', () => {
  it('keeps letters and digits of any script, lower-cased', () => {
    expect(comparable('07700 900-123')).toBe('07700900123');
    expect(comparable('9, Cedar Road\nNG7 1AB')).toBe('9cedarroadng71ab');
    expect(comparable('Flat 2, Rue de l’Église')).toBe('flat2ruedeléglise');
    expect(comparable('Straße ٣, ΚΩ')).toBe('straße٣κω');
  });
});

describe('which units beyond ASCII belong to words', () => {
  it('from U+0080 to U+2FFF, as the Unicode classes of letters, digits and marks say, lower-cased', () => {
    const word = /[\p{L}\p{N}\p{M}]/u;
    const expected: number[] = [];
    const got: number[] = [];
    for (let code = 0x80; code <= 0x2fff; code++) {
      const ch = String.fromCharCode(code);
      expected.push(word.test(ch) ? ch.toLowerCase().charCodeAt(0) : -1);
      got.push(wordUnit(code));
    }
    expect(got).toEqual(expected);
  });
});
