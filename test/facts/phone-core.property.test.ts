import fc from 'fast-check';
import * as max from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, findPhoneRuns, isPhoneCountry, phoneNumberOf } from '../../src/facts/contacts.js';

/**
 * The phone runs read the plain way, kept here as the oracle: every unit stepped over, the run read
 * with PHONE_CHAR's regex, its digits counted and its end at the last digit.
 */
function findPhoneRunsByUnit(text: string): { start: number; end: number; digits: number }[] {
  const runs: { start: number; end: number; digits: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!/[0-9+(]/.test(text[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && /^[\d+()\-. \u00A0/]$/.test(text[end]!)) end++;
    const run = text.slice(i, end);
    const digits = run.replace(/\D/g, '').length;
    const lastDigit = run.search(/\d(?=\D*$)/);
    if (digits >= 7) runs.push({ start: i, end: Math.max(i + lastDigit + 1, i + 1), digits });
    i = Math.max(end, i + 1);
  }
  return runs;
}

// contacts.ts calls libphonenumber-js's core functions with the full metadata passed in (parsed on
// first use in the build). The old reading, libphonenumber-js/max, must give exactly the same
// numbers, types, offsets and country answers.
const oldFindPhoneNumbers = (text: string, country: string) => {
  const code = (max.isSupportedCountry(country) ? country : undefined) as max.CountryCode | undefined;
  const found: { number: string; type?: string; start: number; end: number }[] = [];
  const read = (from: number, piece: string) => {
    for (const match of max.findPhoneNumbersInText(piece, code)) {
      const fact: (typeof found)[number] = { number: match.number.number, start: from + match.startsAt, end: from + match.endsAt };
      const type = match.number.getType();
      if (type) fact.type = type;
      found.push(fact);
    }
  };
  for (const { start, end } of findPhoneRuns(text)) {
    let stop = end;
    while (stop < text.length && /^[\d+()\-. \u00A0/]$/.test(text[stop]!)) stop++;
    if (stop - start <= 40) read(start, text.slice(start, stop));
    else
      for (let from = start; from < stop && from < start + 2000; from += 20) {
        const piece = text.slice(from, Math.min(stop, from + 40));
        if (/\d{2}/.test(piece)) read(from, piece);
      }
  }
  return found;
};
const oldPhoneNumberOf = (value: string, country: string) =>
  max.parsePhoneNumberFromString(value, (max.isSupportedCountry(country) ? country : undefined) as max.CountryCode | undefined)?.number;

const COUNTRIES = ['GB', 'US', 'DE', 'FR', 'AT', 'CH', 'BE', 'IE', 'CA', 'AU', 'IN', 'XX', 'gb', '', 'ZZ', '001'];
// The personal-data rule's own examples, and numbers of every kind for the main countries.
const FIXTURES = [
  'Call 07911 123456 or +1 617 555 0123 now',
  'Call 020 7946 0958',
  'Call (617) 253-1000',
  'Freephone 0808 808 0000, or 0300 123 1234, or 1-800-227-2345',
  'Ruf an: 030 12345678 oder +49 151 23456789',
  'Appelez le 01 23 45 67 89 ou le +33 6 12 34 56 78',
  'NHS 943 476 5919 and 999 and 111 and 0800 1111',
  '+44 (0) 20 7946 0958 ext. 123',
  '1234567 12345678 123456789 1234567890 12345678901 123456789012 +1234567890123',
];
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom('', ' ', '-', '.', ' ', '/', '(', ')', ' - ');
const number = fc.oneof(
  fc.tuple(fc.constantFrom('+44', '+1', '+49', '+33', '+41', '+43', '+32', '0', '00', '1-', '+', ''), separator, digits(3), separator, digits(3), separator, digits(4)).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('07', '020', '0800', '0808', '0300', '030', '06', '01', '+447', '+4915'), digits(8)).map(([a, b]) => a + b),
  fc.stringMatching(/^[\d+() .\-]{7,30}$/),
);
const draft = fc.array(fc.oneof(number, fc.constantFrom(' ', 'Call ', ' or ', 'ext. 12', '\n', 'tel:', 'x'), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((p) => p.join(''));

describe('phone numbers through libphonenumber-js/core with the full metadata passed in', () => {
  it('are those libphonenumber-js/max finds, on the personal-data examples', () => {
    let numbers = 0;
    for (const text of FIXTURES)
      for (const country of COUNTRIES) {
        const found = findPhoneNumbers(text, findPhoneRuns(text), country);
        expect(found, `${text} in ${country}`).toEqual(oldFindPhoneNumbers(text, country));
        numbers += found.length;
      }
    // The control: the examples hold numbers of several types, so the comparison compares something.
    expect(numbers).toBeGreaterThan(50);
    expect(new Set(FIXTURES.flatMap((t) => findPhoneNumbers(t, findPhoneRuns(t), 'GB').map((f) => f.type))).size).toBeGreaterThanOrEqual(3);
  });

  it('are those libphonenumber-js/max finds, on random drafts and numbers', () => {
    fc.assert(
      fc.property(draft, fc.constantFrom(...COUNTRIES), (text, country) => {
        expect(findPhoneNumbers(text, findPhoneRuns(text), country)).toEqual(oldFindPhoneNumbers(text, country));
        expect(phoneNumberOf(text, country)).toBe(oldPhoneNumberOf(text, country));
      }),
      { numRuns: 1500 },
    );
  });

  it('read configured contacts and countries as libphonenumber-js/max does', () => {
    const every = max.getCountries();
    expect(every.length).toBeGreaterThan(200);
    for (const country of [...COUNTRIES, ...every, 'us', 'DEU', 'GB ', 'UK', 'hasOwnProperty', '__proto__', 'constructor', 'toString', 'countries'])
      expect(isPhoneCountry(country), country).toBe(max.isSupportedCountry(country));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 4 }), fc.stringMatching(/^[A-Z0-9]{2,3}$/)), (country) => {
        expect(isPhoneCountry(country)).toBe(max.isSupportedCountry(country));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(number, fc.constantFrom(...COUNTRIES), (value, country) => {
        expect(phoneNumberOf(value, country)).toBe(oldPhoneNumberOf(value, country));
      }),
      { numRuns: 1500 },
    );
  });
});

// findPhoneRuns lets the regex engine hop to each digit, "+" or "("; the unit-by-unit reading must
// give the same runs on any text, the same on a second call (the hop's regex keeps a lastIndex).
describe('findPhoneRuns: the runs of the unit-by-unit reading', () => {
  const pieces = ['a', ' ', '\n', '0', '7', '1234567', '12345678901', '+', '+44', '(', ')', '(0)', '-', '.', '/', '\u00a0', '٣', '５', '\ud83d\ude00', 'é', '++', '((', '7 7 7 7 7 7 7', '0'.repeat(45)];
  const text = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join('')), fc.string({ maxLength: 60 }), fc.stringMatching(/^[0-9+() .\-a]{0,50}$/));
  it('finds the same runs, call after call', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(findPhoneRuns(a)).toEqual(findPhoneRunsByUnit(a));
        expect(findPhoneRuns(b)).toEqual(findPhoneRunsByUnit(b));
        expect(findPhoneRuns(a)).toEqual(findPhoneRunsByUnit(a));
      }),
      { numRuns: 3000 },
    );
  });
  it('reads runs at both ends of the text', () => {
    expect(findPhoneRuns('07911 123456')).toEqual([{ start: 0, end: 12, digits: 11 }]);
    expect(findPhoneRuns('call +44 7911 123456')).toEqual([{ start: 5, end: 20, digits: 12 }]);
    expect(findPhoneRuns('(+) 1234567 x')).toEqual(findPhoneRunsByUnit('(+) 1234567 x'));
    expect(findPhoneRuns('no digits here')).toEqual([]);
  });
});
