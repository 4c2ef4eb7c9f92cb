// The seam between commander and the commands (src/cli.ts), as changesets tests its own: argv
// in, the typed options each command is called with out, the command modules stubbed so that
// nothing runs but the parsing and the mapping.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command } from 'commander';
import { buildProgram, run } from '../../src/cli.js';
import type { Context } from '../../src/io/context.js';

const stubs = vi.hoisted(() => {
  const made: Record<string, ReturnType<typeof vi.fn>> = {};
  /** One command's stub, made on first use (by a module's mock or by a test). */
  const fn = (name: string) => (made[name] ??= vi.fn(async () => undefined));
  const stub = (...names: string[]) => Object.fromEntries(names.map((n) => [n, fn(n)]));
  return { made, fn, stub };
});

vi.mock('../../src/commands/new/index.js', () => stubs.stub('newCommand'));
vi.mock('../../src/commands/member/add.js', () => stubs.stub('memberAdd'));
vi.mock('../../src/commands/member/leave.js', () => stubs.stub('memberLeave'));
vi.mock('../../src/commands/member/update.js', () => stubs.stub('memberUpdate'));
vi.mock('../../src/commands/member/list.js', () => stubs.stub('memberList'));
vi.mock('../../src/commands/member/import.js', () => stubs.stub('memberImport'));
vi.mock('../../src/commands/member/property.js', () => stubs.stub('memberLoan', 'memberRepay'));
vi.mock('../../src/commands/shares.js', () => stubs.stub('sharesIssue', 'sharesWithdraw', 'sharesTransfer', 'sharesRepay'));
vi.mock('../../src/commands/officer.js', () => stubs.stub('officerAppoint', 'officerLeave'));
vi.mock('../../src/commands/register.js', () => stubs.stub('registerCommand'));
vi.mock('../../src/commands/check.js', () => stubs.stub('checkCommand'));
vi.mock('../../src/commands/filings.js', () => stubs.stub('registeredCommand', 'filedCommand'));
vi.mock('../../src/commands/meeting/new.js', () => stubs.stub('meetingNew'));
vi.mock('../../src/commands/meeting/attend.js', () => stubs.stub('meetingAttend'));
vi.mock('../../src/commands/meeting/consent.js', () => stubs.stub('meetingConsent'));
vi.mock('../../src/commands/meeting/close.js', () => stubs.stub('meetingClose'));
vi.mock('../../src/commands/meeting/vote.js', () => stubs.stub('meetingVote'));
vi.mock('../../src/commands/meeting/elect.js', () => stubs.stub('meetingElect'));
vi.mock('../../src/commands/resolution/sign.js', () => stubs.stub('resolutionSign'));
vi.mock('../../src/commands/resolution/status.js', () => stubs.stub('resolutionStatusCommand'));
vi.mock('../../src/commands/print.js', () => stubs.stub('printCommand'));
vi.mock('../../src/commands/rules/amend.js', () => stubs.stub('rulesAmend'));
vi.mock('../../src/commands/rules/take-effect.js', () => stubs.stub('rulesRegistered', 'rulesFiled'));
vi.mock('../../src/commands/completion.js', () => stubs.stub('completionCommand'));
vi.mock('../../src/commands/sync.js', () => stubs.stub('syncCommand'));
vi.mock('../../src/commands/contacts.js', () => stubs.stub('contactsExport', 'contactsImport'));

function context(): Context & { err: string[] } {
  const err: string[] = [];
  return { cwd: '/groups/riverside', env: {}, stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, stdin: {}, err };
}

const W = { commit: true, json: undefined };

/** argv → the command called and the options it was given (every field, undefined ones too). */
const table: [string, string[], string, Record<string, unknown>][] = [
  [
    'member add, every flag',
    [
      'member',
      'add',
      'Priya Sharma',
      '--joined',
      '2026-01-02',
      '--shares',
      '2',
      '--email',
      'p@example.org',
      '--address',
      '1 Road',
      '--phone',
      '0123',
      '--notices',
      'email',
      '--notices-date',
      '2026-01-03',
      '--no-commit',
      '--json',
    ],
    'memberAdd',
    {
      name: 'Priya Sharma',
      joined: '2026-01-02',
      shares: '2',
      email: 'p@example.org',
      address: '1 Road',
      phone: '0123',
      notices: 'email',
      noticesDate: '2026-01-03',
      commit: false,
      json: true,
    },
  ],
  [
    'member add, name alone',
    ['member', 'add', 'Ben'],
    'memberAdd',
    { name: 'Ben', joined: undefined, shares: undefined, email: undefined, address: undefined, phone: undefined, notices: undefined, noticesDate: undefined, ...W },
  ],
  [
    'member leave',
    ['member', 'leave', '4', '--date', '2026-05-01', '--reason', 'resigned'],
    'memberLeave',
    { number: '4', date: '2026-05-01', reason: 'resigned', nominee: undefined, decision: undefined, ...W },
  ],
  [
    'member leave, a death with a nominee',
    ['member', 'leave', '4', '--date', '2026-05-01', '--reason', 'deceased', '--nominee', 'Ann Lee'],
    'memberLeave',
    expect.objectContaining({ reason: 'deceased', nominee: 'Ann Lee', decision: undefined }),
  ],
  [
    'member leave, an expulsion and its resolution',
    ['member', 'leave', '4', '--date', '2026-05-01', '--reason', 'expelled', '--decision', '2026-04-20:2'],
    'memberLeave',
    expect.objectContaining({ reason: 'expelled', decision: '2026-04-20:2', nominee: undefined }),
  ],
  [
    'shares repay',
    ['shares', 'repay', '4', '--date', '2026-06-01', '--amount', '£5', '--to', 'nominee'],
    'sharesRepay',
    { number: '4', date: '2026-06-01', amount: '£5', to: 'nominee', ...W },
  ],
  ['member list', ['member', 'list', '--all', '--as-of', '2026-01-01'], 'memberList', { asOf: '2026-01-01', all: true, json: undefined }],
  [
    'member import',
    ['member', 'import', 'people.csv', '--columns', 'name=Full name', '--dry-run'],
    'memberImport',
    { file: 'people.csv', columns: 'name=Full name', dryRun: true, skipExisting: undefined, ...W },
  ],
  ['member repay, a deposit', ['member', 'repay', '3', '£20', '--deposit'], 'memberRepay', { number: '3', amount: '£20', deposit: true, date: undefined, ...W }],
  ['shares transfer', ['shares', 'transfer', '1', '2', '5', '--date', '2026-02-02'], 'sharesTransfer', { from: '1', to: '2', count: '5', date: '2026-02-02', ...W }],
  ['shares withdraw', ['shares', 'withdraw', '1', '5'], 'sharesWithdraw', { number: '1', count: '5', date: undefined, ...W }],
  [
    'officer appoint, co-opted',
    ['officer', 'appoint', '2', '--role', 'director', '--co-opted'],
    'officerAppoint',
    { number: '2', role: 'director', date: undefined, coOpted: true, ...W },
  ],
  ['register, default format', ['register'], 'registerCommand', { asOf: undefined, format: 'md', withContacts: undefined, json: undefined }],
  ['register --format csv', ['register', '--format', 'csv', '--with-contacts'], 'registerCommand', { asOf: undefined, format: 'csv', withContacts: true, json: undefined }],
  ['filed', ['filed', 'accounts', '--period-end', '2026-03-31'], 'filedCommand', { what: 'accounts', date: undefined, periodEnd: '2026-03-31', ...W }],
  [
    'meeting new: --resolution and --special numbered in the order typed',
    ['meeting', 'new', 'agm', '--date', '2027-06-10', '--time', '18:30', '--place', 'Hall', '--resolution', 'A', '--special', 'B', '--resolution', 'C', '--short-notice'],
    'meetingNew',
    {
      type: 'agm',
      date: '2027-06-10',
      time: '18:30',
      place: 'Hall',
      online: undefined,
      noticeDate: undefined,
      byPost: undefined,
      resolutions: [
        { kind: 'ordinary', text: 'A' },
        { kind: 'special', text: 'B' },
        { kind: 'ordinary', text: 'C' },
      ],
      shortNotice: true,
      shortNoticeConsent: undefined,
      amendment: undefined,
      auditExemption: undefined,
      removeDirector: undefined,
      specialNoticeReceived: undefined,
      directorRepresentations: undefined,
      merger: undefined,
      conversion: undefined,
      confirm: undefined,
      ...W,
    },
  ],
  [
    'meeting new: removing a director on special notice',
    [
      'meeting',
      'new',
      'general',
      '--date',
      '2027-06-10',
      '--time',
      '18:30',
      '--place',
      'Hall',
      '--remove-director',
      '3',
      '--special-notice-received',
      '2027-05-01',
      '--director-representations',
    ],
    'meetingNew',
    expect.objectContaining({ removeDirector: '3', specialNoticeReceived: '2027-05-01', directorRepresentations: true, merger: undefined }),
  ],
  [
    'meeting new: a society merger confirmed, with short-notice consent in hand',
    [
      'meeting',
      'new',
      'general',
      '--date',
      '2027-06-10',
      '--time',
      '18:30',
      '--place',
      'Hall',
      '--merger',
      'M',
      '--confirm',
      '2027-05-20',
      '--short-notice',
      '--short-notice-consent',
      '1-5,8',
    ],
    'meetingNew',
    expect.objectContaining({ merger: 'M', conversion: undefined, confirm: '2027-05-20', shortNotice: true, shortNoticeConsent: ['1-5,8'] }),
  ],
  ['meeting close, the chair', ['meeting', 'close', '2027-06-10', '--chair', '2'], 'meetingClose', { ref: '2027-06-10', chair: '2', ...W }],
  [
    'meeting consent',
    ['meeting', 'consent', '2027-06-10', '1-3', '7', '--date', '2027-06-01', '--remove', '9'],
    'meetingConsent',
    { ref: '2027-06-10', numbers: ['1-3', '7'], date: '2027-06-01', remove: ['9'], ...W },
  ],
  [
    'meeting new: the same text twice is two resolutions',
    ['meeting', 'new', 'general', '--date', '2027-06-10', '--time', '18:30', '--place', 'Hall', '--special', 'X', '--special', 'X'],
    'meetingNew',
    expect.objectContaining({
      resolutions: [
        { kind: 'special', text: 'X' },
        { kind: 'special', text: 'X' },
      ],
    }),
  ],
  [
    'meeting attend',
    ['meeting', 'attend', '2027-06-10', '1-3', '7', '--proxy', '4=5', '--proxy', '4=6', '--apologies', '8', '9'],
    'meetingAttend',
    { ref: '2027-06-10', numbers: ['1-3', '7'], proxy: ['4=5', '4=6'], apologies: ['8', '9'], remove: undefined, ...W },
  ],
  [
    'meeting vote, consensus',
    ['meeting', 'vote', '2027-06-10-agm', '2', '--consensus', 'blocked', '--stand-asides', '1'],
    'meetingVote',
    { ref: '2027-06-10-agm', resolution: '2', for: undefined, against: undefined, abstain: undefined, consensus: 'blocked', standAsides: '1', castingVote: undefined, ...W },
  ],
  [
    'meeting elect',
    ['meeting', 'elect', '2027-06-10', '--seats', '2', '--votes', '3=41,7=38'],
    'meetingElect',
    { ref: '2027-06-10', seats: '2', votes: '3=41,7=38', tieBreak: undefined, ...W },
  ],
  ['resolution sign', ['resolution', 'sign', '1', '2', '3', '--date', '2026-04-04'], 'resolutionSign', { id: '1', members: ['2', '3'], date: '2026-04-04', ...W }],
  ['resolution status, all', ['resolution', 'status'], 'resolutionStatusCommand', { id: undefined, json: undefined }],
  [
    'print notice',
    ['print', 'notice', '2027-06-10', '--letters', '--out', 'n.pdf'],
    'printCommand',
    { what: 'notice', target: '2027-06-10', out: 'n.pdf', letters: true, asOf: undefined, withContacts: undefined, json: undefined },
  ],
  [
    'rules amend',
    ['rules', 'amend', '--quorum-percent', '10%', '--object', 'Bread', '--no-commit'],
    'rulesAmend',
    { quorumPercent: '10%', object: 'Bread', date: undefined, commit: false, json: undefined },
  ],
  ['rules filed', ['rules', 'filed', '2027-05-01-name', '--date', '2027-06-01'], 'rulesFiled', { id: '2027-05-01-name', date: '2027-06-01', ...W }],
  ['completion', ['completion', 'fish'], 'completionCommand', { shell: 'fish' }],
  ['sync, without sending', ['sync', '--remote', 'hub', '--no-push'], 'syncCommand', { remote: 'hub', push: false, prefer: undefined, json: undefined }],
  ['sync', ['sync'], 'syncCommand', { remote: undefined, push: true, prefer: undefined, json: undefined }],
  ['sync, keeping the remote’s meeting records', ['sync', '--prefer', 'remote'], 'syncCommand', { remote: undefined, push: true, prefer: 'remote', json: undefined }],
  [
    'contacts export',
    ['contacts', 'export', '--to', '/media/usb/handover.sealed', '--passphrase-file', 'pass.txt'],
    'contactsExport',
    { to: '/media/usb/handover.sealed', passphraseFile: 'pass.txt', json: undefined },
  ],
  ['contacts import', ['contacts', 'import', 'handover.sealed', '--json'], 'contactsImport', { file: 'handover.sealed', passphraseFile: undefined, json: true }],
  [
    'new: the founding questions pass through by flag name',
    ['new', 'riverside', '--yes', '--no-git', '--kind', 'worker-coop', '--founder', 'Ada', '--founder', 'Ben <ben@example.org>', '--notice-days', '14'],
    'newCommand',
    expect.objectContaining({
      dir: 'riverside',
      yes: true,
      git: false,
      kind: 'worker-coop',
      founder: ['Ada', 'Ben <ben@example.org>'],
      noticeDays: '14',
      answers: undefined,
      dryRun: undefined,
    }),
  ],
  ['create-coop (new) with no folder', ['new', '--yes'], 'newCommand', expect.objectContaining({ dir: undefined, yes: true, git: true })],
];

beforeEach(() => {
  for (const fn of Object.values(stubs.made)) fn.mockClear();
});

describe('argv → the options each command is called with', () => {
  it.each(table)('%s', async (_name, argv, command, options) => {
    const ctx = context();
    expect(await run(argv, ctx)).toBe(0);
    const called = Object.entries(stubs.made).filter(([, fn]) => fn.mock.calls.length > 0);
    expect(called.map(([name]) => name)).toEqual([command]);
    expect(stubs.fn(command).mock.calls).toEqual([[options, ctx]]);
  });
});

describe('what the seam does besides', () => {
  it('passes on the exit code a command returns', async () => {
    stubs.fn('checkCommand').mockResolvedValueOnce(1);
    expect(await run(['check', '--json'], context())).toBe(1);
  });

  it('a usage error never reaches the command: exit 2, said on the context’s stderr', async () => {
    const ctx = context();
    expect(await run(['member', 'leave', '4', '--reason', 'resigned'], ctx)).toBe(2);
    expect(stubs.fn('memberLeave')).not.toHaveBeenCalled();
    expect(ctx.err.join('')).toMatch(/required option '--date <date>'/);
  });

  it('a refused choice never reaches the command', async () => {
    const ctx = context();
    expect(await run(['register', '--format', 'pdf'], ctx)).toBe(2);
    expect(stubs.fn('registerCommand')).not.toHaveBeenCalled();
    expect(ctx.err.join('')).toMatch(/Allowed choices are md, csv, json/);
  });

  it('declares only the top-level command run, as the whole program declares it; any other first word gets the whole program', () => {
    const ctx = context();
    const whole = buildProgram({ ctx, exitCode: 0 });
    for (const command of whole.commands) {
      const alone = buildProgram({ ctx, exitCode: 0 }, command.name());
      // Fewer than all: TOP_LEVEL in src/cli.ts names every top-level command.
      expect(alone.commands.length, command.name()).toBeLessThan(whole.commands.length);
      expect(shape(alone.commands.find((c) => c.name() === command.name()))).toEqual(shape(command));
    }
    for (const word of ['membr', 'help', '--version', '__complete']) {
      expect(buildProgram({ ctx, exitCode: 0 }, word).commands.map(shape)).toEqual(whole.commands.map(shape));
    }
  });

  it('a command’s UserError is its message on stderr, without colour off a terminal, and exit 1', async () => {
    const { UserError } = await import('../../src/errors.js');
    stubs.fn('memberList').mockRejectedValueOnce(new UserError('no such group'));
    const ctx = context();
    expect(await run(['member', 'list'], ctx)).toBe(1);
    expect(ctx.err.join('')).toBe('coop: no such group\n');
  });
});

/** What commander was told of a command and its subcommands: names, arguments, options, help. */
function shape(command: Command | undefined): unknown {
  if (!command) return undefined;
  return {
    name: command.name(),
    aliases: command.aliases(),
    description: command.description(),
    arguments: command.registeredArguments.map((a) => [a.name(), a.required, a.variadic, a.description, a.argChoices, a.defaultValue]),
    options: command.options.map((o) => [o.flags, o.description, o.mandatory, o.argChoices, o.defaultValue, o.hidden]),
    help: command.helpInformation(),
    commands: command.commands.map(shape),
  };
}
