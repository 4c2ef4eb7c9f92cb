// The sealed file that carries contact details from one officer's copy to another's (coop
// contacts export / import): never in git, and unreadable without the passphrase. The key is
// derived from the passphrase with scrypt (slow on purpose, so guessing is costly) and the
// details sealed with AES-256-GCM, which also detects a wrong passphrase or a damaged file.
// Both come with Node (node:crypto): nothing to install.

import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { UserError } from '../errors.js';

const FORMAT = 'coop-contacts';
const VERSION = 1;
/** scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB of memory a guess, as OWASP suggests for scrypt. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const AAD = Buffer.from(`${FORMAT}/${VERSION}`);

interface Sealed {
  format: typeof FORMAT;
  version: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  data: string;
}

function keyFor(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...p, maxmem: 128 * p.N * p.r * 2 });
}

/** The text sealed for a passphrase, as the file's content (JSON; the values base64). */
export function seal(plain: string, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(passphrase, salt, SCRYPT), iv);
  cipher.setAAD(AAD);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const sealed: Sealed = {
    format: FORMAT,
    version: VERSION,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return `${JSON.stringify(sealed, null, 2)}\n`;
}

/** The text a sealed file holds; a UserError for a file that is not one, or a wrong passphrase. */
export function unseal(text: string, passphrase: string, shown: string): string {
  let s: Sealed;
  try {
    s = JSON.parse(text) as Sealed;
  } catch {
    throw new UserError(`${shown} is not a contacts file made by coop contacts export. Nothing was changed.`);
  }
  const k = s?.kdf;
  const sane = (n: unknown, max: number) => Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= max;
  if (s?.format !== FORMAT || s.version !== VERSION || k?.name !== 'scrypt' || !sane(k.N, 2 ** 20) || !sane(k.r, 32) || !sane(k.p, 16) || s.cipher !== 'aes-256-gcm') {
    throw new UserError(`${shown} is not a contacts file this version of coop can read (made by coop contacts export). Nothing was changed.`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(passphrase, Buffer.from(k.salt, 'base64'), k), Buffer.from(s.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new UserError(`${shown} cannot be opened: the passphrase is wrong, or the file was damaged. Nothing was changed.`);
  }
}
