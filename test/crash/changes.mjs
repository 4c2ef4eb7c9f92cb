// Change k of the transaction driver: whole new contents for a.txt, docs/b.md and the untracked
// private store, a new folder deep/new-k/ holding c.txt, and a line appended to log.txt (tracked)
// and to private/log.txt (untracked), as the ledger and contact store grow. Shared by
// driver.mjs and the tests.

const PADDING = 'x'.repeat(32 * 1024);

export function changeFiles(k) {
  return [
    { path: 'a.txt', content: `change ${k}\n${PADDING}\n`, tracked: true },
    { path: 'docs/b.md', content: `# Change ${k}\n`, tracked: true },
    { path: `deep/new-${k}/c.txt`, content: `made by change ${k}\n`, tracked: true },
    { path: 'private/contacts.jsonl', content: `{"member":1,"email":"change-${k}@example.org"}\n`, tracked: false },
    { path: 'log.txt', content: `change ${k}\n`, tracked: true, append: true },
    { path: 'private/log.txt', content: `change ${k}\n`, tracked: false, append: true },
  ];
}
