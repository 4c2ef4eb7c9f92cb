// coop.yml as people will read and edit it: every key has a comment in plain words saying
// what it means and what the law allows. Built with the yaml Document API so the comments
// are part of the document, and later edits by coop can keep them. coop new writes the same
// text without loading yaml where it can (coop-yml-plain.ts, which also holds the comments) and
// comes here only for a value whose YAML form that writer is not sure of.

import { Document, isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { toPlainParams } from '../defaults.js';
import type { CoopParams } from '../params.js';
import { HEADER, KEY_COMMENTS, wrap } from './coop-yml-plain.js';

export { KEY_COMMENTS } from './coop-yml-plain.js';

/** Paths with no comment in KEY_COMMENTS: empty when every key is explained (a test holds it there). */
export function uncommentedPaths(doc: Document): string[] {
  const missing: string[] = [];
  walk(doc.contents as YAMLMap, '', (path) => {
    if (!(path in KEY_COMMENTS)) missing.push(path);
  });
  return missing;
}

function walk(map: YAMLMap, prefix: string, visit: (path: string, pair: Pair) => void): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const path = prefix ? `${prefix}.${key}` : key;
    visit(path, pair);
    if (isMap(pair.value)) walk(pair.value, path, visit);
  }
}

/** The text of coop.yml for a group, comments and all. */
export function coopYmlText(params: CoopParams): string {
  const doc = new Document(toPlainParams(params));
  doc.commentBefore = HEADER(params);
  walk(doc.contents as YAMLMap, '', (path, pair) => {
    const comment = KEY_COMMENTS[path];
    if (comment === undefined || !isScalar(pair.key)) return;
    pair.key.commentBefore = wrap(typeof comment === 'function' ? comment(params) : comment);
    // A blank line between top-level sections, except before the first (the header has one).
    if (!path.includes('.') && path !== 'createCoop') pair.key.spaceBefore = true;
  });
  return doc.toString({ lineWidth: 0 });
}
