import * as v from 'valibot';
import type { Analysis } from './analysis.js';
import { PostlintConfigError } from '../core/errors.js';
import type { Contacts } from '../core/types.js';
import { stripWww } from './links.js';

/**
 * The organisation's own published contacts (the `contacts` setting), compiled once per options
 * object: what rules that find contact details in a draft treat as the organisation's, not a person's.
 */
export interface OwnContacts {
  /** The configured phone numbers as written: rules that parse numbers compare them in their own way. */
  readonly phones: readonly string[];
  /** Whether any contact is configured at all. */
  readonly any: boolean;
  isOwnEmail(email: string): boolean;
  /** `@handle` or `handle`, case-insensitive. */
  isOwnHandle(handle: string): boolean;
  /** A host at one of the domains (or a subdomain of one). */
  isOwnHost(host: string): boolean;
  /** An address or postcode found in a draft that is one of the organisation's. */
  isOwnAddress(found: string): boolean;
  /** The first of the organisation's emails, handles or links in the draft, if any. */
  firstIn(analysis: Analysis): { start: number; end: number; text: string } | undefined;
}

const list = (what: string, example: string) =>
  v.optional(v.array(v.pipe(v.string(`expected ${what} as a string`), v.trim(), v.nonEmpty(`expected ${what}, not an empty string`)), `expected a list, e.g. ${example}`));

const ContactsSchema = v.strictObject({
  phones: list('a phone number', '["0808 800 4040"]'),
  emails: list('an email address', '["nurses@example.org"]'),
  addresses: list('an address or postcode', '["1 Main Street, London SW1A 2AA"]'),
  handles: list('a handle', '["@OurCharity"]'),
  domains: list('a domain', '["example.org"]'),
});
const KEYS = Object.keys(ContactsSchema.entries);

const EMPTY: OwnContacts = { phones: [], any: false, isOwnEmail: () => false, isOwnHandle: () => false, isOwnHost: () => false, isOwnAddress: () => false, firstIn: () => undefined };
const cache = new WeakMap<object, OwnContacts>();

/** `LintOptions.contacts`, validated (a `PostlintConfigError` names the key) and compiled; cached per object. */
export function compileContacts(contacts: unknown): OwnContacts {
  if (contacts === undefined) return EMPTY;
  if (typeof contacts === 'object' && contacts !== null) {
    const cached = cache.get(contacts);
    if (cached) return cached;
  }
  const compiled = compile(validateContacts(contacts));
  if (typeof contacts === 'object' && contacts !== null) cache.set(contacts, compiled);
  return compiled;
}

export function validateContacts(contacts: unknown): Contacts {
  const result = v.safeParse(ContactsSchema, contacts);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = 'contacts' + (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  let problem = issue.message;
  if (issue.type === 'strict_object') {
    problem = issue.expected === 'Object' ? `expected an object with any of ${KEYS.join(', ')}` : `unknown key; contacts has ${KEYS.join(', ')}`;
  }
  throw new PostlintConfigError(path, problem);
}

/** Addresses compare without case, spaces and punctuation: "SW1A 2AA" is "sw1a2aa". */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function compile(contacts: Contacts): OwnContacts {
  const emails = new Set((contacts.emails ?? []).map((e) => e.toLowerCase()));
  const handles = new Set((contacts.handles ?? []).map((h) => h.replace(/^@/, '').toLowerCase()));
  const domains = (contacts.domains ?? []).map((d) => stripWww(d.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '')));
  const addresses = (contacts.addresses ?? []).map(squash).filter(Boolean);
  const phones = contacts.phones ?? [];
  const isOwnHost = (host: string) => {
    const bare = stripWww(host.toLowerCase());
    return domains.some((d) => bare === d || bare.endsWith('.' + d));
  };
  const isOwnEmail = (email: string) => {
    const lower = email.toLowerCase();
    return emails.has(lower) || isOwnHost(lower.slice(lower.lastIndexOf('@') + 1));
  };
  const isOwnHandle = (handle: string) => handles.has(handle.replace(/^@/, '').toLowerCase());
  return {
    phones,
    any: phones.length + emails.size + handles.size + domains.length + addresses.length > 0,
    isOwnEmail,
    isOwnHandle,
    isOwnHost,
    // The address found may be the street and postcode of a longer configured one, or the other way round.
    isOwnAddress: (found) => {
      const f = squash(found);
      return f.length > 0 && addresses.some((a) => a.includes(f) || f.includes(a));
    },
    firstIn(analysis) {
      const text = analysis.text;
      const hits: { start: number; end: number; text: string }[] = [];
      for (const m of analysis.mentions) if (isOwnHandle(text.slice(m.start, m.end))) hits.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
      for (const link of analysis.links) {
        if (link.address && isOwnHost(link.address.hostname)) hits.push({ start: link.start, end: link.end, text: text.slice(link.start, link.end) });
      }
      if (emails.size + domains.length > 0) {
        for (const email of analysis.emails) if (isOwnEmail(email.value)) hits.push({ start: email.start, end: email.end, text: email.value });
      }
      return hits.sort((a, b) => a.start - b.start)[0];
    },
  };
}
