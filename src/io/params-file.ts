// Reading coop.yml the long way: parse the YAML, check it against the schema and the law, and
// give every problem its line. Loaded only when the snapshot (snapshot.ts) cannot
// answer: yaml and zod together take longer to load than the rest of a command.

import { LineCounter, parseDocument, isMap, isSeq, type Document } from 'yaml';
import { paramsSchema, type CoopParams } from '../core/params.js';
import { validateParams } from '../core/validate-params.js';
import { PARAMS_FILE } from '../core/layout.js';

export interface Located {
  /** "coop.yml:12" */
  where: string;
  message: string;
}

/** Parses and validates coop.yml text: the params, or every problem with its line. */
export function parseParamsText(text: string, file = PARAMS_FILE): { params?: CoopParams; problems: Located[]; doc?: Document } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // One mistake (a tab, a line indented by one space too many) makes the parser report every
    // later line of the same block too; only the first is the person's mistake, so only it is
    // reported, at its own line.
    const first = doc.errors[0]!;
    const line = firstContentLine(text, lineCounter.linePos(first.pos[0]).line);
    return { problems: [{ where: `${file}:${line}`, message: `is not valid YAML: ${plainYamlError(first.code, first.message)}` }] };
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range && (n > 0 || path.length === 0)) return lineCounter.linePos(range[0]).line;
      if (n > 0) {
        const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => String((p.key as { value?: unknown })?.value) === String(path[n - 1]));
          const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (keyRange) return lineCounter.linePos(keyRange[0]).line;
        } else if (isSeq(parent)) continue;
      }
    }
    return 1;
  };
  // Aliases are resolved only here: one to nowhere, or a "billion laughs" of them, throws.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const alias = /alias.*: (\S+)$/.exec(message)?.[1];
    const line = alias ? text.split('\n').findIndex((l) => l.includes(`*${alias}`)) + 1 : 0;
    return { problems: [{ where: `${file}:${line || 1}`, message: `is not valid YAML: ${message}` }] };
  }
  const parsed = paramsSchema.safeParse(data);
  if (!parsed.success) {
    return {
      doc,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const key = path.join('.') || '(top level)';
        const message =
          issue.code === 'unrecognized_keys'
            ? `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the comments in ${file})`
            : issue.message.startsWith('Invalid input') && issue.code === 'invalid_type'
              ? `is missing or of the wrong type (${issue.message})`
              : issue.message;
        return { where: `${file}:${lineOf(path)}`, message: `${key} ${message}` };
      }),
    };
  }
  const params = parsed.data;
  const problems = validateParams(params).map((p) => ({ where: `${file}:${lineOf(p.path.split('.'))}`, message: `${p.path}: ${p.message}` }));
  return { params, problems, doc };
}

/** The parser's message, in the words a person editing the file needs. */
function plainYamlError(code: string, message: string): string {
  if (code === 'TAB_AS_INDENT') return 'a tab is used to indent this line; indent with spaces only';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || /same column/.test(message)) {
    return 'this line is indented differently from the lines around it; line it up with the other keys of its section';
  }
  return message.split('\n')[0] ?? message;
}

/** The parser places an item's error where its leading comments begin; a person looks for the key. */
function firstContentLine(text: string, line: number): number {
  const lines = text.split('\n');
  for (let n = line; n <= lines.length; n++) {
    const content = (lines[n - 1] ?? '').trim();
    if (content !== '' && !content.startsWith('#')) return n;
  }
  return line;
}
