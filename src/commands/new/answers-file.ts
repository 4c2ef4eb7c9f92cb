// --answers FILE: a YAML file answering any of the questions, keyed by flag name without the
// dashes ("notice-days: 14"), with founders as a list. Problems name the file and line.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { UsageError } from '../../errors.js';
import { QUESTIONS, fileKey, setAnswer, type Answers } from '../../core/found/answers.js';

export function readAnswersFile(file: string, cwd: string): Answers {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--answers: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return parseAnswersText(text, file);
}

export function parseAnswersText(text: string, file: string): Answers {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new UsageError(`${file}:${e.linePos?.[0]?.line ?? 1}: is not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const answers: Answers = {};
  if (doc.contents === null) return answers;
  if (!isMap(doc.contents)) throw new UsageError(`${file}: must be a list of answers like "kind: worker-coop", one a line.`);
  const byKey = new Map(QUESTIONS.map((q) => [fileKey(q), q]));
  const problems: string[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const where = `${file}:${lineOf((pair.key as { range?: number[] } | null)?.range?.[0])}`;
    const q = byKey.get(key) ?? (key === 'founder' ? byKey.get('founders') : undefined);
    if (!q) {
      problems.push(`${where}: "${key}" is not a question coop new asks. Known keys: ${[...byKey.keys()].join(', ')}.`);
      continue;
    }
    const value = pair.value as { toJSON(): unknown } | null;
    const raw: unknown = value === null ? null : isScalar(value) ? value.value : value.toJSON();
    if (raw === null) continue; // "office:" left blank means "not answered", as in a half-filled template
    const message = setAnswer(answers, q.key, raw);
    if (message) problems.push(`${where}: ${key} ${message}`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return answers;
}
