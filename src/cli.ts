// The command line: declarations only. Each action imports its command when it runs, so
// `coop --help` and the read commands load nothing they do not use.

import { Argument, Command, CommanderError, Option } from 'commander';
import { CancelledError, UserError } from './errors.js';
import { VERSION } from './version.js';

type Action = (...args: unknown[]) => Promise<void>;

/** Wraps a lazily imported command so that every action gets the same cwd and error handling. */
function run(load: () => Promise<Action>): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const action = await load();
    await action(...args);
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Help is wrapped at 80 columns however wide the terminal: long lines are harder to read, and
 * 80 is the width bin/coop.js's pre-rendered help is written at (scripts/write-help.js).
 */
const HELP_WIDTH = 80;
const helpWidth = (stream: NodeJS.WriteStream) => Math.min(HELP_WIDTH, stream.isTTY ? stream.columns : HELP_WIDTH);

export function buildProgram(): Command {
  const program = new Command('coop')
    .description('Found and run a co-operative or community group: its rules, register of members, and meetings, as plain files in git.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .configureOutput({ getOutHelpWidth: () => helpWidth(process.stdout), getErrHelpWidth: () => helpWidth(process.stderr) })
    .addHelpText(
      'after',
      `
Examples:
  coop new --yes demo-coop                 found a demo group with the built-in defaults
  coop member add "Priya Sharma" --shares 1
  coop meeting new agm --date 2027-06-10 --time 18:30 --place "Community Hall"
  coop check                               check the rules and the register

Every command that reads takes --json. Run coop <command> --help for its options.`,
    );

  program
    .command('new')
    .argument('[dir]', 'folder to create for the group (must not exist, or be empty)')
    .description('found a group: draft its governing document, founding minutes and register in a new git repository')
    .option('--answers <file>', 'YAML file answering any of the questions below')
    .option('-y, --yes', 'take the defaults for every question not answered by a flag or --answers')
    .addOption(new Option('--kind <kind>', 'kind of group').choices(['worker-coop', 'neighbourhood-group', 'arts-project', 'community-radio']))
    .addOption(
      new Option('--form <form>', 'legal form').choices(['co-operative-society', 'community-benefit-society', 'company-limited-by-guarantee', 'cic', 'unincorporated-association']),
    )
    .addOption(new Option('--jurisdiction <where>', 'where the group is based').choices(['england-wales', 'scotland', 'northern-ireland']))
    .option('--name <name>', 'the group’s full name (a society’s ends in "Limited")')
    .option('--objects <text>', 'what the group is for')
    .option('--area <text>', 'the area the group serves')
    .option('--office <address>', 'registered office address')
    .option(
      '--founder <"Name <email>; address">',
      'a founding member, with optional email and postal address (both kept private); repeat for each (the first three become chair, secretary and treasurer)',
      collect,
    )
    .option('--founded <date>', 'founding date, YYYY-MM-DD (default: today)')
    .option('--year-end <MM-DD>', 'financial year end, e.g. 03-31')
    .addOption(new Option('--decisions <method>', 'how decisions are made').choices(['majority', 'consensus']))
    .option('--fallback-threshold <pct>', 'with consensus: the vote needed when consensus fails, e.g. 75%')
    .option('--quorum-members <n>', 'general-meeting quorum: a fixed number of members…')
    .option('--quorum-percent <pct>', '…or this share of the membership, whichever is greater, e.g. 10%')
    .option('--notice-days <n>', 'clear days’ notice of a general meeting')
    .option('--proxies <n>', 'most proxies one member may hold (0: no proxies)')
    .option('--special-threshold <pct>', 'votes cast needed for a special resolution, e.g. 75% or 2/3')
    .option('--share-value <pence>', 'nominal value of one share, in pence')
    .option('--min-shares <n>', 'shares each member must hold')
    .option('--max-shares <n>', 'most shares one member may hold')
    .option('--withdrawable <yes|no>', 'may members withdraw (cash in) their shares?')
    .option('--transferable <yes|no>', 'may members transfer shares to each other?')
    .addOption(new Option('--board <style>', 'board style').choices(['elected-rotation', 'all-members']))
    .option('--eligibility <text>', 'who may become a member')
    .addOption(new Option('--dissolution <rule>', 'what happens to assets on dissolution').choices(['common-ownership', 'co-ownership', 'similar-body', 'asset-lock']))
    .option('--dissolution-recipient <text>', 'who receives any assets left on dissolution')
    .addOption(
      new Option('--office-country <country>', 'England and Wales only: the rules state the registered office is in england or wales (wales allows a Welsh name ending)').choices([
        'england',
        'wales',
      ]),
    )
    .option('--limited-exempt', 'company limited by guarantee: claim the exemption from ending the name in "Limited" (Companies Act 2006 s.60)')
    .option('--charitable', 'community benefit society with exclusively charitable objects (no statutory asset lock)')
    .option('--asset-locked-body <name>', 'CIC: the asset-locked body (a charity or CIC) the articles name to receive its assets')
    .option('--dry-run', 'print what would be written and write nothing')
    .option('--no-git', 'do not make a git repository')
    .action(run(async () => (await import('./commands/new/index.js')).newCommand as Action));

  const member = program.command('member').description('the register of members');
  member
    .command('add')
    .argument('<name>', 'the member’s full name')
    .description('admit a member; prints the new membership number')
    .option('--joined <date>', 'date admitted (default: today)')
    .option('--shares <n>', 'shares taken on joining (default: the rules’ minimum)')
    .option('--email <email>', 'email address (kept private, never committed)')
    .option('--address <address>', 'postal address (kept private, never committed)')
    .option('--phone <phone>', 'phone number (kept private, never committed)')
    .addOption(new Option('--notices <how>', 'how notices are served: email (the member consents; needs --email) or post (default)').choices(['email', 'post']))
    .option('--notices-date <date>', 'date the member consented to notices by email (default: date joined)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the new member as JSON')
    .action(run(async () => (await import('./commands/member/add.js')).memberAdd as Action));
  member
    .command('leave')
    .argument('<number>', 'membership number')
    .description('record that a member has left (withdrawable shares are repaid)')
    .requiredOption('--date <date>', 'date the membership ended')
    .addOption(new Option('--reason <reason>', 'why').choices(['resigned', 'expelled', 'deceased', 'ineligible', 'other']).makeOptionMandatory())
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/member/leave.js')).memberLeave as Action));
  member
    .command('update')
    .argument('<number>', 'membership number')
    .description('change a member’s name, private contact details, or how notices reach them')
    .option('--name <name>', 'new name (recorded in the register with today’s date, or --date)')
    .option('--date <date>', 'date a change of name took effect (default: today)')
    .option('--email <email>', 'email address (private)')
    .option('--address <address>', 'postal address (private)')
    .option('--phone <phone>', 'phone number (private)')
    .addOption(new Option('--notices <how>', 'email: the member consents to notices by email; post: consent withdrawn').choices(['email', 'post']))
    .option('--notices-date <date>', 'date the consent was given or withdrawn (default: today)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/member/update.js')).memberUpdate as Action));
  member
    .command('list')
    .description('list members as at a date')
    .option('--as-of <date>', 'the date (default: today)')
    .option('--all', 'include former members')
    .option('--json', 'print JSON')
    .action(run(async () => (await import('./commands/member/list.js')).memberList as Action));
  member
    .command('show')
    .argument('<number>', 'membership number')
    .description('one member, with their history')
    .option('--json', 'print JSON')
    .action(run(async () => (await import('./commands/member/show.js')).memberShow as Action));
  member
    .command('import')
    .argument('<file>', 'CSV file exported from a spreadsheet')
    .description('admit members from a spreadsheet export (all or nothing)')
    .option('--columns <map>', 'which column holds what, e.g. "name=Full name,joined=Start date"')
    .option('--dry-run', 'check the file and print what would be imported; change nothing')
    .option('--skip-existing', 'leave out rows for members already in the register (same name and date joined)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/member/import.js')).memberImport as Action));
  member
    .command('export')
    .argument('<file>', 'CSV file to write (must not exist)')
    .description('write the register of members as a CSV spreadsheet')
    .option('--as-of <date>', 'the date (default: today)')
    .option('--all', 'include former members')
    .option('--with-contacts', 'include private contact details')
    .option('--json', 'print a summary as JSON')
    .action(run(async () => (await import('./commands/member/export.js')).memberExport as Action));

  // A member's other property in the group (loans, deposits): in a society's register.
  for (const verb of ['loan', 'repay'] as const) {
    member
      .command(verb)
      .argument('<number>', 'membership number')
      .argument('<amount>', 'pounds, e.g. 500 or £250.50')
      .description(
        verb === 'loan' ? 'record money a member lends (or, with --deposit, deposits with) the group' : 'record repayment of a member’s loan (or, with --deposit, deposit)',
      )
      .option('--deposit', 'a deposit rather than a loan')
      .option('--date <date>', 'date (default: today)')
      .option('--no-commit', 'write the change but do not commit it')
      .option('--json', 'print the result as JSON')
      .action(run(async () => (await import('./commands/member/property.js'))[verb === 'loan' ? 'memberLoan' : 'memberRepay'] as Action));
  }

  member
    .command('forget')
    .argument('<number>', 'membership number of a former member')
    .description('erase a former member’s contact details once the retention period is over (refused while still needed)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/member/forget.js')).memberForget as Action));

  const shares = program.command('shares').description('members’ shares');
  for (const verb of ['issue', 'withdraw'] as const) {
    shares
      .command(verb)
      .argument('<number>', 'membership number')
      .argument('<count>', 'number of shares')
      .description(verb === 'issue' ? 'issue shares to a member' : 'repay (withdraw) a member’s shares')
      .option('--date <date>', 'date (default: today)')
      .option('--no-commit', 'write the change but do not commit it')
      .option('--json', 'print the result as JSON')
      .action(run(async () => (await import('./commands/shares.js'))[verb === 'issue' ? 'sharesIssue' : 'sharesWithdraw'] as Action));
  }
  shares
    .command('transfer')
    .argument('<from>', 'membership number transferring')
    .argument('<to>', 'membership number receiving')
    .argument('<count>', 'number of shares')
    .description('transfer shares between members')
    .option('--date <date>', 'date (default: today)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/shares.js')).sharesTransfer as Action));

  const officer = program.command('officer').description('the register of officers');
  for (const verb of ['appoint', 'leave'] as const) {
    const sub = officer.command(verb);
    if (verb === 'appoint') sub.option('--co-opted', 'a board seat filled by the board between general meetings, up to the rules’ limit');
    sub
      .argument('<number>', 'membership number')
      .description(verb === 'appoint' ? 'appoint a member to an office' : 'record that an officer has left an office')
      .requiredOption('--role <role>', 'the office, e.g. chair, secretary, treasurer; or a seat on the board: director (board member, committee member)')
      .option('--date <date>', 'date (default: today)')
      .option('--no-commit', 'write the change but do not commit it')
      .option('--json', 'print the result as JSON')
      .action(run(async () => (await import('./commands/officer.js'))[verb === 'appoint' ? 'officerAppoint' : 'officerLeave'] as Action));
  }

  officer
    .command('details')
    .argument('<number>', 'membership number')
    .description('a company director’s particulars for the register of directors (kept private, never committed)')
    .option('--service-address <address>', 'address for service (default shown: the registered office)')
    .option('--residence <country>', 'country or state of usual residence')
    .option('--nationality <nationality>', 'nationality')
    .option('--occupation <occupation>', 'business occupation')
    .option('--born <date>', 'date of birth, YYYY-MM-DD')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/officer-details.js')).officerDetails as Action));

  program
    .command('register')
    .description('the statutory registers as at a date: members and officers; for a company also directors, secretaries and PSCs')
    .option('--as-of <date>', 'the date (default: today)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'csv', 'json']).default('md'))
    .option('--with-contacts', 'include addresses and the other private particulars the law requires')
    .option('--json', 'same as --format json')
    .action(run(async () => (await import('./commands/register.js')).registerCommand as Action));

  program
    .command('check')
    .description('check coop.yml and the whole register; silent when all is well')
    .option('--json', 'print problems as JSON')
    .option('--all', 'list every problem (without it, the first twenty and how many more)')
    .action(run(async () => (await import('./commands/check.js')).checkCommand as Action));

  // Contact details across officers (issue 14): a sealed file, never git.
  const contacts = program.command('contacts').description('pass contact details between officers’ copies, sealed with a passphrase (never through git)');
  contacts
    .command('export')
    .description('seal this copy’s contact details in a file for another officer')
    .requiredOption('--to <file>', 'the file to write (keep it out of the group’s folder)')
    .option('--passphrase-file <file>', 'read the passphrase from the first line of this file (or set COOP_CONTACTS_PASSPHRASE; asked at a terminal)')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/contacts.js')).contactsExport as Action));
  contacts
    .command('import')
    .argument('<file>', 'a file made by coop contacts export')
    .description('merge another officer’s contact details into this copy, keeping the newer where both have some')
    .option('--passphrase-file <file>', 'read the passphrase from the first line of this file (or set COOP_CONTACTS_PASSPHRASE; asked at a terminal)')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/contacts.js')).contactsImport as Action));

  // Several officers, one register (issue 14): share changes with the other copies.
  program
    .command('sync')
    .description("bring in the other officers' changes and send yours (git fetch, merge, check, push)")
    .option('--remote <name>', 'the remote to sync with (default: the branch’s upstream, or the only remote)')
    .option('--no-push', 'merge and check, but do not send')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Refuses while you have uncommitted edits. Numbers two copies both gave out are settled by
one rule (the earlier admission keeps it) and the change is said once ("Dafydd Jones is now
member 5"). A clash coop cannot settle (shares issued to a member another officer recorded
as gone) undoes the merge and shows both entries. Any git remote works, a bare repository
on a shared folder or USB stick included: git remote add origin /media/usb/our-coop.git`,
    )
    .action(run(async () => (await import('./commands/sync.js')).syncCommand as Action));

  program
    .command('status')
    .description('the group at a glance, with the next statutory deadlines')
    .option('--json', 'print JSON')
    .action(run(async () => (await import('./commands/status.js')).statusCommand as Action));

  // Registration and filings: deadlines in coop status count from these.
  program
    .command('registered')
    .description('record the day the society was registered or the company incorporated')
    .requiredOption('--date <date>', 'the date on the certificate, YYYY-MM-DD')
    .option('--number <number>', 'the register number, e.g. RS008765 or 12345678')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/filings.js')).registeredCommand as Action));
  program
    .command('filed')
    .argument('<what>', 'confirmation-statement, accounts, annual-return or cic-report')
    .description('record a filing made to Companies House or the FCA, so coop status moves on to the next')
    .option('--date <date>', 'the day it was delivered (default: today)')
    .option('--period-end <date>', 'the year end it covers, or a confirmation statement’s confirmation date (default: the one now due)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/filings.js')).filedCommand as Action));

  const meeting = program.command('meeting').description('general and committee meetings');
  // --resolution and --special fill one list, so resolutions are numbered in the order typed.
  const resolutions: { kind: 'ordinary' | 'special'; text: string }[] = [];
  const addResolution = (kind: 'ordinary' | 'special') => (text: string) => {
    resolutions.push({ kind, text });
    return resolutions;
  };
  meeting
    .command('new')
    .argument('<type>', 'agm, general or committee')
    .description('call a meeting: notice, agenda, proxy form, attendance sheet, draft minutes and calendar file')
    .requiredOption('--date <date>', 'meeting date, YYYY-MM-DD')
    .requiredOption('--time <HH:MM>', 'start time, 24-hour, UK time')
    .requiredOption('--place <text>', 'where it is held')
    .option('--online <url>', 'link for joining online')
    .option('--notice-date <date>', 'date the notice is given (default: today)')
    .option('--by-post', 'post the notice to everyone, even members who agreed to email (each member is otherwise served as they take notices)')
    .option('--resolution <text>', 'an ordinary resolution; repeat for each (numbered in the order given)', addResolution('ordinary'))
    .option('--special <text>', 'a special resolution (full text); repeat for each', addResolution('special'))
    .option('--short-notice', 'hold it on short notice, with the consent the rules require (recorded in the notice)')
    .option('--amendment <id>', 'put a proposed amendment to the meeting: its special resolution goes on the notice in full')
    .option(
      '--audit-exemption',
      'a society: add the resolution not to appoint auditors for this year of account (2014 Act s.84: fails at 20% of votes cast or 10% of members against)',
    )
    .option('--no-commit', 'write the papers but do not commit them')
    .option('--json', 'print the meeting as JSON')
    .action(run(async () => (await import('./commands/meeting/new.js')).meetingNew as Action));
  meeting
    .command('list')
    .description('meetings, and the next AGM due')
    .option('--json', 'print JSON')
    .action(run(async () => (await import('./commands/meeting/list.js')).meetingList as Action));
  meeting
    .command('attend')
    .argument('<meeting>', 'the meeting: its date (2027-06-10), or date and type (2027-06-10-agm)')
    .argument('[numbers...]', 'membership numbers of those present: 4 7 9, or lists and ranges such as 1-5,8')
    .description('record who is present, proxies and apologies; --remove takes off one recorded by mistake')
    .option('--proxy <HOLDER=MEMBER>', 'member HOLDER holds MEMBER’s proxy; repeat', collect)
    .option('--apologies <numbers...>', 'members who sent apologies (lists and ranges too)')
    .option('--remove <numbers...>', 'members recorded by mistake: taken off as present, apologies or proxies (until votes are recorded)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/meeting/attend.js')).meetingAttend as Action));
  meeting
    .command('vote')
    .argument('<meeting>', 'the meeting')
    .argument('<resolution>', 'resolution number')
    .description('record the votes on a resolution')
    .option('--for <n>', 'votes for')
    .option('--against <n>', 'votes against (default 0 when --for is given: a unanimous vote)')
    .option('--abstain <n>', 'abstentions (not votes cast)')
    .addOption(new Option('--consensus <outcome>', 'for groups deciding by consensus').choices(['agreed', 'blocked']))
    .option('--stand-asides <n>', 'with --consensus: members standing aside')
    .addOption(new Option('--casting-vote <side>', 'on a tie, the chair’s casting vote, where the rules give one').choices(['for', 'against']))
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/meeting/vote.js')).meetingVote as Action));
  meeting
    .command('nominate')
    .argument('<meeting>', 'the meeting (an AGM or general meeting)')
    .argument('<member>', 'membership number of the candidate for the board')
    .description('nominate a candidate for election to the board (a retiring board member standing again, too)')
    .option('--proposer <number>', 'the member proposing them')
    .option('--seconder <number>', 'the member seconding them')
    .option('--date <date>', 'the day the nomination was received (default: today)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/meeting/nominate.js')).meetingNominate as Action));
  meeting
    .command('elect')
    .argument('<meeting>', 'the meeting')
    .description('record the board election: the seats, and the votes per candidate when contested')
    .requiredOption('--seats <n>', 'places to fill')
    .option('--votes <MEMBER=VOTES,...>', 'votes per candidate, e.g. 3=41,7=38 (leave out when uncontested)')
    .option('--tie-break <number>', 'the winner of a tie for the last seat, by lot or casting vote as the rules say')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/meeting/elect.js')).meetingElect as Action));
  meeting
    .command('close')
    .argument('<meeting>', 'the meeting')
    .description('decide quorum and every resolution, write the final minutes and commit')
    .option('--no-commit', 'write the minutes but do not commit them')
    .option('--json', 'print the outcome as JSON')
    .action(run(async () => (await import('./commands/meeting/close.js')).meetingClose as Action));

  const resolution = program.command('resolution').description('decisions of the members in writing, without a meeting');
  resolution
    .command('propose')
    .argument('<kind>', 'ordinary or special')
    .argument('<text>', 'the full wording of the resolution')
    .description('circulate a written resolution: the resolution and a form for each member entitled to agree')
    .option('--date <date>', 'the circulation date (default: today)')
    .option('--remove-director <number>', 'the resolution would remove this director (board member) before the end of their term: refused, as the law requires')
    .option('--remove-auditor', 'the resolution would remove the auditor before the end of their term: refused, as the law requires')
    .option('--no-commit', 'write the papers but do not commit them')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/resolution/propose.js')).resolutionPropose as Action));
  resolution
    .command('sign')
    .argument('<id>', 'the resolution number')
    .argument('<members...>', 'membership numbers of those whose signed forms came back')
    .description('record agreements as the signed forms come back; writes the minutes on the day it passes')
    .option('--date <date>', 'the day the forms were received (default: today)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/resolution/sign.js')).resolutionSign as Action));
  resolution
    .command('status')
    .argument('[id]', 'the resolution number (default: all of them)')
    .description('open, passed or lapsed, with the count of agreements')
    .option('--json', 'print JSON')
    .action(run(async () => (await import('./commands/resolution/status.js')).resolutionStatusCommand as Action));
  program
    .command('print')
    .argument('<what>', 'rules, notice, proxy-form, attendance, minutes, register, certificate, poster or founding')
    .argument('[which]', 'the meeting (notice, proxy-form, attendance, minutes, poster) or membership number (certificate)')
    .description('print a paper as an A4 PDF, under print/ (or private/print/ when it holds addresses)')
    .option('--out <file>', 'write the PDF here instead (a new file)')
    .option('--letters', 'notice: one addressed letter per member served by post, for DL window envelopes')
    .option('--as-of <date>', 'register, certificate: the date (default: today)')
    .option('--with-contacts', 'register: include private contact details (written under private/)')
    .option('--json', 'print what was written as JSON')
    .action(run(async () => (await import('./commands/print.js')).printCommand as Action));
  // Changing the rules lawfully (issue 15): amend → meeting → registered/filed.
  const rules = program.command('rules').description('change the rules lawfully: propose an amendment, then record it registered (or filed)');
  rules
    .command('amend')
    .description('propose an amendment: writes amendments/<date>-<slug>/ with the amended document, schedule of changes, special resolution and filing pack')
    .option('--name <name>', 'the group’s new name')
    .option('--objects <text>', 'new objects (what the group is for)')
    .option('--object <text>', 'the same as --objects')
    .option('--area <text>', 'the area the group serves')
    .option('--office <address>', 'registered office address')
    .option('--year-end <MM-DD>', 'financial year end')
    .option('--eligibility <text>', 'who may become a member')
    .addOption(new Option('--decisions <method>', 'how decisions are made').choices(['majority', 'consensus']))
    .option('--fallback-threshold <pct>', 'with consensus: the vote needed when consensus fails')
    .option('--quorum-members <n>', 'general-meeting quorum: a fixed number of members…')
    .option('--quorum-percent <pct>', '…or this share of the membership, whichever is greater')
    .option('--notice-days <n>', 'clear days’ notice of a general meeting')
    .option('--proxies <n>', 'most proxies one member may hold (0: no proxies)')
    .option('--special-threshold <pct>', 'votes cast needed for a special resolution')
    .option('--share-value <pence>', 'nominal value of one share, in pence')
    .option('--min-shares <n>', 'shares each member must hold')
    .option('--max-shares <n>', 'most shares one member may hold')
    .option('--withdrawable <yes|no>', 'may members withdraw their shares?')
    .option('--transferable <yes|no>', 'may members transfer shares?')
    .addOption(new Option('--board <style>', 'board style').choices(['elected-rotation', 'all-members']))
    .addOption(new Option('--dissolution <rule>', 'what happens to assets on dissolution').choices(['common-ownership', 'co-ownership', 'similar-body', 'asset-lock']))
    .option('--dissolution-recipient <text>', 'who receives any assets left on dissolution')
    .option('--date <date>', 'date proposed (default: today)')
    .option('--no-commit', 'write the papers but do not commit them')
    .option('--json', 'print {"id", "folder", …} as JSON')
    .action(run(async () => (await import('./commands/rules/amend.js')).rulesAmend as Action));
  rules
    .command('registered')
    .argument('<id>', 'the amendment, e.g. 2027-05-01-quorum-percent')
    .description('a society’s amendment registered by the FCA (an association’s, adopted): it takes effect; coop.yml and the rules change')
    .requiredOption('--date <date>', 'date of registration')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/rules/take-effect.js')).rulesRegistered as Action));
  rules
    .command('filed')
    .argument('<id>', 'the amendment')
    .description('a company’s amendment filed at Companies House: coop.yml and the articles change')
    .requiredOption('--date <date>', 'date filed')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/rules/take-effect.js')).rulesFiled as Action));
  rules
    .command('upgrade')
    .description('propose the newer wording of the governing document as an amendment, keeping your own registered wording')
    .option('--date <date>', 'date proposed (default: today)')
    .option('--no-commit', 'write the papers but do not commit them')
    .option('--json', 'print {"id", "folder", …} as JSON')
    .action(run(async () => (await import('./commands/rules/upgrade.js')).rulesUpgrade as Action));
  rules
    .command('list')
    .description('every amendment and where it stands')
    .option('--json', 'print JSON')
    .action(run(async () => (await import('./commands/rules/list.js')).rulesList as Action));
  program
    .command('completion')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .description('print a script that makes the shell complete coop’s commands, options and meetings')
    .addHelpText('after', '\nLoad it from ~/.bashrc or ~/.zshrc with: source <(coop completion bash)\nFor fish: coop completion fish > ~/.config/fish/completions/coop.fish')
    .action(run(async () => (await import('./commands/completion.js')).completionCommand as Action));

  return program;
}

/** The entry point: the only place that sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  // What the completion scripts ask on each Tab (commands/completion.ts); not a command people run.
  if (argv[0] === '__complete') {
    const { complete } = await import('./commands/completion.js');
    for (const word of complete(program, argv.slice(1), process.cwd())) process.stdout.write(`${word}\n`);
    return;
  }
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const sub of allCommands(program)) sub.exitOverride();
  try {
    await program.parseAsync(helpFor(argv), { from: 'user' });
  } catch (error) {
    process.exitCode = await report(error);
  }
}

/**
 * `coop help meeting new` as `coop meeting new --help`: commander's own help command looks only
 * at the first word, so it would print the help of `meeting` instead.
 */
export function helpFor(argv: string[]): string[] {
  return argv[0] === 'help' && argv.length > 2 && argv.slice(1).every((a) => !a.startsWith('-')) ? [...argv.slice(1), '--help'] : argv;
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

async function report(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version are not failures; everything else commander reports is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  if (error instanceof CancelledError) {
    process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof UserError) {
    const { default: chalk } = await import('chalk');
    process.stderr.write(`${chalk.red('coop:')} ${error.message}\n`);
    return error.exitCode;
  }
  const e = error as Error;
  process.stderr.write(
    `coop: internal error — this is a bug in create-coop, not something you did.\n${e?.stack ?? String(error)}\n` +
      'Please report it with the command you ran. Your files were left as they were before the command.\n',
  );
  return 70;
}
