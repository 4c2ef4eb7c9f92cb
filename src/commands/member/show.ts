import { showMember } from '../../api/member-queries.js';
import { MISSING_STORE_NOTE } from '../../io/contacts-store.js';
import { payeeWords } from '../../core/register/shares-owed.js';
import { pounds } from '../../core/register/statutory-register.js';
import { print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberShowOptions {
  json?: boolean;
}

export async function memberShow(opts: MemberShowOptions & { number: string }, ctx: Context): Promise<void> {
  const { number } = opts;
  const m = await showMember(ctx.cwd, number);
  if (opts.json) {
    printJson(ctx, m);
    return;
  }
  const lines = [
    `Member ${m.number}: ${m.name}`,
    `  Joined:  ${m.joined}`,
    ...(m.left ? [`  Left:    ${m.left} (${m.leftReason})`] : []),
    `  Shares:  ${m.shares}`,
    ...(m.sharesOwed
      ? [
          `  Owed:    ${m.sharesOwed.shares} share${m.sharesOwed.shares === 1 ? '' : 's'} (${pounds(m.sharesOwed.pence)}) since ${m.sharesOwed.since}, to be repaid ${payeeWords(m.sharesOwed.payee, m.sharesOwed.nominee)}`,
        ]
      : []),
    ...(m.nominee ? [`  Nominee: ${m.nominee}`] : []),
    `  Notices: ${m.notices === 'email' ? `by email (consent given ${m.noticesSince})` : 'by post'}`,
  ];
  for (const o of m.offices) lines.push(`  Office:  ${o.role} from ${o.from}${o.to ? ` to ${o.to}` : ''}`);
  if (m.contact.email) lines.push(`  Email:   ${m.contact.email}`);
  if (m.contact.phone) lines.push(`  Phone:   ${m.contact.phone}`);
  if (m.contactsMissing) lines.push(`  Contacts: ${MISSING_STORE_NOTE}`);
  if (m.contact.address) lines.push(`  Address: ${m.contact.address.replace(/\n/g, '\n           ')}`);
  lines.push('', 'History:');
  for (const h of m.history) lines.push(`  ${h.date}  ${h.text}`);
  print(ctx, lines.join('\n'));
}
