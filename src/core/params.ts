// The group's rules parameters: the shape of coop.yml. Every number the governing document
// states, and every check that later commands make, reads these and nothing else.

import { z } from 'zod';
import { parseFraction, type Fraction } from './fraction.js';
import { BOARD_STYLES, DECISION_METHODS, DISSOLUTION_RULES, ELECTION_METHODS, ELECTION_TIE_BREAKS, FORMS, JURISDICTIONS, KINDS, OFFICE_COUNTRIES } from './param-choices.js';

export * from './param-choices.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD, for example 2026-04-01' })
  .regex(ISO_DATE, 'must be a date written YYYY-MM-DD, for example 2026-04-01')
  .refine(isRealDate, 'is not a real calendar date');

function isRealDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Month and day of the financial year end, "MM-DD" (e.g. "03-31"). */
const monthDay = z
  .string({ error: 'must be a month and day written MM-DD, for example 03-31' })
  .regex(/^\d{2}-\d{2}$/, 'must be a month and day written MM-DD, for example 03-31')
  .refine((md) => isRealDate(`2024-${md}`), 'is not a real day of the year');

const fraction = z.union([z.string(), z.number()], { error: 'must be a percentage like "75%" or a fraction like "2/3"' }).transform((value, ctx): Fraction => {
  const f = parseFraction(value);
  if (!f || f.num > f.den || f.num <= 0) {
    ctx.addIssue({ code: 'custom', message: 'must be a percentage like "75%" or a fraction like "2/3", above 0 and at most 100%' });
    return z.NEVER;
  }
  return f;
});

const count = (what: string) => z.number({ error: `must be a whole number of ${what}` }).int(`must be a whole number of ${what}`);

const text = (what: string, max = 2000) =>
  z
    .string({ error: `must be text: ${what}` })
    .trim()
    .min(1, `cannot be empty: ${what}`)
    .max(max, `is too long (at most ${max} characters)`);

export const paramsSchema = z.strictObject({
  createCoop: z.strictObject({
    version: z.string(),
    templateVersion: count('template versions').min(0),
  }),
  group: z.strictObject({
    name: text('the group’s full name', 200),
    kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}` }),
    form: z.enum(FORMS, { error: `must be one of ${FORMS.join(', ')}` }),
    jurisdiction: z.enum(JURISDICTIONS, { error: `must be one of ${JURISDICTIONS.join(', ')}` }),
    objects: text('what the group is for'),
    area: text('the area the group serves', 500),
    registeredOffice: text('the registered office address', 500),
    founded: isoDate,
    financialYearEnd: monthDay,
    /** england-wales only: whether the governing document states the office is in Wales (Welsh name endings). Absent means England. */
    officeCountry: z.enum(OFFICE_COUNTRIES, { error: `must be one of ${OFFICE_COUNTRIES.join(', ')}` }).optional(),
    /** A company limited by guarantee claiming the Companies Act 2006 s.60 exemption from "Limited". */
    limitedExempt: z.boolean({ error: 'must be true or false' }).optional(),
    /** A community benefit society with exclusively charitable objects: no statutory asset lock. */
    charitable: z.boolean({ error: 'must be true or false' }).optional(),
  }),
  membership: z.strictObject({
    eligibility: text('who may become a member'),
  }),
  decisions: z.strictObject({
    method: z.enum(DECISION_METHODS, { error: 'must be majority or consensus' }),
    /** With consensus: the vote that decides when consensus fails. */
    fallbackThreshold: fraction.nullable(),
    /** Decisions without a meeting (optional in older coop.yml files: defaults per form, core/board/rules.ts). */
    writtenResolutions: z
      .strictObject({
        allowed: z.boolean({ error: 'must be true or false' }),
        /** Days, counting the day it is sent, for members to agree before it lapses. */
        lapseDays: count('days').min(1).max(366),
      })
      .optional(),
  }),
  meetings: z.strictObject({
    noticeClearDays: count('days').min(1).max(366),
    /** Days after posting that a posted notice counts as served (48 hours = 2). */
    postalServiceDays: count('days').min(0).max(14),
    /**
     * Days after sending that a notice by email (to a member who agreed to it) counts as served:
     * 1, "the day after it is sent", as the governing documents say. Groups founded before it
     * existed have no such line, so it defaults to that.
     */
    emailServiceDays: count('days').min(1).max(14).default(1),
    shortNoticeConsent: fraction,
    quorum: z.strictObject({ members: count('members').min(1), percent: fraction }),
    proxies: z.strictObject({
      allowed: z.boolean({ error: 'must be true or false' }),
      maxPerHolder: count('proxies').min(0).max(1000),
      countTowardsQuorum: z.boolean({ error: 'must be true or false' }),
    }),
    specialResolution: fraction,
    castingVote: z.boolean({ error: 'must be true or false' }),
    agm: z.strictObject({
      /** Months after the financial year end within which the AGM is held. */
      withinMonthsOfYearEnd: count('months').min(1).max(24),
      /** Most months allowed between one AGM and the next. */
      maxMonthsBetween: count('months').min(1).max(24),
    }),
  }),
  board: z.strictObject({
    style: z.enum(BOARD_STYLES, { error: 'must be elected-rotation or all-members' }),
    minSize: count('people').min(1),
    maxSize: count('people').min(1),
    quorum: z.strictObject({ members: count('members').min(1), percent: fraction }),
    roles: z.array(z.string().regex(/^[a-z][a-z-]{0,39}$/, 'must be lower-case words joined by dashes, e.g. chair')).min(1),
    officersMustBeMembers: z.boolean(),
    /** The most board members co-opted by the board between general meetings (optional: defaults per form). */
    coOptedMax: count('people').min(0).optional(),
    /** How the board is elected at general meetings (optional: defaults, core/board/rules.ts). */
    elections: z
      .strictObject({
        method: z.enum(ELECTION_METHODS, { error: `must be one of ${ELECTION_METHODS.join(', ')}` }),
        tieBreak: z.enum(ELECTION_TIE_BREAKS, { error: `must be one of ${ELECTION_TIE_BREAKS.join(', ')}` }),
        /** Nominations close this many days before the meeting; null: at the meeting. */
        nominationDeadlineDays: count('days').min(0).max(90).nullable(),
      })
      .optional(),
  }),
  shares: z
    .strictObject({
      nominalPence: count('pence').min(1),
      minimumHolding: count('shares').min(1),
      maximumHolding: count('shares').min(1),
      withdrawable: z.boolean({ error: 'must be true or false' }),
      transferable: z.boolean({ error: 'must be true or false' }),
    })
    .nullable(),
  /** Each member's guarantee in pence, for companies limited by guarantee and CICs. */
  guaranteePence: count('pence').min(1).nullable(),
  dissolution: z.strictObject({
    rule: z.enum(DISSOLUTION_RULES, { error: `must be one of ${DISSOLUTION_RULES.join(', ')}` }),
    recipient: text('who receives any assets left on dissolution', 500),
    /** A CIC's specified asset-locked body (SI 2005/1788 Sch 1 para 1(4)(f); reg 23). */
    assetLockedBody: text('the specified asset-locked body', 500).optional(),
  }),
});

export type CoopParams = z.output<typeof paramsSchema>;
export type CoopParamsInput = z.input<typeof paramsSchema>;
