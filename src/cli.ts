// The command line: commander's declarations, and the seam that turns what commander parsed
// into each command's typed options. Each action imports its command when it runs, so
// `coop --help` and the read commands load nothing they do not use.

import { Argument, Command, CommanderError, Option, type OptionValues } from 'commander';
import { CancelledError, InternalError, UserError } from './errors.js';
import { colourLevel, processContext, type Context, type Output } from './io/context.js';
import { VERSION } from './version.js';

// THE SEAM between commander and the commands. A command is a function
//   (options: ItsOptions, ctx: Context) => Promise<number | void>
// in src/commands/, taking one typed options object (positional arguments by name, flags by
// their camel-cased names) and the context it runs in (io/context.ts: cwd, env, stdout,
// stderr, stdin). Each action below maps commander's parsed arguments and option values into
// that object through the checked readers (text, flag, texts, given, oneOf): the one place
// where flags become typed options, so a command never sees commander, and a mistake in the
// mapping is a type error or a failing row of test/unit/cli-seam.test.ts (which checks
// argv → options with the command modules stubbed). To add a command: declare it, give its
// module an options interface and a (options, ctx) function, map it here with act(), and add
// a row to the table test.

/** A command as the CLI calls it; a number it returns is the exit code. */
type CommandFn<O> = (options: O, ctx: Context) => Promise<number> | Promise<void>;
/** What commander parsed: positional arguments in declaration order, and option values. */
interface Parsed {
  args: readonly unknown[];
  opts: OptionValues;
}
/** The context every action runs in, and the exit code the command chose. */
interface Seam {
  ctx: Context;
  exitCode: number;
}

/** An action: options normalised first, then the command imported (lazily) and called. */
function act<O>(seam: Seam, load: () => Promise<CommandFn<O>>, toOptions: (parsed: Parsed) => O) {
  return async function (this: Command): Promise<void> {
    const options = toOptions({ args: this.processedArgs, opts: this.opts() });
    const command = await load();
    const code = await command(options, seam.ctx);
    seam.exitCode = typeof code === 'number' ? code : 0;
  };
}

/** An option's or optional argument's text; undefined when not given. */
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A boolean flag (--no-x gives false); undefined when not given. */
const flag = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
/** A repeated option or a variadic argument. */
const texts = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
/** A required argument or mandatory option: commander has refused the command without it. */
function given<T extends string>(v: T | undefined): T;
function given(v: unknown): string;
function given(v: unknown): string {
  if (typeof v !== 'string') throw new InternalError(`a required argument or option reached the command as ${typeof v}`);
  return v;
}
/** An option with choices: commander has refused any other value. */
const oneOf = <T extends string>(choices: readonly T[], v: unknown): T | undefined => choices.find((c) => c === v);
/** --no-commit and --json, which most commands that change something take. */
const written = (o: OptionValues) => ({ commit: flag(o.commit), json: flag(o.json) });
/** A member's private contact details and how notices reach them (member add and update). */
const contactValues = (o: OptionValues) => ({
  email: text(o.email),
  address: text(o.address),
  phone: text(o.phone),
  notices: text(o.notices),
  noticesDate: text(o.noticesDate),
});
/** Every option given as text, by name: for commands whose options mirror coop.yml's answers. */
const textValues = (o: OptionValues): Record<string, string> => Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A resolution as typed, with its place among all --resolution and --special flags. */
interface TypedResolution {
  kind: 'ordinary' | 'special';
  text: string;
  at: number;
}
const isTypedResolution = (x: unknown): x is TypedResolution => typeof x === 'object' && x !== null && 'at' in x && 'kind' in x && 'text' in x;
/** --resolution and --special, merged back into the order they were typed (numbered in that order). */
function inOrderTyped(...lists: unknown[]): { kind: 'ordinary' | 'special'; text: string }[] {
  const typed = lists.flatMap((l) => (Array.isArray(l) ? l.filter(isTypedResolution) : []));
  return typed.sort((a, b) => a.at - b.at).map(({ kind, text }) => ({ kind, text }));
}

const REGISTER_FORMATS = ['md', 'csv', 'json'] as const;
const CONSENSUS = ['agreed', 'blocked'] as const;
const SIDES = ['for', 'against'] as const;
const SHELLS = ['bash', 'zsh', 'fish'] as const;
const PAYEES = ['member', 'nominee', 'representatives'] as const;

/**
 * Help is wrapped at 80 columns however wide the terminal: long lines are harder to read, and
 * 80 is the width bin/coop.js's pre-rendered help is written at (scripts/write-help.js).
 */
const HELP_WIDTH = 80;
const helpWidth = (stream: Output) => Math.min(HELP_WIDTH, stream.isTTY && stream.columns ? stream.columns : HELP_WIDTH);

/**
 * The program, its actions bound to the context they run in (the process's when not given).
 * Given `only`, the first word of the command line, it declares that top-level command alone
 * when TOP_LEVEL names it: every run would otherwise pay for declaring (and V8 for compiling)
 * the whole program. Any other word (an option, help, a typo) gets the whole program.
 */
export function buildProgram(seam: Seam = { ctx: processContext(), exitCode: 0 }, only?: string): Command {
  const { ctx } = seam;
  const program = new Command('coop')
    .description('Found and run a co-operative or community group: its rules, register of members, and meetings, as plain files in git.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    // Set before any subcommand is declared: each copies its parent's settings when made.
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      getOutHelpWidth: () => helpWidth(ctx.stdout),
      getErrHelpWidth: () => helpWidth(ctx.stderr),
    })
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
  const one = TOP_LEVEL.find(([names]) => only !== undefined && names.includes(only));
  for (const [, declare] of one ? [one] : TOP_LEVEL) declare(program, seam);
  return program;
}

/**
 * Every top-level command, in the order help lists them, with the function that declares it
 * and its subcommands. A command missing here is still declared when run: any word not
 * named here gets the whole program (test/unit/cli-seam.test.ts checks the list is whole).
 */
const TOP_LEVEL: [string[], (program: Command, seam: Seam) => void][] = [
  [['new'], declareNew],
  [['member'], declareMember],
  [['shares'], declareShares],
  [['officer'], declareOfficer],
  [['register'], declareRegister],
  [['check'], declareCheck],
  [['contacts'], declareContacts],
  [['sync'], declareSync],
  [['status'], declareStatus],
  [['registered', 'filed'], declareFilings],
  [['meeting'], declareMeeting],
  [['resolution'], declareResolution],
  [['print'], declarePrint],
  [['rules'], declareRules],
  [['completion'], declareCompletion],
];

function declareNew(program: Command, seam: Seam): void {
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
    .action(
      act(
        seam,
        async () => (await import('./commands/new/index.js')).newCommand,
        ({ args: [dir], opts: o }) => ({ ...o, dir: text(dir), answers: text(o.answers), yes: flag(o.yes), dryRun: flag(o.dryRun), git: flag(o.git), founder: texts(o.founder) }),
      ),
    );
}

function declareMember(program: Command, seam: Seam): void {
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
    .action(
      act(
        seam,
        async () => (await import('./commands/member/add.js')).memberAdd,
        ({ args: [name], opts: o }) => ({
          name: given(name),
          joined: text(o.joined),
          shares: text(o.shares),
          ...contactValues(o),
          ...written(o),
        }),
      ),
    );
  member
    .command('leave')
    .argument('<number>', 'membership number')
    .description('record that a member has left (withdrawable shares are owed to them until coop shares repay)')
    .requiredOption('--date <date>', 'date the membership ended')
    .addOption(new Option('--reason <reason>', 'why').choices(['resigned', 'expelled', 'deceased', 'ineligible', 'other']).makeOptionMandatory())
    .option('--nominee <name>', 'for a member who died: the person they nominated to receive their shares and property (2014 Act s.37)')
    .option('--decision <meeting:resolution>', 'with --reason expelled: the special resolution that expelled them, e.g. 2025-06-20:2')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/member/leave.js')).memberLeave,
        ({ args: [number], opts: o }) => ({
          number: given(number),
          date: given(o.date),
          reason: given(o.reason),
          nominee: text(o.nominee),
          decision: text(o.decision),
          ...written(o),
        }),
      ),
    );
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
    .action(
      act(
        seam,
        async () => (await import('./commands/member/update.js')).memberUpdate,
        ({ args: [number], opts: o }) => ({
          number: given(number),
          name: text(o.name),
          date: text(o.date),
          ...contactValues(o),
          ...written(o),
        }),
      ),
    );
  member
    .command('list')
    .description('list members as at a date')
    .option('--as-of <date>', 'the date (default: today)')
    .option('--all', 'include former members')
    .option('--json', 'print JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/member/list.js')).memberList,
        ({ opts: o }) => ({ asOf: text(o.asOf), all: flag(o.all), json: flag(o.json) }),
      ),
    );
  member
    .command('show')
    .argument('<number>', 'membership number')
    .description('one member, with their history')
    .option('--json', 'print JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/member/show.js')).memberShow,
        ({ args: [number], opts: o }) => ({ number: given(number), json: flag(o.json) }),
      ),
    );
  member
    .command('import')
    .argument('<file>', 'CSV file exported from a spreadsheet')
    .description('admit members from a spreadsheet export (all or nothing)')
    .option('--columns <map>', 'which column holds what, e.g. "name=Full name,joined=Start date"')
    .option('--dry-run', 'check the file and print what would be imported; change nothing')
    .option('--skip-existing', 'leave out rows for members already in the register (same name and date joined)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/member/import.js')).memberImport,
        ({ args: [file], opts: o }) => ({ file: given(file), columns: text(o.columns), dryRun: flag(o.dryRun), skipExisting: flag(o.skipExisting), ...written(o) }),
      ),
    );
  member
    .command('export')
    .argument('<file>', 'CSV file to write (must not exist)')
    .description('write the register of members as a CSV spreadsheet')
    .option('--as-of <date>', 'the date (default: today)')
    .option('--all', 'include former members')
    .option('--with-contacts', 'include private contact details')
    .option('--json', 'print a summary as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/member/export.js')).memberExport,
        ({ args: [file], opts: o }) => ({ file: given(file), asOf: text(o.asOf), all: flag(o.all), withContacts: flag(o.withContacts), json: flag(o.json) }),
      ),
    );

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
      .action(
        act(
          seam,
          async () => (await import('./commands/member/property.js'))[verb === 'loan' ? 'memberLoan' : 'memberRepay'],
          ({ args: [number, amount], opts: o }) => ({ number: given(number), amount: given(amount), deposit: flag(o.deposit), date: text(o.date), ...written(o) }),
        ),
      );
  }

  member
    .command('forget')
    .argument('<number>', 'membership number of a former member')
    .description('erase a former member’s contact details once the retention period is over (refused while still needed)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/member/forget.js')).memberForget,
        ({ args: [number], opts: o }) => ({ number: given(number), ...written(o) }),
      ),
    );
}

function declareShares(program: Command, seam: Seam): void {
  const shares = program.command('shares').description('members’ shares');
  for (const verb of ['issue', 'withdraw'] as const) {
    shares
      .command(verb)
      .argument('<number>', 'membership number')
      .argument('<count>', 'number of shares')
      .description(verb === 'issue' ? 'issue shares to a member' : 'withdraw a member’s shares: the group owes them until shares repay records the payment')
      .option('--date <date>', 'date (default: today)')
      .option('--no-commit', 'write the change but do not commit it')
      .option('--json', 'print the result as JSON')
      .action(
        act(
          seam,
          async () => (await import('./commands/shares.js'))[verb === 'issue' ? 'sharesIssue' : 'sharesWithdraw'],
          ({ args: [number, count], opts: o }) => ({ number: given(number), count: given(count), date: text(o.date), ...written(o) }),
        ),
      );
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
    .action(
      act(
        seam,
        async () => (await import('./commands/shares.js')).sharesTransfer,
        ({ args: [from, to, count], opts: o }) => ({ from: given(from), to: given(to), count: given(count), date: text(o.date), ...written(o) }),
      ),
    );
  // Shares withdrawn or given up on leaving are owed until paid for (issue 18, item 7).
  shares
    .command('repay')
    .argument('<number>', 'membership number of the member (or former member) owed for shares')
    .description('record that the group paid for shares withdrawn or given up on leaving')
    .option('--date <date>', 'date of the payment (default: today)')
    .option('--amount <pounds>', 'the amount paid, when the board pays less than the shares’ nominal value, as the rules allow')
    .addOption(new Option('--to <whom>', 'who was paid (default: the member; for a member who died, their nominee or else their representatives)').choices(PAYEES))
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/shares.js')).sharesRepay,
        ({ args: [number], opts: o }) => ({ number: given(number), date: text(o.date), amount: text(o.amount), to: oneOf(PAYEES, o.to), ...written(o) }),
      ),
    );
}

function declareOfficer(program: Command, seam: Seam): void {
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
      .action(
        act(
          seam,
          async () => (await import('./commands/officer.js'))[verb === 'appoint' ? 'officerAppoint' : 'officerLeave'],
          ({ args: [number], opts: o }) => ({ number: given(number), role: given(o.role), date: text(o.date), coOpted: flag(o.coOpted), ...written(o) }),
        ),
      );
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
    .action(
      act(
        seam,
        async () => (await import('./commands/officer-details.js')).officerDetails,
        ({ args: [number], opts: o }) => ({
          number: given(number),
          serviceAddress: text(o.serviceAddress),
          residence: text(o.residence),
          nationality: text(o.nationality),
          occupation: text(o.occupation),
          born: text(o.born),
          json: flag(o.json),
        }),
      ),
    );
}

function declareRegister(program: Command, seam: Seam): void {
  program
    .command('register')
    .description('the statutory registers as at a date: members and officers; for a company also directors, secretaries and PSCs')
    .option('--as-of <date>', 'the date (default: today)')
    .addOption(new Option('--format <format>', 'output format').choices(REGISTER_FORMATS).default('md'))
    .option('--with-contacts', 'include addresses and the other private particulars the law requires')
    .option('--json', 'same as --format json')
    .action(
      act(
        seam,
        async () => (await import('./commands/register.js')).registerCommand,
        ({ opts: o }) => ({ asOf: text(o.asOf), format: oneOf(REGISTER_FORMATS, o.format), withContacts: flag(o.withContacts), json: flag(o.json) }),
      ),
    );
}

function declareCheck(program: Command, seam: Seam): void {
  program
    .command('check')
    .description('check coop.yml and the whole register; silent when all is well')
    .option('--json', 'print problems as JSON')
    .option('--all', 'list every problem (without it, the first twenty and how many more)')
    .addHelpText(
      'after',
      '\nAmong the checks: no tracked file holds a stored email, address or phone number. That is the second\n' +
        'line of defence: every command refuses, before committing, a change whose text (a name, a place,\n' +
        'an agenda item, a resolution) holds one, or anything that looks like an email or phone number.',
    )
    .action(
      act(
        seam,
        async () => (await import('./commands/check.js')).checkCommand,
        ({ opts: o }) => ({ json: flag(o.json), all: flag(o.all) }),
      ),
    );
}

function declareContacts(program: Command, seam: Seam): void {
  // Contact details across officers (issue 14): a sealed file, never git.
  const contacts = program.command('contacts').description('pass contact details between officers’ copies, sealed with a passphrase (never through git)');
  contacts
    .command('export')
    .description('seal this copy’s contact details in a file for another officer')
    .requiredOption('--to <file>', 'the file to write (keep it out of the group’s folder)')
    .option('--passphrase-file <file>', 'read the passphrase from the first line of this file (or set COOP_CONTACTS_PASSPHRASE; asked at a terminal)')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/contacts.js')).contactsExport,
        ({ opts: o }) => ({ to: given(o.to), passphraseFile: text(o.passphraseFile), json: flag(o.json) }),
      ),
    );
  contacts
    .command('import')
    .argument('<file>', 'a file made by coop contacts export')
    .description('merge another officer’s contact details into this copy, keeping the newer where both have some')
    .option('--passphrase-file <file>', 'read the passphrase from the first line of this file (or set COOP_CONTACTS_PASSPHRASE; asked at a terminal)')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/contacts.js')).contactsImport,
        ({ args: [file], opts: o }) => ({ file: given(file), passphraseFile: text(o.passphraseFile), json: flag(o.json) }),
      ),
    );
}

function declareSync(program: Command, seam: Seam): void {
  // Several officers, one register (issue 14): share changes with the other copies.
  program
    .command('sync')
    .description("bring in the other officers' changes and send yours (git fetch, merge, check, push)")
    .option('--remote <name>', 'the remote to sync with (default: the branch’s upstream, or the only remote)')
    .option('--no-push', 'merge and check, but do not send')
    .addOption(
      new Option('--prefer <copy>', 'where two copies recorded the same member or resolution of an open meeting differently, keep this copy’s or the remote’s').choices([
        'here',
        'remote',
      ]),
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Refuses while you have uncommitted edits. Numbers two copies both gave out are settled by
one rule (the earlier admission keeps it) and the change is said once ("Dafydd Jones is now
member 5"). A clash coop cannot settle (shares issued to a member another officer recorded
as gone) undoes the merge and shows both entries. A meeting recorded on two computers is
merged member by member and resolution by resolution; where both recorded the same one
differently it stops and shows both (then --prefer here or --prefer remote); a closed meeting
is never changed. Any git remote works, a bare repository
on a shared folder or USB stick included: git remote add origin /media/usb/our-coop.git`,
    )
    .action(
      act(
        seam,
        async () => (await import('./commands/sync.js')).syncCommand,
        ({ opts: o }) => ({ remote: text(o.remote), push: flag(o.push), prefer: oneOf(['here', 'remote'] as const, o.prefer), json: flag(o.json) }),
      ),
    );
}

function declareStatus(program: Command, seam: Seam): void {
  program
    .command('status')
    .description('the group at a glance, with the next statutory deadlines')
    .option('--json', 'print JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/status.js')).statusCommand,
        ({ opts: o }) => ({ json: flag(o.json) }),
      ),
    );
}

function declareFilings(program: Command, seam: Seam): void {
  // Registration and filings: deadlines in coop status count from these.
  program
    .command('registered')
    .description('record the day the society was registered or the company incorporated')
    .requiredOption('--date <date>', 'the date on the certificate, YYYY-MM-DD')
    .option('--number <number>', 'the register number, e.g. RS008765 or 12345678')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/filings.js')).registeredCommand,
        ({ opts: o }) => ({ date: given(o.date), number: text(o.number), ...written(o) }),
      ),
    );
  program
    .command('filed')
    .argument('<what>', 'confirmation-statement, accounts, annual-return or cic-report')
    .description('record a filing made to Companies House or the FCA, so coop status moves on to the next')
    .option('--date <date>', 'the day it was delivered (default: today)')
    .option('--period-end <date>', 'the year end it covers, or a confirmation statement’s confirmation date (default: the one now due)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/filings.js')).filedCommand,
        ({ args: [what], opts: o }) => ({ what: given(what), date: text(o.date), periodEnd: text(o.periodEnd), ...written(o) }),
      ),
    );
}

function declareMeeting(program: Command, seam: Seam): void {
  const meeting = program.command('meeting').description('general and committee meetings');
  // --resolution and --special each keep their own list; every entry notes its place among
  // both, so the seam can number the resolutions in the order typed.
  let typed = 0;
  const addResolution =
    (kind: 'ordinary' | 'special') =>
    (text: string, previous: TypedResolution[] = []): TypedResolution[] => [...previous, { kind, text, at: typed++ }];
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
    .option('--short-notice', 'hold it on short notice: it can be closed only once the consent the rules or the Act require is recorded')
    .option('--short-notice-consent <numbers...>', 'with --short-notice: members whose consent is already in hand (lists and ranges too); more with coop meeting consent')
    .option('--amendment <id>', 'put a proposed amendment to the meeting: its special resolution goes on the notice in full')
    .option(
      '--audit-exemption',
      'a society: add the resolution not to appoint auditors for this year of account (2014 Act s.84: fails at 20% of votes cast or 10% of members against)',
    )
    // Resolutions the law treats specially (api/special-business.ts).
    .option('--remove-director <number>', 'a company: remove this director by ordinary resolution (Companies Act 2006 s.168); needs --special-notice-received')
    .option('--special-notice-received <date>', 'the day the company received special notice of the removal (at least 28 clear days before the meeting, s.312)')
    .option('--director-representations', 'the director has made written representations, sent with the notice (s.169)')
    .option('--merger <text>', 'a society: amalgamation with, or transfer of engagements to, another society (2014 Act s.111: 2/3 here, then confirmed)')
    .option('--conversion <text>', 'a society: conversion into, amalgamation with or transfer to a company (2014 Act s.113: 75% with half voting, then confirmed)')
    .option('--confirm <meeting>', 'confirm the --merger or --conversion resolutions passed at this earlier meeting (held 14 days to 1 month before)')
    .option('--no-commit', 'write the papers but do not commit them')
    .option('--json', 'print the meeting as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/new.js')).meetingNew,
        ({ args: [type], opts: o }) => ({
          type: given(type),
          date: given(o.date),
          time: given(o.time),
          place: given(o.place),
          online: text(o.online),
          noticeDate: text(o.noticeDate),
          byPost: flag(o.byPost),
          resolutions: inOrderTyped(o.resolution, o.special),
          shortNotice: flag(o.shortNotice),
          shortNoticeConsent: texts(o.shortNoticeConsent),
          amendment: text(o.amendment),
          auditExemption: flag(o.auditExemption),
          removeDirector: text(o.removeDirector),
          specialNoticeReceived: text(o.specialNoticeReceived),
          directorRepresentations: flag(o.directorRepresentations),
          merger: text(o.merger),
          conversion: text(o.conversion),
          confirm: text(o.confirm),
          ...written(o),
        }),
      ),
    );
  meeting
    .command('list')
    .description('meetings, and the next AGM due')
    .option('--json', 'print JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/list.js')).meetingList,
        ({ opts: o }) => ({ json: flag(o.json) }),
      ),
    );
  meeting
    .command('attend')
    .argument('<meeting>', 'the meeting: its date (2027-06-10), or date and type (2027-06-10-agm)')
    .argument('[numbers...]', 'membership numbers of those present: 4 7 9, or lists and ranges such as 1-5,8')
    .description('record who is present, proxies and apologies; --remove takes off one recorded by mistake')
    .option('--proxy <HOLDER=MEMBER>', 'HOLDER holds member MEMBER’s proxy: a member’s number, or at a company anyone’s name ("Jane Outsider=7"); repeat', collect)
    .option('--apologies <numbers...>', 'members who sent apologies (lists and ranges too)')
    .option('--remove <numbers...>', 'members recorded by mistake: taken off as present, apologies or proxies (until votes are recorded)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/attend.js')).meetingAttend,
        ({ args: [ref, numbers], opts: o }) => ({
          ref: given(ref),
          numbers: texts(numbers),
          proxy: texts(o.proxy),
          apologies: texts(o.apologies),
          remove: texts(o.remove),
          ...written(o),
        }),
      ),
    );
  // Short notice (issue 11): the members' consent, recorded member by member.
  meeting
    .command('consent')
    .argument('<meeting>', 'the meeting called at short notice')
    .argument('[numbers...]', 'membership numbers of the members who agreed: 4 7 9, or lists and ranges such as 1-5,8')
    .description('record the members who agreed to a meeting being held at short notice (the rules or the Act say how many must)')
    .option('--date <date>', 'the day their agreement was received (default: today)')
    .option('--remove <numbers...>', 'consents recorded by mistake: taken off')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/consent.js')).meetingConsent,
        ({ args: [ref, numbers], opts: o }) => ({ ref: given(ref), numbers: texts(numbers), date: text(o.date), remove: texts(o.remove), ...written(o) }),
      ),
    );
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
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/vote.js')).meetingVote,
        ({ args: [ref, resolution], opts: o }) => ({
          ref: given(ref),
          resolution: given(resolution),
          for: text(o.for),
          against: text(o.against),
          abstain: text(o.abstain),
          consensus: oneOf(CONSENSUS, o.consensus),
          standAsides: text(o.standAsides),
          castingVote: oneOf(SIDES, o.castingVote),
          ...written(o),
        }),
      ),
    );
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
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/nominate.js')).meetingNominate,
        ({ args: [ref, member], opts: o }) => ({
          ref: given(ref),
          member: given(member),
          proposer: text(o.proposer),
          seconder: text(o.seconder),
          date: text(o.date),
          ...written(o),
        }),
      ),
    );
  meeting
    .command('elect')
    .argument('<meeting>', 'the meeting')
    .description('record the board election: the seats, and the votes per candidate when contested')
    .requiredOption('--seats <n>', 'places to fill')
    .option('--votes <MEMBER=VOTES,...>', 'votes per candidate, e.g. 3=41,7=38 (leave out when uncontested)')
    .option('--tie-break <number>', 'the winner of a tie for the last seat, by lot or casting vote as the rules say')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/elect.js')).meetingElect,
        ({ args: [ref], opts: o }) => ({ ref: given(ref), seats: given(o.seats), votes: text(o.votes), tieBreak: text(o.tieBreak), ...written(o) }),
      ),
    );
  meeting
    .command('close')
    .argument('<meeting>', 'the meeting')
    .description('decide quorum and every resolution, write the final minutes (with the notes in minutes-draft.md) and commit')
    .option('--chair <number>', 'the member who chaired the meeting (recorded as present)')
    .option('--no-commit', 'write the minutes but do not commit them')
    .option('--json', 'print the outcome as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/meeting/close.js')).meetingClose,
        ({ args: [ref], opts: o }) => ({ ref: given(ref), chair: text(o.chair), ...written(o) }),
      ),
    );
}

function declareResolution(program: Command, seam: Seam): void {
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
    .action(
      act(
        seam,
        async () => (await import('./commands/resolution/propose.js')).resolutionPropose,
        ({ args: [kind, text_], opts: o }) => ({
          kind: given(kind),
          text: given(text_),
          date: text(o.date),
          removeDirector: text(o.removeDirector),
          removeAuditor: flag(o.removeAuditor),
          ...written(o),
        }),
      ),
    );
  resolution
    .command('sign')
    .argument('<id>', 'the resolution number')
    .argument('<members...>', 'membership numbers of those whose signed forms came back')
    .description('record agreements as the signed forms come back; writes the minutes on the day it passes')
    .option('--date <date>', 'the day the forms were received (default: today)')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/resolution/sign.js')).resolutionSign,
        ({ args: [id, members], opts: o }) => ({ id: given(id), members: texts(members) ?? [], date: text(o.date), ...written(o) }),
      ),
    );
  resolution
    .command('status')
    .argument('[id]', 'the resolution number (default: all of them)')
    .description('open, passed or lapsed, with the count of agreements')
    .option('--json', 'print JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/resolution/status.js')).resolutionStatusCommand,
        ({ args: [id], opts: o }) => ({ id: text(id), json: flag(o.json) }),
      ),
    );
}

function declarePrint(program: Command, seam: Seam): void {
  program
    .command('print')
    .argument('<what>', 'rules, notice, proxy-form, attendance, minutes, register, certificate, poster or founding')
    .argument('[which]', 'the meeting (notice, proxy-form, attendance, minutes, poster) or membership number (certificate)')
    .description('print a paper as an A4 PDF, under print/ (or private/print/ when it holds addresses)')
    .option('--out <file>', 'write the PDF here instead (a new file)')
    .option('--letters', 'notice: a one-page letter to each member served by post, addressed for a DL window envelope (and the notice to enclose, if it does not fit)')
    .option('--as-of <date>', 'register, certificate: the date (default: today)')
    .option('--with-contacts', 'register: include private contact details (written under private/)')
    .option('--json', 'print what was written as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/print.js')).printCommand,
        ({ args: [what, target], opts: o }) => ({
          what: given(what),
          target: text(target),
          out: text(o.out),
          letters: flag(o.letters),
          asOf: text(o.asOf),
          withContacts: flag(o.withContacts),
          json: flag(o.json),
        }),
      ),
    );
}

function declareRules(program: Command, seam: Seam): void {
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
    .action(
      act(
        seam,
        async () => (await import('./commands/rules/amend.js')).rulesAmend,
        ({ opts: o }) => ({ ...textValues(o), date: text(o.date), ...written(o) }),
      ),
    );
  rules
    .command('registered')
    .argument('<id>', 'the amendment, e.g. 2027-05-01-quorum-percent')
    .description('a society’s amendment registered by the FCA (an association’s, adopted): it takes effect; coop.yml and the rules change')
    .requiredOption('--date <date>', 'date of registration')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/rules/take-effect.js')).rulesRegistered,
        ({ args: [id], opts: o }) => ({ id: given(id), date: given(o.date), ...written(o) }),
      ),
    );
  rules
    .command('filed')
    .argument('<id>', 'the amendment')
    .description('a company’s amendment filed at Companies House: coop.yml and the articles change')
    .requiredOption('--date <date>', 'date filed')
    .option('--no-commit', 'write the change but do not commit it')
    .option('--json', 'print the result as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/rules/take-effect.js')).rulesFiled,
        ({ args: [id], opts: o }) => ({ id: given(id), date: given(o.date), ...written(o) }),
      ),
    );
  rules
    .command('upgrade')
    .description('propose the newer wording of the governing document as an amendment, keeping your own registered wording')
    .option('--date <date>', 'date proposed (default: today)')
    .option('--no-commit', 'write the papers but do not commit them')
    .option('--json', 'print {"id", "folder", …} as JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/rules/upgrade.js')).rulesUpgrade,
        ({ opts: o }) => ({ date: text(o.date), ...written(o) }),
      ),
    );
  rules
    .command('list')
    .description('every amendment and where it stands')
    .option('--json', 'print JSON')
    .action(
      act(
        seam,
        async () => (await import('./commands/rules/list.js')).rulesList,
        ({ opts: o }) => ({ json: flag(o.json) }),
      ),
    );
}

function declareCompletion(program: Command, seam: Seam): void {
  program
    .command('completion')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .description('print a script that makes the shell complete coop’s commands, options and meetings')
    .addHelpText('after', '\nLoad it from ~/.bashrc or ~/.zshrc with: source <(coop completion bash)\nFor fish: coop completion fish > ~/.config/fish/completions/coop.fish')
    .action(
      act(
        seam,
        async () => (await import('./commands/completion.js')).completionCommand,
        ({ args: [shell] }) => ({ shell: given(oneOf(SHELLS, shell)) }),
      ),
    );
}

/**
 * Runs coop with these arguments in this context and returns the exit code; never exits the
 * process. The command tier of the tests calls it in-process (test/support/cli.ts).
 */
export async function run(argv: string[], ctx: Context): Promise<number> {
  const seam: Seam = { ctx, exitCode: 0 };
  const program = buildProgram(seam, helpFor(argv)[0]);
  // What the completion scripts ask on each Tab (commands/completion.ts); not a command people run.
  if (argv[0] === '__complete') {
    const { complete } = await import('./commands/completion.js');
    for (const word of complete(program, argv.slice(1), ctx.cwd)) ctx.stdout.write(`${word}\n`);
    return 0;
  }
  program.exitOverride();
  for (const sub of allCommands(program)) sub.exitOverride();
  try {
    await program.parseAsync(helpFor(argv), { from: 'user' });
    return seam.exitCode;
  } catch (error) {
    return report(error, ctx);
  }
}

/** The bins' entry: the process's own context; the only place that sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv, processContext());
  // Once run() returns a command has finished: its git processes, writes and flushes are
  // awaited. When Node agrees (nothing active but the standard streams) and all output has
  // reached the kernel, the process ends here rather than tearing its heap down piece by
  // piece, which for a large register takes longer than some commands' own work.
  if (nothingPending()) process.exit();
}

/** True when no output waits for a slow reader and nothing but the standard streams is active (no timer, child, request). */
function nothingPending(): boolean {
  if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) return false;
  return process.getActiveResourcesInfo().every((kind) => kind === 'TTYWrap' || kind === 'PipeWrap');
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

async function report(error: unknown, ctx: Context): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version are not failures; everything else commander reports is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  if (error instanceof CancelledError) {
    ctx.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof UserError) {
    const { Chalk } = await import('chalk');
    ctx.stderr.write(`${new Chalk({ level: colourLevel(ctx) }).red('coop:')} ${error.message}\n`);
    return error.exitCode;
  }
  const e = error as Error;
  ctx.stderr.write(
    `coop: internal error — this is a bug in create-coop, not something you did.\n${e?.stack ?? String(error)}\n` +
      'Please report it with the command you ran. Your files were left as they were before the command.\n',
  );
  return 70;
}
