import { describe, expect, it } from 'vitest';
import { countElection, type ElectionInput } from '../../src/core/elections/count.js';
import { retiringAt, type Seat } from '../../src/core/elections/rotation.js';

const people = (...ns: number[]) => ns.map((member) => ({ member, name: `Member ${member}` }));
const votes = (text: string) => new Map(text.split(',').map((p) => p.split('=').map(Number) as [number, number]));
const base: Omit<ElectionInput, 'seats' | 'candidates' | 'votes'> = { tieWinners: [], tieBreak: 'lot', method: 'up-to-seats', voters: 20 };

describe('countElection', () => {
  const elected: [
    string,
    Partial<ElectionInput> & Pick<ElectionInput, 'seats' | 'candidates' | 'votes'>,
    number[],
    Partial<{ uncontested: boolean; vacant: number; tie: unknown }>,
  ][] = [
    ['uncontested: as many candidates as seats', { seats: 3, candidates: people(1, 2, 3), votes: new Map() }, [1, 2, 3], { uncontested: true, vacant: 0 }],
    ['more seats than candidates: all elected, places left vacant', { seats: 4, candidates: people(1, 2), votes: new Map() }, [1, 2], { uncontested: true, vacant: 2 }],
    ['contested: the most votes win', { seats: 2, candidates: people(1, 2, 3), votes: votes('1=9,2=4,3=7') }, [1, 3], { uncontested: false, tie: null }],
    ['a tie above the last seat needs no lot', { seats: 2, candidates: people(1, 2, 3), votes: votes('1=9,2=9,3=7') }, [1, 2], { tie: null }],
    [
      'a tie for the last seat decided by lot, as recorded',
      { seats: 2, candidates: people(1, 2, 3), votes: votes('1=9,2=5,3=5'), tieWinners: [3] },
      [1, 3],
      { tie: { members: [2, 3], seatsLeft: 1, decidedBy: 'lot', winners: [3] } },
    ],
    [
      'a three-way tie for the last two seats',
      { seats: 3, candidates: people(1, 2, 3, 4), votes: votes('1=9,2=5,3=5,4=5'), tieWinners: [2, 4] },
      [1, 2, 4],
      { tie: { members: [2, 3, 4], seatsLeft: 2, decidedBy: 'lot', winners: [2, 4] } },
    ],
    [
      'the chair decides where the rules say so',
      { seats: 1, candidates: people(1, 2), votes: votes('1=5,2=5'), tieWinners: [1], tieBreak: 'chair' },
      [1],
      { tie: { members: [1, 2], seatsLeft: 1, decidedBy: 'chair', winners: [1] } },
    ],
    ['no votes at all for one candidate', { seats: 1, candidates: people(1, 2), votes: votes('1=0,2=3') }, [2], {}],
  ];
  it.each(elected)('%s', (_name, input, winners, shape) => {
    const r = countElection({ ...base, ...input });
    expect(
      r.candidates
        .filter((c) => c.elected)
        .map((c) => c.member)
        .sort(),
    ).toEqual(winners);
    expect(r).toMatchObject(shape);
  });

  const refused: [string, Partial<ElectionInput> & Pick<ElectionInput, 'seats' | 'candidates' | 'votes'>, RegExp][] = [
    [
      'a tie for the last seat with no decision given',
      { seats: 2, candidates: people(1, 2, 3), votes: votes('1=9,2=5,3=5') },
      /tie with 5 votes for the last seat\. The rules decide it by drawing lots/,
    ],
    [
      'a tie-break naming someone not tied',
      { seats: 2, candidates: people(1, 2, 3), votes: votes('1=9,2=5,3=5'), tieWinners: [1] },
      /must name one of the tied candidates \(2, 3\)/,
    ],
    ['a tie-break where there is no tie', { seats: 2, candidates: people(1, 2, 3), votes: votes('1=9,2=6,3=5'), tieWinners: [2] }, /no tie for the last seat/],
    ['votes in an uncontested election', { seats: 2, candidates: people(1, 2), votes: votes('1=3,2=4') }, /uncontested/],
    ['a candidate with no votes given', { seats: 1, candidates: people(1, 2), votes: votes('1=3') }, /none given for member 2/],
    ['votes for someone not standing', { seats: 1, candidates: people(1, 2), votes: votes('1=3,2=1,5=2') }, /Member 5 has votes but is not a candidate/],
    [
      'more votes than voters could cast, one vote each',
      { seats: 2, candidates: people(1, 2, 3), votes: votes('1=9,2=8,3=7'), method: 'one-each', voters: 20 },
      /24 votes in all is more than the 20 voters could cast, each voting for one candidate/,
    ],
    ['one candidate with more votes than voters', { seats: 1, candidates: people(1, 2), votes: votes('1=21,2=0') }, /Member 1 has 21 votes, but only 20 may vote/],
  ];
  it.each(refused)('refuses %s', (_name, input, message) => {
    expect(() => countElection({ ...base, ...input })).toThrow(message);
  });
});

describe('retiringAt: one third by rotation, longest in office first; co-opted members retire', () => {
  const seat = (member: number, since: string, coOpted = false): Seat => ({ member, name: `Member ${member}`, since, coOpted });
  const cases: [string, Seat[], [number, string, boolean][]][] = [
    [
      'six elected: two retire, longest first',
      [seat(1, '2024-01-01'), seat(2, '2024-02-01'), seat(3, '2024-03-01'), seat(4, '2025-01-01'), seat(5, '2025-01-01'), seat(6, '2025-02-01')],
      [
        [1, 'rotation', false],
        [2, 'rotation', false],
      ],
    ],
    [
      'four elected: one third is one (nearest whole number)',
      [seat(1, '2024-01-01'), seat(2, '2024-02-01'), seat(3, '2024-03-01'), seat(4, '2025-01-01')],
      [[1, 'rotation', false]],
    ],
    [
      'five elected: one third is two (nearest whole number)',
      [seat(1, '2024-01-01'), seat(2, '2024-02-01'), seat(3, '2024-03-01'), seat(4, '2025-01-01'), seat(5, '2025-01-01')],
      [
        [1, 'rotation', false],
        [2, 'rotation', false],
      ],
    ],
    [
      'co-opted members retire besides, and are not counted in the third',
      [seat(1, '2024-01-01'), seat(2, '2024-02-01'), seat(3, '2024-03-01'), seat(9, '2026-01-01', true)],
      [
        [1, 'rotation', false],
        [9, 'co-opted', false],
      ],
    ],
    ['all equally long in office: chosen by lot', [seat(1, '2024-01-01'), seat(2, '2024-01-01'), seat(3, '2024-01-01')], [[-1, 'rotation', true]]],
  ];
  it.each(cases)('%s', (_name, seats, expected) => {
    const out = retiringAt(seats, '2026-06-10-agm');
    expect(out).toHaveLength(expected.length);
    out.forEach((r, i) => {
      const [member, why, byLot] = expected[i]!;
      if (member > 0) expect(r.member).toBe(member);
      expect(r.why).toBe(why);
      expect(r.byLot).toBe(byLot);
    });
  });

  it('the lot is the same every time for one meeting, and may differ between meetings', () => {
    const seats = [1, 2, 3, 4, 5, 6].map((n) => seat(n, '2024-01-01'));
    const draw = (id: string) => retiringAt(seats, id).map((r) => r.member);
    expect(draw('2026-06-10-agm')).toEqual(draw('2026-06-10-agm'));
    const draws = new Set(['2026', '2027', '2028', '2029', '2030', '2031'].map((y) => draw(`${y}-06-10-agm`).join(',')));
    expect(draws.size).toBeGreaterThan(1);
  });
});
