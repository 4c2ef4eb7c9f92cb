import { readFileSync } from 'node:fs';
import { exportContacts, importContacts } from '../api/contacts-share.js';
import { UsageError, UserError } from '../errors.js';
import { askSecret, canPrompt } from '../io/prompts.js';
import { note, print, printJson } from '../io/output.js';
import { plural } from '../core/register/messages.js';
import type { Context } from '../io/context.js';

/** Where a passphrase may come from; a prompt only at a terminal (every prompt has a flag). */
export const PASSPHRASE_ENV = 'COOP_CONTACTS_PASSPHRASE';

interface PassphraseOptions {
  passphraseFile?: string;
}

export interface ContactsExportOptions extends PassphraseOptions {
  to: string;
  json?: boolean;
}

export interface ContactsImportOptions extends PassphraseOptions {
  file: string;
  json?: boolean;
}

async function passphrase(ctx: Context, opts: PassphraseOptions, confirm: boolean): Promise<string> {
  let value: string | undefined;
  if (opts.passphraseFile !== undefined) {
    try {
      value = readFileSync(opts.passphraseFile, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      throw new UserError(`--passphrase-file ${opts.passphraseFile} cannot be read (${(error as NodeJS.ErrnoException).code}). Nothing was changed.`);
    }
  } else if (ctx.env[PASSPHRASE_ENV] !== undefined) value = ctx.env[PASSPHRASE_ENV];
  else if (canPrompt(ctx.stdin, ctx.stdout)) {
    value = await askSecret(ctx, 'Passphrase for the contacts file');
    if (confirm && (await askSecret(ctx, 'The same passphrase again')) !== value) {
      throw new UserError('The two passphrases differ. Nothing was written.');
    }
  } else throw new UsageError(`A passphrase is needed: give --passphrase-file FILE, or set ${PASSPHRASE_ENV}.`);
  if (value === undefined || value.length < 8) throw new UsageError('The passphrase must be at least 8 characters: a few words are easiest to pass on and hard to guess.');
  return value;
}

export async function contactsExport(opts: ContactsExportOptions, ctx: Context): Promise<void> {
  const r = await exportContacts(ctx.cwd, { to: opts.to, passphrase: await passphrase(ctx, opts, true) });
  if (r.warning) note(ctx, `Warning: ${r.warning}`);
  if (opts.json) {
    printJson(ctx, r);
    return;
  }
  print(
    ctx,
    `Sealed the contact details of ${plural(r.members, 'member')} in ${opts.to}. Pass it on with the passphrase kept apart (say it, do not email it with the file); it is not in git.`,
  );
}

export async function contactsImport(opts: ContactsImportOptions, ctx: Context): Promise<void> {
  const { file } = opts;
  const r = await importContacts(ctx.cwd, { file, passphrase: await passphrase(ctx, opts, false) });
  if (opts.json) {
    printJson(ctx, r);
    return;
  }
  const parts = [`${plural(r.added, 'member')} added`, `${r.updated} updated with newer details`, `${r.kept} kept as here (as new or newer)`];
  print(ctx, `Contact details from ${file}: ${parts.join(', ')}.`);
  if (r.unknown > 0) print(ctx, `${plural(r.unknown, 'member')} in the file ${r.unknown === 1 ? 'is' : 'are'} not in this copy's register yet: run coop sync, then import again.`);
}
