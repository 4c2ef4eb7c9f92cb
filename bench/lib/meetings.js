// Past AGMs for a synthetic group: one a year, each with its record (meeting.json, the file
// coop's meeting commands read), its notice and its minutes, closed and quorate, with the
// board's changes made at it already in the register.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 86_400_000;
const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The meeting record of a past AGM, as `coop meeting close` leaves it. */
export function agmRecord(agm, params, index) {
  const q = params.meetings.quorum;
  const required = Math.max(q.members, Math.ceil((agm.members * q.percent.num) / q.percent.den));
  const yearEnd = `${agm.date.slice(0, 4)}-${params.group.financialYearEnd}`;
  const resolutions = [
    { number: 1, kind: 'ordinary', text: `To receive the accounts and the board's report for the year ended ${yearEnd}` },
    { number: 2, kind: 'ordinary', text: 'To re-elect the directors retiring by rotation' },
  ];
  if (index % 4 === 3) resolutions.push({ number: 3, kind: 'special', text: 'To amend the rules so that notice of general meetings may be given by email' });
  const n = agm.present.length;
  const tallies = resolutions.map((r, i) => {
    const against = Math.floor(n * (r.kind === 'special' ? 0.1 : 0.05 + 0.02 * i));
    const abstain = Math.floor(n * 0.03);
    return { for: n - against - abstain, against, abstain };
  });
  const { num, den } = params.meetings.specialResolution;
  const notice = addDays(agm.date, -21);
  return {
    id: `${agm.date}-agm`,
    type: 'agm',
    date: agm.date,
    time: '18:30',
    place: 'Riverside Community Hall',
    online: null,
    noticeDate: notice,
    byPost: false,
    served: notice,
    shortNotice: null,
    resolutions,
    attendance: { present: agm.present, proxies: [], apologies: agm.apologies },
    votes: resolutions.map((r, i) => ({ resolution: r.number, method: 'vote', ...tallies[i] })),
    closed: true,
    closedOn: agm.date,
    outcome: {
      quorum: { required, present: n, met: n >= required },
      resolutions: resolutions.map((r, i) => {
        const t = tallies[i];
        const passed = r.kind === 'special' ? t.for * den >= num * (t.for + t.against) : t.for > t.against;
        return { number: r.number, kind: r.kind, text: r.text, ...t, passed };
      }),
    },
  };
}

/** Writes each AGM's folder; `check` (the meetings module's parseRecord, when built) vets each record. */
export function writeAgms(root, agms, params, check) {
  agms.forEach((agm, i) => {
    const record = agmRecord(agm, params, i);
    if (check) {
      const { problem } = check(record);
      if (problem) throw new Error(`the generator's meeting record for ${record.id} is not one coop accepts: ${problem}`);
    }
    const dir = join(root, 'meetings', record.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'meeting.json'), `${JSON.stringify(record, null, 2)}\n`);
    writeFileSync(
      join(dir, 'notice.md'),
      `# Notice of the Annual General Meeting\n\nThe AGM will be held at ${record.place} on ${record.date} at ${record.time}.\n\n${record.resolutions.map((r) => `${r.number}. ${r.text} (${r.kind} resolution)`).join('\n')}\n`,
    );
    const o = record.outcome;
    writeFileSync(
      join(dir, 'minutes.md'),
      `# Minutes of the Annual General Meeting, ${record.date}\n\nPresent: ${o.quorum.present} members (quorum ${o.quorum.required}). Apologies: ${record.attendance.apologies.length}.\n\n` +
        o.resolutions.map((r) => `${r.number}. ${r.text}: ${r.for} for, ${r.against} against, ${r.abstain} abstentions; ${r.passed ? 'passed' : 'not passed'}.`).join('\n') +
        '\n',
    );
  });
}
