// findContactLike finds email addresses from each "@" (emailsIn) rather than by trying the
// pattern at every character. Over any text built of the characters that matter (local-part
// and domain characters, "@", dots, spaces, line breaks, others), it finds exactly what the
// pattern itself finds, at the same places.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailsIn } from '../../src/core/register/contact-like.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PIECES = ['a', 'B', '1', '.', '@', '-', '_', '%', '+', ' ', '\n', 'co', 'uk', '.org', '#', 'é', 'x@y.org'];

describe('emailsIn', () => {
  it('finds what text.matchAll of the email pattern finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const want = [...text.matchAll(EMAIL)].map((m) => ({ value: m[0], index: m.index }));
        expect([...emailsIn(text)]).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});
