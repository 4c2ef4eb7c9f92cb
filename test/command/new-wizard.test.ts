// The wizard, run in-process with scripted answers: what it asks, what it offers, how it
// refuses, and that cancelling leaves nothing behind.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNew } from '../../src/commands/new/index.js';
import { CancelledError, UserError } from '../../src/errors.js';
import { canPrompt, cancellable } from '../../src/io/prompts.js';
import { GIT_IDENTITY, captureContext, existsSync, git, join, read, tempDir } from '../support/cli.js';
import { CTRL_C, scriptedPrompter, type Script } from '../support/scripted-prompter.js';

beforeAll(() => {
  Object.assign(process.env, GIT_IDENTITY);
});

const TODAY = '2026-03-10';

async function wizard(script: Script, flags: Record<string, unknown> = {}) {
  const parent = tempDir();
  const { prompter, asked } = scriptedPrompter(script);
  const { ctx, stdout: out } = captureContext(parent);
  const run = runNew({ dir: 'group', ...flags }, ctx, { prompter: async () => prompter, today: TODAY });
  return { parent, dir: join(parent, 'group'), asked, out, run };
}

const FOUNDERS: Script = {
  'founder.name': ['Ada Lovelace', 'Ben Okri', 'Cai Jones'],
  'founder.email': ['ada@example.org', '', 'cai@example.org'],
};

describe('coop new at a terminal', () => {
  it('asks every open question, offers only the forms that fit the kind, and founds the group', async () => {
    const w = await wizard({ kind: 'neighbourhood-group', form: 'community-benefit-society', name: 'Elm Street Limited', ...FOUNDERS });
    await w.run;
    const keys = w.asked.map((a) => a.key);
    // Where the office is, and whether a society is charitable, come before the name: they decide its ending.
    expect(keys.slice(0, 6)).toEqual(['kind', 'form', 'jurisdiction', 'officeCountry', 'charitable', 'name']);
    expect(w.asked.find((a) => a.key === 'form')!.choices).toEqual(['unincorporated-association', 'community-benefit-society', 'company-limited-by-guarantee', 'cic']);
    // A society has shares, so the share questions are asked; the fallback vote is not (majority voting).
    expect(keys).toEqual(expect.arrayContaining(['shareValue', 'minShares', 'maxShares', 'withdrawable', 'transferable', 'dissolution', 'confirm']));
    expect(keys).not.toContain('fallbackThreshold');
    expect(w.asked.find((a) => a.key === 'founded')!.default).toBe(TODAY);
    // CBS assets may not go to members: the wizard does not offer co-ownership.
    expect(w.asked.find((a) => a.key === 'dissolution')!.choices).not.toContain('co-ownership');
    expect(read(join(w.dir, 'coop.yml'))).toContain('name: Elm Street Limited');
    expect(read(join(w.dir, 'private', 'contacts.jsonl'))).toBe('{"member":1,"email":"ada@example.org"}\n{"member":3,"email":"cai@example.org"}\n');
    expect((await git(w.dir, ['log', '--format=%s'])).split('\n')).toEqual(['Found Elm Street Limited']);
  });

  it('asks where the office is before the name, so a Welsh ending is accepted with the office in Wales', async () => {
    const w = await wizard({
      kind: 'neighbourhood-group',
      form: 'company-limited-by-guarantee',
      officeCountry: 'wales',
      name: ['Menter Caerdydd', 'Menter Caerdydd Cyfyngedig'],
      ...FOUNDERS,
    });
    await w.run;
    const name = w.asked.find((a) => a.key === 'name')!;
    expect(name.refused[0]).toMatch(/must end in "Limited" or "Ltd" \(or "Cyfyngedig" or "Cyf"\).*s\.59/);
    expect(w.asked.find((a) => a.key === 'limitedExempt')).toBeDefined();
    const yml = read(join(w.dir, 'coop.yml'));
    expect(yml).toContain('name: Menter Caerdydd Cyfyngedig');
    expect(yml).toContain('officeCountry: wales');
    expect(read(join(w.dir, 'ARTICLES.md'))).toMatch(/registered office is in Wales/);
  });

  it('does not ask what the flags answered', async () => {
    const w = await wizard(FOUNDERS, { kind: 'community-radio', name: 'Riverside Radio Limited', noticeDays: '21', decisions: 'consensus' });
    await w.run;
    const keys = w.asked.map((a) => a.key);
    expect(keys).not.toContain('kind');
    expect(keys).not.toContain('name');
    expect(keys).not.toContain('noticeDays');
    expect(keys).toContain('fallbackThreshold');
    expect(keys).not.toContain('shareValue');
  });

  it('refuses an answer where it is given, with the reason, and takes the corrected one', async () => {
    const w = await wizard({
      kind: 'community-radio',
      name: 'Riverside Radio Limited',
      ...FOUNDERS,
      noticeDays: ['10', '21'],
      quorumMembers: ['9', '3'],
      specialThreshold: ['50%', '75%'],
    });
    await w.run;
    expect(w.asked.find((a) => a.key === 'noticeDays')!.refused[0]).toMatch(/at least 14 clear days/);
    expect(w.asked.find((a) => a.key === 'quorumMembers')!.refused[0]).toMatch(/larger than the founding membership/);
    expect(w.asked.find((a) => a.key === 'specialThreshold')!.refused[0]).toMatch(/more than a simple majority/);
    expect(read(join(w.dir, 'coop.yml'))).toContain('noticeClearDays: 21');
  });

  it('asks for more founders until a society has enough, then takes an empty name as the end', async () => {
    const w = await wizard({ kind: 'worker-coop', name: 'Three Limited', 'founder.name': ['A One', 'B Two', 'C Three', 'D Four'], 'founder.email': ['', '', '', ''] });
    await w.run;
    const names = w.asked.filter((a) => a.key === 'founder.name');
    expect(names.map((a) => a.message)).toEqual([
      'Founder 1: full name',
      'Founder 2: full name (this form needs at least 3 founders)',
      'Founder 3: full name (this form needs at least 3 founders)',
      'Founder 4: full name (leave empty if there are no more founders)',
      'Founder 5: full name (leave empty if there are no more founders)',
    ]);
    // No yes/no question between founders, where a typed name would read as "no".
    expect(w.asked.some((a) => a.key === 'founder.more')).toBe(false);
    expect(read(join(w.dir, 'register', 'ledger.jsonl'))).toContain('"D Four"');
  });

  it('puts a refusal found only at the end back to the one question, keeping every other answer', async () => {
    const parent = tempDir();
    const { ctx, stderr: errors } = captureContext(parent);
    const { prompter, asked } = scriptedPrompter({ name: 'Riverside Radio Limited', form: 'company-limited-by-guarantee', ...FOUNDERS, noticeDays: '21' });
    await runNew({ dir: 'group', kind: 'community-radio', form: 'unincorporated-association' }, ctx, { prompter: async () => prompter, today: TODAY });
    expect(errors.join('')).toMatch(/--form: .*Ofcom/);
    // The form was asked again, offering only the forms that fit; nothing else was asked twice.
    const form = asked.filter((a) => a.key === 'form');
    expect(form).toHaveLength(1);
    expect(form[0]!.choices).not.toContain('unincorporated-association');
    expect(asked.filter((a) => a.key === 'noticeDays')).toHaveLength(1);
    const yml = read(join(parent, 'group', 'coop.yml'));
    expect(yml).toContain('form: company-limited-by-guarantee');
    expect(yml).toContain('noticeClearDays: 21');
    expect(asked.filter((a) => a.key === 'founder.name')).toHaveLength(4);
  });

  it('refuses a bad email at the question', async () => {
    const w = await wizard({ kind: 'worker-coop', name: 'Three Limited', ...FOUNDERS, 'founder.email': ['ada@example', 'ada@example.org', '', 'cai@example.org'] });
    await w.run;
    expect(w.asked.find((a) => a.key === 'founder.email')!.refused[0]).toMatch(/not an email address/);
  });

  it('Ctrl+C at a question leaves nothing behind', async () => {
    const w = await wizard({ kind: 'worker-coop', name: CTRL_C });
    await expect(w.run).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(w.parent)).toEqual([]);
  });

  it('answering no at the end writes nothing', async () => {
    const w = await wizard({ kind: 'worker-coop', name: 'No Limited', ...FOUNDERS, confirm: false });
    await expect(w.run).rejects.toBeInstanceOf(CancelledError);
    expect(existsSync(w.dir)).toBe(false);
    expect(readdirSync(w.parent)).toEqual([]);
  });

  it('asks for the folder when none is given, refusing one that is taken', async () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'taken'));
    writeFileSync(join(parent, 'taken', 'notes.txt'), 'mine');
    const { prompter, asked } = scriptedPrompter({ dir: ['taken', 'asked-for'], kind: 'worker-coop', ...FOUNDERS });
    await runNew({}, captureContext(parent).ctx, { prompter: async () => prompter, today: TODAY });
    expect(asked[0]!.key).toBe('dir');
    expect(asked[0]!.refused[0]).toMatch(/already exists and is not empty/);
    expect(read(join(parent, 'asked-for', 'coop.yml'))).toContain('name: Asked For Limited');
  });

  it('--yes asks nothing even at a terminal', async () => {
    const w = await wizard({}, { yes: true });
    await w.run;
    expect(w.asked).toEqual([]);
    expect(existsSync(join(w.dir, 'coop.yml'))).toBe(true);
  });

  it('refuses answers that fail together, naming each flag, and writes nothing', async () => {
    const parent = tempDir();
    const run = runNew({ dir: 'g', kind: 'community-radio', form: 'unincorporated-association', name: 'R', founder: ['A', 'B'] }, captureContext(parent).ctx, { today: TODAY });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/--form: .*Ofcom/);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('prompts', () => {
  it('Ctrl+C in inquirer becomes a cancellation (exit 130)', async () => {
    const exit = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    const err = await cancellable(async () => Promise.reject(exit)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).exitCode).toBe(130);
  });
  it('other errors pass through', async () => {
    await expect(cancellable(async () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
  });
  it('asks only when both ends are terminals', () => {
    const tty = { isTTY: true } as never;
    const pipe = { isTTY: undefined } as never;
    expect(canPrompt(tty, tty)).toBe(true);
    expect(canPrompt(pipe, tty)).toBe(false);
    expect(canPrompt(tty, pipe)).toBe(false);
  });
});
