// The printable shape of the records: Markdown read back into plain text runs (so that people's
// text is never markup in the PDF), and who gets a notice by post.

import { describe, expect, it } from 'vitest';
import { blocksText, inlineSpans, markdownBlocks } from '../../src/core/print/blocks.js';
import { chooseLetters, coveringLetter, noticeLetters } from '../../src/core/print/papers.js';
import { windowAddress, DL_WINDOW } from '../../src/core/print/layout.js';
import { escapeMarkdown } from '../../src/core/markdown.js';

describe('inlineSpans', () => {
  const cases: [name: string, markdown: string, spans: [string, string][]][] = [
    ['plain text', 'Siân Ŵyn', [['Siân Ŵyn', '']]],
    [
      'bold then plain',
      '**Date:** 10 June',
      [
        ['Date:', 'b'],
        [' 10 June', ''],
      ],
    ],
    [
      'italic',
      'a *word* here',
      [
        ['a ', ''],
        ['word', 'i'],
        [' here', ''],
      ],
    ],
    [
      'code',
      'run `coop check`',
      [
        ['run ', ''],
        ['coop check', 'c'],
      ],
    ],
    ['escapes give the character', '\\#set page\\(x\\) \\*not bold\\*', [['#set page(x) *not bold*', '']]],
    ['underscore lines stay', 'Signed: ______ Date: __', [['Signed: ______ Date: __', '']]],
    ['a lone star with a space after is text', '5 * 3', [['5 * 3', '']]],
  ];
  it.each(cases)('%s', (_name, markdown, spans) => expect(inlineSpans(markdown)).toEqual(spans));
});

describe('markdownBlocks', () => {
  it('reads headings, paragraphs, lists with indented paragraphs, and tables', () => {
    const md =
      '# Notice\n\n**Org**\n\n- **Date:** 1 May\n- **Place:** Hall\n\n1. **First**\n2. **Second**\n\n   More on second\n\n| No. | Name |\n| --- | --- |\n| 1 | A \\| B |\n\nEnd';
    expect(markdownBlocks(md)).toEqual([
      { t: 'h', level: 1, spans: [['Notice', '']] },
      { t: 'p', spans: [['Org', 'b']] },
      {
        t: 'list',
        ordered: false,
        start: 1,
        items: [
          [
            {
              t: 'p',
              spans: [
                ['Date:', 'b'],
                [' 1 May', ''],
              ],
            },
          ],
          [
            {
              t: 'p',
              spans: [
                ['Place:', 'b'],
                [' Hall', ''],
              ],
            },
          ],
        ],
      },
      {
        t: 'list',
        ordered: true,
        start: 1,
        items: [
          [{ t: 'p', spans: [['First', 'b']] }],
          [
            { t: 'p', spans: [['Second', 'b']] },
            { t: 'p', spans: [['More on second', '']] },
          ],
        ],
      },
      { t: 'table', head: [[['No.', '']], [['Name', '']]], rows: [[[['1', '']], [['A | B', '']]]] },
      { t: 'p', spans: [['End', '']] },
    ]);
  });

  // The same hostile names as the register's tests: escaped into Markdown by our helper, read
  // back, each is one plain run equal to the name.
  const hostile = [
    '#set page(width: 1cm)',
    '{{x}}',
    '<b>bold</b>',
    '\\x',
    '*star* _under_ `tick`',
    '1. not a list',
    '- not a bullet',
    '| pipe |',
    '# not a heading',
    '[link](http://x.example)',
    // From test/hostile/literal-names.test.ts.
    '{{#each founders}}Qxeach{{/each}} Smith',
    '# Qxheading _Name_',
    'Zero\u200bWidth \u202eQxrtl 👩‍👩‍👧',
    '{{> partial}} <script>alert("Qxobjects")</script>',
    '1. Qxarea `code` > quote',
    '{{place}} | Qxplace | <i>Hall</i> [map](http://evil.example)',
    '{{#if true}}Qxresolution{{/if}} *adopt* the `budget` <b>now</b>',
  ];
  it.each(hostile)('%s reads back as itself, in a paragraph and in a table cell', (name) => {
    expect(markdownBlocks(`Dear ${escapeMarkdown(name)},`)).toEqual([{ t: 'p', spans: [[`Dear ${name},`, '']] }]);
    expect(markdownBlocks(escapeMarkdown(name))).toEqual([{ t: 'p', spans: [[name, '']] }]);
    const [table] = markdownBlocks(`| No. | Name |\n| --- | --- |\n| 4 | ${escapeMarkdown(name)} |`);
    expect(table).toEqual({ t: 'table', head: [[['No.', '']], [['Name', '']]], rows: [[[['4', '']], [[name, '']]]] });
  });

  it('gives the text a PDF of it should hold, list numbers and bullets included', () => {
    expect(blocksText(markdownBlocks('# T\n\n1. a\n2. b\n\n- c'))).toBe('T\n1. a\n2. b\n• c');
  });
});

describe('chooseLetters', () => {
  it('writes to members served by post who have an address; names the rest and why', () => {
    const choice = chooseLetters([
      { number: 3, name: 'Cai', address: '3 Stryd, Bangor' },
      { number: 1, name: 'Ann', notices: 'email', address: '1 Road, Leeds' },
      { number: 2, name: 'Łukasz', notices: 'post', address: '2 Lane, York' },
      { number: 4, name: 'Dai', notices: 'post', address: '  ' },
    ]);
    expect(choice.included).toEqual([
      { number: 2, name: 'Łukasz' },
      { number: 3, name: 'Cai' },
    ]);
    expect(choice.leftOut.map((m) => [m.number, m.reason])).toEqual([
      [1, 'agreed to notices by email'],
      [4, 'no postal address on file (coop member update --address)'],
    ]);
  });

  it('puts the name and each part of the address on its own line in the window', () => {
    expect(windowAddress('Siân', '1 Heol y Bont,  Aberystwyth\nSY23 1AA')).toMatchObject({ ...DL_WINDOW, lines: ['Siân', '1 Heol y Bont', 'Aberystwyth', 'SY23 1AA'] });
  });
});

describe('noticeLetters', () => {
  const meeting = {
    type: 'agm' as const,
    date: '2027-06-10',
    time: '18:30',
    place: 'Neuadd y Pentref',
    online: null,
    noticeDate: '2027-05-01',
    resolutions: [
      { number: 1, kind: 'ordinary' as const, text: 'Adopt the accounts' },
      { number: 2, kind: 'special' as const, text: 'Change the name' },
    ],
  };
  const choice = chooseLetters([
    { number: 1, name: 'Ann', notices: 'email', address: '1 Road, Leeds' },
    { number: 2, name: 'Siân', address: '2 Heol, Bangor' },
    { number: 3, name: 'Cai', address: '3 Stryd, Bangor' },
  ]);
  const notice = '# Notice of Annual General Meeting\n\nBusiness in full.';

  it('makes one section a letter, each addressed in the window, then the posting list; the body is the notice in full or the covering letter', () => {
    const scenarios: [form: 'in-full' | 'enclosed', body: string][] = [
      ['in-full', 'Notice of Annual General Meeting\nBusiness in full.'],
      ['enclosed', blocksText(coveringLetter('Ŷ Co-op Limited', meeting))],
    ];
    for (const [form, body] of scenarios) {
      const doc = noticeLetters('Ŷ Co-op Limited', notice, meeting, choice, form);
      expect(doc.sections.map((s) => s.window?.lines[0] ?? null)).toEqual(['Siân', 'Cai', null]);
      expect(doc.sections.slice(0, 2).every((s) => s.common === true)).toBe(true);
      expect(blocksText(doc.common ?? [])).toBe(body);
      expect(blocksText(doc.sections[2]!.blocks)).toContain(form === 'enclosed' ? 'Put a copy of the notice behind each letter.' : '2 letters in this pack');
    }
  });

  it('the covering letter gives the meeting as recorded and says the notice is enclosed, with its special resolutions in full', () => {
    const cases: [name: string, resolutions: typeof meeting.resolutions, online: string | null, says: string][] = [
      ['one special resolution', meeting.resolutions, null, 'with the special resolution to be proposed in full.'],
      ['none', [meeting.resolutions[0]!], null, 'sets out the business of the meeting. Please read it'],
      [
        'two, and online',
        [...meeting.resolutions, { number: 3, kind: 'special', text: 'x' }],
        'https://meet.example/agm',
        'with the 2 special resolutions to be proposed in full.',
      ],
    ];
    for (const [name, resolutions, online, says] of cases) {
      const text = blocksText(coveringLetter('Ŷ Co-op Limited', { ...meeting, resolutions, online }));
      expect(text, name).toContain('Annual General Meeting of Ŷ Co-op Limited\n• Date: 10 June 2027\n• Time: 18:30 (UK time)\n• Place: Neuadd y Pentref');
      expect(text, name).toContain(says);
      expect(text.includes('• Online: https://meet.example/agm'), name).toBe(online !== null);
      expect(text, name).toMatch(/The notice of the meeting is enclosed\. It is the formal notice/);
    }
  });
});
