// Where things live in a group's folder: the one list of its file and folder names. Every
// module that reads or writes one takes its name from here, so renaming it is one edit.

/** The group's rules parameters; the folder holding it is the group's root. */
export const PARAMS_FILE = 'coop.yml';

/** coop's own working folder (lock, journal, caches), which the group's .gitignore leaves out. */
export const COOP_DIR = '.coop';
export const CACHE_DIR = `${COOP_DIR}/cache`;

/** The register: the ledger's parts live here (core/ledger/parts.ts names parts 2 and on). */
export const REGISTER_DIR = 'register';
export const LEDGER_FILE = `${REGISTER_DIR}/ledger.jsonl`;

/** Personal details, git-ignored: they never enter the history. */
export const PRIVATE_DIR = 'private';
export const CONTACTS_FILE = `${PRIVATE_DIR}/contacts.jsonl`;

/** One folder a meeting, meetings/<YYYY-MM-DD>-<type>/, with its record. */
export const MEETINGS_DIR = 'meetings';
export const MEETING_RECORD_FILE = 'meeting.json';
