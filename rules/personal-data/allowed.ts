import { phoneNumberOf } from '../../src/rule/index.js';

/** A contact as found values are compared with it: lower case, without spaces, brackets, hyphens and dots. */
export function normalise(value: string): string {
  return value.toLowerCase().replace(/[\s()\-.]/g, '');
}

/** The contacts never flagged, normalised, with each that is a phone number also as E.164 (libphonenumber-js). */
export function allowedContacts(listed: readonly string[], phones: readonly string[], country: string): Set<string> {
  const allowed = new Set<string>();
  for (const contact of [...listed, ...phones]) {
    allowed.add(normalise(contact));
    const phone = phoneNumberOf(contact, country);
    if (phone) allowed.add(phone);
  }
  return allowed;
}

interface Kept {
  listed: readonly string[];
  phones: readonly string[];
  country: string;
  allowed: ReadonlySet<string>;
}
// Per rule options object (the engine keeps one per configuration): parsing a configured number
// takes libphonenumber-js tens of microseconds, more than the rest of the rule on most drafts.
const kept = new WeakMap<object, Kept>();
const sameValues = (before: readonly string[], now: readonly string[]) => before.length === now.length && before.every((value, i) => value === now[i]);

/**
 * allowedContacts, computed once per options object and kept while the contacts it was computed
 * from stay the same (compared by value on every call, so a list changed in place is read again).
 */
export function allowedContactsFor(options: { allowedContacts: readonly string[]; defaultCountry: string }, phones: readonly string[]): ReadonlySet<string> {
  const { allowedContacts: listed, defaultCountry: country } = options;
  const known = kept.get(options);
  if (known && known.country === country && sameValues(known.listed, listed) && sameValues(known.phones, phones)) return known.allowed;
  const allowed = allowedContacts(listed, phones, country);
  kept.set(options, { listed: [...listed], phones: [...phones], country, allowed });
  return allowed;
}
