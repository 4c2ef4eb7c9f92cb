// One file a change writes: the unit the transaction path (io/transaction.ts) applies and the
// checks before it (io/contact-guard.ts) read.

export interface FileChange {
  /** Path relative to the group's root, with forward slashes. */
  path: string;
  /** The file's whole new content; with `append`, only what is added at its end. */
  content: string | Uint8Array;
  /** False for files git ignores (the private contact store): written, never committed. */
  tracked: boolean;
  /**
   * Add `content` at the end of the file as it is now (a new file when there is none). For
   * append-only files that grow large — the ledger, the contact store — writing a few hundred
   * bytes instead of megabytes; undone by cutting the file back to its old length.
   */
  append?: boolean;
}
