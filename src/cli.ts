// The command line: declarations only. Each action imports its command when it runs, so
// `coop --help` and the read commands load nothing they do not use.

import { Command, CommanderError, Option } from 'commander';
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
      new Option('--form <form>', 'legal form').choices([
        'co-operative-society',
        'community-benefit-society',
        'company-limited-by-guarantee',
        'cic',
        'unincorporated-association',
      ]),
    )
    .addOption(new Option('--jurisdiction <where>', 'where the group is based').choices(['england-wales', 'scotland', 'northern-ireland']))
    .option('--name <name>', 'the group’s full name (a society’s ends in "Limited")')
    .option('--objects <text>', 'what the group is for')
    .option('--area <text>', 'the area the group serves')
    .option('--office <address>', 'registered office address')
    .option('--founder <"Name <email>">', 'a founding member, with optional email; repeat for each (the first three become chair, secretary and treasurer)', collect)
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
      .action(run(async () => ((await import('./commands/shares.js'))[verb === 'issue' ? 'sharesIssue' : 'sharesWithdraw']) as Action));
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
    officer
      .command(verb)
      .argument('<number>', 'membership number')
      .description(verb === 'appoint' ? 'appoint a member to an office' : 'record that an officer has left an office')
      .requiredOption('--role <role>', 'the office, e.g. chair, secretary, treasurer')
      .option('--date <date>', 'date (default: today)')
      .option('--no-commit', 'write the change but do not commit it')
      .option('--json', 'print the result as JSON')
      .action(run(async () => ((await import('./commands/officer.js'))[verb === 'appoint' ? 'officerAppoint' : 'officerLeave']) as Action));
  }

  program
    .command('register')
    .description('the statutory register of members and officers as at a date')
    .option('--as-of <date>', 'the date (default: today)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'csv', 'json']).default('md'))
    .option('--with-contacts', 'include private contact details')
    .option('--json', 'same as --format json')
    .action(run(async () => (await import('./commands/register.js')).registerCommand as Action));

  program
    .command('check')
    .description('check coop.yml and the whole register; silent when all is well')
    .option('--json', 'print problems as JSON')
    .action(run(async () => (await import('./commands/check.js')).checkCommand as Action));

  program
    .command('status')
    .description('the group at a glance, with the next statutory deadlines')
    .option('--json', 'print JSON')
    .action(run(async () => (await import('./commands/status.js')).statusCommand as Action));

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
    .option('--audit-exemption', 'a society: add the resolution not to appoint auditors for this year of account (2014 Act s.84: fails at 20% of votes cast or 10% of members against)')
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
    .argument('[numbers...]', 'membership numbers of those present')
    .description('record who is present, proxies and apologies')
    .option('--proxy <HOLDER=MEMBER>', 'member HOLDER holds MEMBER’s proxy; repeat', collect)
    .option('--apologies <numbers...>', 'members who sent apologies')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/meeting/attend.js')).meetingAttend as Action));
  meeting
    .command('vote')
    .argument('<meeting>', 'the meeting')
    .argument('<resolution>', 'resolution number')
    .description('record the votes on a resolution')
    .option('--for <n>', 'votes for')
    .option('--against <n>', 'votes against')
    .option('--abstain <n>', 'abstentions (not votes cast)')
    .addOption(new Option('--consensus <outcome>', 'for groups deciding by consensus').choices(['agreed', 'blocked']))
    .option('--stand-asides <n>', 'with --consensus: members standing aside')
    .addOption(new Option('--casting-vote <side>', 'on a tie, the chair’s casting vote, where the rules give one').choices(['for', 'against']))
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(run(async () => (await import('./commands/meeting/vote.js')).meetingVote as Action));
  meeting
    .command('close')
    .argument('<meeting>', 'the meeting')
    .description('decide quorum and every resolution, write the final minutes and commit')
    .option('--no-commit', 'write the minutes but do not commit them')
    .option('--json', 'print the outcome as JSON')
    .action(run(async () => (await import('./commands/meeting/close.js')).meetingClose as Action));

  return program;
}

/** The entry point: the only place that sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const sub of allCommands(program)) sub.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = await report(error);
  }
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
