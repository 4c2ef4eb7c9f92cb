// coop meeting close <meeting> [--json]: decides the quorum and every resolution from the
// attendance and votes on record, writes the final minutes, marks the meeting closed and
// commits. After this the meeting's papers are final: no coop command changes them.

import { UserError } from '../../errors.js';
import { longDate, todayInUk } from '../../core/dates.js';
import { MINUTES_KEEP_YEARS } from '../../core/law.js';
import { decideMeeting, votersAllowed } from '../../core/meetings/counting.js';
import { minutesContext, paperContext } from '../../core/meetings/papers.js';
import { describeMeeting, type CloseOutcome, type MeetingRecord } from '../../core/meetings/record.js';
import { findGroupRoot } from '../../io/group.js';
import { loadParamsOn } from '../../api/rules-in-force.js';
import { withWriteLock } from '../../io/transaction.js';
import { apply, capitalise, meetingRules, note, openMeeting, print, recordChange, registerFor, type CommonOptions } from './shared.js';

export async function meetingClose(ref: string, options: CommonOptions): Promise<void> {
  const root = findGroupRoot(options.cwd ?? process.cwd());
  await withWriteLock(root, async () => {
    const meeting = openMeeting(root, ref, 'close it again');
    // The rules in force on the meeting's date: an amendment registered later does not apply.
    const params = await loadParamsOn(root, meeting.date);
    const register = registerFor(root, params, meeting.type, meeting.date);
    const rules = meetingRules(params, meeting.type);
    const decisions = { specialResolution: params.meetings.specialResolution, castingVote: params.meetings.castingVote, fallbackThreshold: params.decisions.fallbackThreshold };
    const { assessed, quorum, outcomes } = decideMeeting({ entitled: register.entitled, ...meeting }, { ...rules, decisions });
    const allowed = votersAllowed(assessed);

    // The register may have been corrected (back-dated) since the votes were recorded.
    for (const v of meeting.votes) {
      const t = v.method === 'vote' ? v.for + v.against + v.abstain : v.standAsides + (v.fallback ? v.fallback.for + v.fallback.against + v.fallback.abstain : 0);
      if (t > allowed) {
        throw new UserError(
          `Resolution ${v.resolution} has ${t} votes recorded, but only ${allowed} may vote at ${describeMeeting(meeting)} as the attendance and register now stand. ` +
            `Correct the votes (coop meeting vote ${meeting.id} ${v.resolution} …) or the attendance, then close it. Nothing was changed.`,
        );
      }
    }
    const outcome: CloseOutcome = {
      quorum: { required: quorum.required, present: quorum.present, met: quorum.met },
      resolutions: meeting.resolutions.map((r, i) => {
        const o = outcomes[i]!.outcome;
        return { number: r.number, kind: r.kind, text: r.text, for: o.tally.for, against: o.tally.against, abstain: o.tally.abstain, passed: o.passed };
      }),
    };
    const today = todayInUk();
    const record: MeetingRecord = { ...meeting, closed: true, closedOn: today, outcome };

    const names = new Map<number, string>();
    for (const m of register.atDate.members.values()) names.set(m.number, m.name);
    const papers = paperContext({ params, record, voters: register.voters, board: register.board, quorumRequired: quorum.required }, MINUTES_KEEP_YEARS);
    const minutes = minutesContext(record, { assessed, quorum, outcomes, names }, rules.proxies.countTowardsQuorum);
    const { renderTemplate } = await import('../../io/render.js');
    const text = renderTemplate('meeting/minutes.md.hbs', { ...papers, minutes });

    const passed = outcome.resolutions.filter((r) => r.passed).length;
    const total = outcome.resolutions.length;
    const summary = quorum.met
      ? `quorate, ${total === 0 ? 'no resolutions' : `${passed} of ${total} ${total === 1 ? 'resolution' : 'resolutions'} passed`}`
      : 'not quorate, adjourned';
    const amendments = await (await import('../../api/amendment-meeting.js')).amendmentOutcomes(root, params, record);
    await apply(
      root,
      {
        changes: [{ path: `${meeting.dir}/minutes.md`, content: text, tracked: true }, recordChange(meeting.dir, record), ...(amendments.change ? [amendments.change] : [])],
        message: `Close ${describeMeeting(meeting)}: ${summary}`,
      },
      options,
    );

    for (const a of amendments.decided) note(`Amendment ${a.id} ${a.passed ? 'was passed: it takes effect as filing.md in its folder says (coop rules registered, or filed)' : 'failed: the rules stay as they are'}.`);
    if (meeting.date > today) note(`Note: ${describeMeeting(meeting)} is after today (${longDate(today)}); it was closed as recorded.`);
    const voted = new Set(meeting.votes.map((v) => v.resolution));
    const unvoted = meeting.resolutions.filter((r) => !voted.has(r.number)).map((r) => r.number);
    if (quorum.met && unvoted.length > 0) note(`Note: no vote was recorded on ${unvoted.length === 1 ? `resolution ${unvoted[0]}, so it was` : `resolutions ${unvoted.join(', ')}, so they were`} not passed.`);
    if (options.json) {
      print(JSON.stringify(outcome, null, 2));
      return;
    }
    print(`Closed ${describeMeeting(meeting)}: ${summary}.`);
    print(`Quorum: ${quorum.required} needed, ${quorum.present} counted.`);
    for (const r of outcome.resolutions) {
      print(`  ${r.number} (${r.kind}): ${r.passed ? 'passed' : 'not passed'} — ${r.for} for, ${r.against} against, ${r.abstain} abstaining`);
    }
    print(`Minutes: ${meeting.dir}/minutes.md. ${capitalise(quorum.met ? 'have them signed by the chair at the next meeting.' : 'call the adjourned meeting with the notice the rules require.')}`);
  });
}
