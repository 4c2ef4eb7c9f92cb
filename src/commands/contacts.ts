import { readFileSync } from 'node:fs';
import { exportContacts, importContacts } from '../api/contacts-share.js';
import { UsageError, UserError } from '../errors.js';
import { canPrompt, cancellable } from '../io/prompts.js';
import { note, print, printJson } from '../io/output.js';
import { plural } from '../core/register/messages.js';

/** Where a passphrase may come from; a prompt only at a terminal (every prompt has a flag). */
export const PASSPHRASE_ENV = 'COOP_CONTACTS_PASSPHRASE';

interface PassphraseOptions {
  passphraseFile?: string;
}

export interface ContactsExportOptions extends PassphraseOptions {
  cwd?: string;
  to: string;
  json?: boolean;
}

export interface ContactsImportOptions extends PassphraseOptions {
  cwd?: string;
  json?: boolean;
}

async function passphrase(opts: PassphraseOptions, confirm: boolean): Promise<string> {
  let value: string | undefined;
  if (opts.passphraseFile !== undefined) {
    try {
      value = readFileSync(opts.passphraseFile, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      throw new UserError(`--passphrase-file ${opts.passphraseFile} cannot be read (${(error as NodeJS.ErrnoException).code}). Nothing was changed.`);
    }
  } else if (process.env[PASSPHRASE_ENV] !== undefined) value = process.env[PASSPHRASE_ENV];
  else if (canPrompt()) {
    const { password } = await import('@inquirer/prompts');
    value = await cancellable(() => password({ message: 'Passphrase for the contacts file', mask: true }));
    if (confirm && (await cancellable(() => password({ message: 'The same passphrase again', mask: true }))) !== value) {
      throw new UserError('The two passphrases differ. Nothing was written.');
    }
  } else throw new UsageError(`A passphrase is needed: give --passphrase-file FILE, or set ${PASSPHRASE_ENV}.`);
  if (value === undefined || value.length < 8) throw new UsageError('The passphrase must be at least 8 characters: a few words are easiest to pass on and hard to guess.');
  return value;
}

export async function contactsExport(opts: ContactsExportOptions): Promise<void> {
  const r = await exportContacts(opts.cwd ?? process.cwd(), { to: opts.to, passphrase: await passphrase(opts, true) });
  if (r.warning) note(`Warning: ${r.warning}`);
  if (opts.json) {
    printJson(r);
    return;
  }
  print(
    `Sealed the contact details of ${plural(r.members, 'member')} in ${opts.to}. Pass it on with the passphrase kept apart (say it, do not email it with the file); it is not in git.`,
  );
}

export async function contactsImport(file: string, opts: ContactsImportOptions): Promise<void> {
  const r = await importContacts(opts.cwd ?? process.cwd(), { file, passphrase: await passphrase(opts, false) });
  if (opts.json) {
    printJson(r);
    return;
  }
  const parts = [`${plural(r.added, 'member')} added`, `${r.updated} updated with newer details`, `${r.kept} kept as here (as new or newer)`];
  print(`Contact details from ${file}: ${parts.join(', ')}.`);
  if (r.unknown > 0) print(`${plural(r.unknown, 'member')} in the file ${r.unknown === 1 ? 'is' : 'are'} not in this copy's register yet: run coop sync, then import again.`);
}
