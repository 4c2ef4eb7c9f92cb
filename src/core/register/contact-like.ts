// What looks like someone's email address or phone number in public text, whether or not the
// contact store holds it (a guest's number typed into the minutes is as private as a member's),
// and how to show such a value in a message without repeating it: "j***@e***.org".

import type { ContactField } from '../contacts.js';

export interface ContactLike {
  field: Extract<ContactField, 'email' | 'phone'>;
  value: string;
  /** The line of the text it is on, from 1. */
  line: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * A UK number (0 or +44, then 9 or 10 digits, spaced, hyphenated or with the area code in
 * brackets) or an international one (+, then 8 to 14 digits). Not inside a longer run of
 * digits or letters, so dates, amounts, membership numbers and commit ids are not taken for one.
 */
const PHONE = /(?<![\w+])(?:(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:(?:[ -]|\)\s?)?\d){8,9}|\+\d(?:[ -]?\d){7,13})(?![\w])/g;

/**
 * Addresses at the domains reserved for documentation (RFC 2606, RFC 6761) belong to nobody:
 * the group's own README shows one in its examples.
 */
export function isDocumentationAddress(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return /(^|\.)example\.(com|net|org)$/.test(domain) || /\.(example|invalid|test|localhost)$/.test(domain);
}

/** Every email address (other than documentation ones) and phone number written in a text, once each. */
export function findContactLike(text: string): ContactLike[] {
  if (!text.includes('@') && !/\d{3}/.test(text)) return [];
  const found: ContactLike[] = [];
  const seen = new Set<string>();
  const add = (field: ContactLike['field'], value: string, at: number) => {
    if (seen.has(value)) return;
    seen.add(value);
    found.push({ field, value, line: lineAt(text, at) });
  };
  for (const m of emailsIn(text)) if (!isDocumentationAddress(m.value)) add('email', m.value, m.index);
  for (const m of text.matchAll(PHONE)) add('phone', m[0], m.index);
  return found;
}

/**
 * What text.matchAll(EMAIL) finds, found from each "@" rather than by trying the pattern at
 * every character: a founding's documents run to hundreds of kilobytes with few "@" in them.
 * A match holds exactly one "@" and starts where the run of local-part characters before it
 * starts (or where the previous match ended), so trying the pattern there finds the same matches.
 */
export function* emailsIn(text: string): Generator<{ value: string; index: number }> {
  let end = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', Math.max(at + 1, end))) {
    let start = at;
    while (start > end && isLocalChar(text.charCodeAt(start - 1))) start -= 1;
    if (start === at) continue;
    EMAIL_FROM.lastIndex = start;
    const m = EMAIL_FROM.exec(text);
    if (!m) continue;
    yield { value: m[0], index: start };
    end = start + m[0].length;
  }
}

const EMAIL_FROM = new RegExp(EMAIL.source, 'y');

/** [A-Za-z0-9._%+-], EMAIL's local part. */
function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** A contact value shown so that its owner could recognise it and nobody else could read it. */
export function maskContact(value: string, field: ContactField): string {
  const v = value.trim();
  if (field === 'email') {
    const at = v.lastIndexOf('@');
    const local = v.slice(0, at);
    const domain = v.slice(at + 1);
    const dot = domain.indexOf('.');
    const label = dot === -1 ? domain : domain.slice(0, dot);
    return `${local.slice(0, 1)}***@${label.slice(0, 1)}***${dot === -1 ? '' : domain.slice(dot)}`;
  }
  if (field === 'phone') {
    const digits = v.replace(/\D/g, '').length;
    let seen = 0;
    return v.replace(/\d/g, (d) => {
      seen += 1;
      return seen <= 3 || seen > digits - 2 ? d : '*';
    });
  }
  const words = v.split(/[\s,]+/).filter((w) => w !== '');
  return `${words
    .slice(0, 3)
    .map((w) => `${w.slice(0, 1)}***`)
    .join(' ')}${words.length > 3 ? ' …' : ''}`;
}

/** A value as compared with another: case, spaces and punctuation aside ("07700 900123" is "07700900123"). */
export const comparable = (value: string): string => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The registered office from coop.yml's text, read without parsing the whole file (the guard
 * runs on every change): a plain, quoted or block scalar. The law makes it public (it is on the
 * public register), so a member's address that is also the registered office is not a leak.
 */
export function registeredOfficeIn(paramsText: string): string | undefined {
  const m = /^([ \t]*)registeredOffice:[ \t]*(.*)$/m.exec(paramsText);
  if (!m) return undefined;
  const value = m[2]!.replace(/\s+#.*$/, '').trim();
  if (/^[|>][-+]?$/.test(value)) {
    const rest = paramsText.slice(m.index + m[0].length + 1).split('\n');
    const lines: string[] = [];
    for (const line of rest) {
      if (line.trim() !== '' && line.length - line.trimStart().length <= m[1]!.length) break;
      lines.push(line.trim());
    }
    return lines.join(' ').trim();
  }
  return value.replace(/^(["'])(.*)\1$/, '$2');
}
