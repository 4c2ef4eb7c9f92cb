import { describe, expect, it } from 'vitest';
import { parseParamsText } from '../../src/io/params-file.js';
import { decodeLedger } from '../../src/core/ledger/events.js';
import { deriveState } from '../../src/core/ledger/derive.js';
import { ledgerRules } from '../../src/io/group.js';
import { join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';

describe('the test fixture group is valid by the same checks coop makes', () => {
  for (const [kind, form] of [
    ['worker-coop', 'co-operative-society'],
    ['neighbourhood-group', 'unincorporated-association'],
    ['community-radio', 'company-limited-by-guarantee'],
    ['arts-project', 'cic'],
  ] as const) {
    it(`${kind} / ${form}`, async () => {
      const dir = await fixtureGroup({ kind, form });
      const { params, problems } = parseParamsText(read(join(dir, 'coop.yml')));
      expect(problems).toEqual([]);
      const { events, problems: decode } = decodeLedger(read(join(dir, 'register', 'ledger.jsonl')));
      expect(decode).toEqual([]);
      const { state, problems: ledger } = deriveState(events, { rules: ledgerRules(params!), today: '2026-11-25' });
      expect(ledger).toEqual([]);
      expect(state.members.size).toBe(3);
      expect(state.nextNumber).toBe(4);
    });
  }
});
