// The group's name coop new suggests from its folder: words of letters and digits, each
// capitalised, with the ending the form needs.

import { describe, expect, it } from 'vitest';
import { defaultName } from '../../src/core/defaults.js';

describe('defaultName', () => {
  const scenarios: [string, string][] = [
    ['demo-coop', 'Demo Coop Limited'],
    ['riverside_bakers 2', 'Riverside Bakers 2 Limited'],
    ['  --  ', 'Our Group Limited'],
    ['café-coop', 'Café Coop Limited'],
    ['Ysgol-Gân', 'Ysgol Gân Limited'],
    ['co\top', 'Co Op Limited'],
  ];
  for (const [dir, name] of scenarios) {
    it(`"${dir}" → "${name}"`, () => expect(defaultName(dir, 'community-benefit-society')).toBe(name));
  }

  it('splits every printable ASCII character as the Unicode letter-and-digit class does', () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const dir = `a${String.fromCharCode(code)}b`;
      const words = dir
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      const expected = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
      expect(defaultName(dir, 'unincorporated-association')).toBe(expected);
    }
  });
});
