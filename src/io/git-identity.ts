// Who git would commit as, read from the environment and the person's and the repository's git
// config files when they say it for certain, so that a change need not start a git process only
// to ask (each is a process start the command waits for). Only ever a certain answer: anything
// this reading does not follow exactly (an include, a quoted or continued value, settings given
// through the environment, a [committer] or [author] section, a linked worktree) is left for git
// to say. The system-wide file is not read: what it sets, the person's and the repository's
// files override, and without them git is asked.

import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointsGitElsewhere } from './git-env.js';

/** Characters git strips from the ends of a name or email (ident.c, crud): a value of only these is none. */
const HAS_MORE_THAN_CRUD = /[^\x00-\x20.,:;<>"\\']/;

/** Why a file cannot be read here for certain. */
const UNSURE = Symbol('unsure');

/** The user.name and user.email a config file's text sets (the last of each), or UNSURE. */
function userSettings(text: string): { name?: string; email?: string } | typeof UNSURE {
  const out: { name?: string; email?: string } = {};
  let inUser = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (line.endsWith('\\')) return UNSURE;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const m = /^\[([A-Za-z0-9.-]+)(\s+"[^"\\]*")?\]\s*(?:[#;].*)?$/.exec(line);
      if (!m) return UNSURE;
      const section = m[1]!.toLowerCase();
      if (section.startsWith('include') || section === 'committer' || section === 'author') return UNSURE;
      inUser = section === 'user' && m[2] === undefined;
      continue;
    }
    if (!inUser) continue;
    const v = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(line);
    if (!v) return UNSURE;
    const key = v[1]!.toLowerCase();
    if (key !== 'name' && key !== 'email') continue;
    const value = v[2];
    if (value === undefined || /["\\]/.test(value)) return UNSURE;
    out[key] = value.replace(/[#;].*$/, '').trim();
  }
  return out;
}

const certain = (name: string | undefined, email: string | undefined): string | undefined =>
  name !== undefined && email !== undefined && HAS_MORE_THAN_CRUD.test(name) && HAS_MORE_THAN_CRUD.test(email) && !/[<>\n]/.test(name + email)
    ? `${name.trim()} <${email.trim()}>`
    : undefined;

/**
 * "Name <email>" as git would commit in the repository at `cwd`, when the environment or the
 * config files say it for certain; undefined when git must be asked.
 */
export function identityFromFiles(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GIT_COMMITTER_NAME !== undefined || env.GIT_COMMITTER_EMAIL !== undefined) return certain(env.GIT_COMMITTER_NAME, env.GIT_COMMITTER_EMAIL);
  if (pointsGitElsewhere(env, { settings: true })) return undefined;
  const home = env.HOME;
  if (!home) return undefined;
  try {
    // A linked worktree (.git a file) may have its own config: git is asked.
    if (!lstatSync(join(cwd, '.git')).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const xdg = env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, 'git', 'config') : join(home, '.config', 'git', 'config');
  let name: string | undefined;
  let email: string | undefined;
  for (const file of [xdg, join(home, '.gitconfig'), join(cwd, '.git', 'config')]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return undefined;
    }
    const set = userSettings(text);
    // A repository with config for each worktree reads one more file.
    if (set === UNSURE || /worktreeconfig/i.test(text)) return undefined;
    name = set.name ?? name;
    email = set.email ?? email;
  }
  return certain(name, email);
}
