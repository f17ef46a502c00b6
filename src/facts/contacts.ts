// The core functions with the full metadata passed in: what libphonenumber-js/max calls with the
// same arguments, but its metadata is parsed on first use, not when the module loads.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import { phoneCountries, phoneMetadata } from './phone-metadata.js';

// libphonenumber-js/max appends the metadata to the caller's arguments, an undefined country
// included, which the core's types leave out: the same calls, typed as they are made.
const findNumbers = findPhoneNumbersInText as (text: string, country: CountryCode | undefined, metadata: MetadataJson) => ReturnType<typeof findPhoneNumbersInText>;
const parseNumber = parsePhoneNumberFromString as (text: string, country: CountryCode | undefined, metadata: MetadataJson) => ReturnType<typeof parsePhoneNumberFromString>;

/**
 * Contact details in a draft: email addresses and phone numbers, found once for every rule that
 * reads them (personal-data reports them, complex-medical-question reads a number as a signpost).
 * Each scan is linear: anchored on a rare character or bounded in length.
 */
export interface EmailFact {
  value: string;
  start: number;
  end: number;
}

/** A stretch of digits and phone punctuation with at least 7 digits: what may hold a phone number. */
export interface PhoneRun {
  start: number;
  end: number;
  /** How many digits it holds. */
  digits: number;
}

/** A valid phone number (libphonenumber-js, full metadata) in a draft. */
export interface PhoneNumberFact {
  /** E.164, e.g. "+447911123456". */
  number: string;
  /** libphonenumber-js's type: MOBILE, FIXED_LINE, TOLL_FREE, SHARED_COST... (undefined when it cannot tell). */
  type?: string;
  start: number;
  end: number;
}

const LOCAL_CHAR = /^[\p{L}\p{N}._%+'-]$/u;
const DOMAIN_CHAR = /^[\p{L}\p{N}.-]$/u;
const TOP_LEVEL = /\.\p{L}{2,63}$/u;

/** Email addresses, found from each "@" outwards (at most 64 characters before, 255 after, as RFC 5321 allows). */
export function findEmails(text: string): EmailFact[] {
  const found: EmailFact[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    while (start < at && text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && end - at <= 255 && DOMAIN_CHAR.test(text[end]!)) end++;
    while (end > at + 1 && /[.-]/.test(text[end - 1]!)) end--;
    const domain = text.slice(at + 1, end);
    if (start === at || !TOP_LEVEL.test(domain) || domain.includes('..')) continue;
    found.push({ value: text.slice(start, end), start, end });
  }
  return found;
}

const PHONE_CHAR = /^[\d+()\-. \u00A0/]$/;
const WINDOW = 40;
// libphonenumber-js takes about 1 ms per candidate: a run of digits longer than this many windows
// (2,000 characters) is a table or a data dump, not a post, and only its start is checked.
const MAX_WINDOWS = 100;

// Where a run may start: a digit, "+" or "(". Global, read with test() and lastIndex: no match array.
const PHONE_START = /[0-9+(]/g;

/**
 * Runs of digits and phone punctuation with at least 7 digits: the one scan for phone numbers.
 * The regex engine hops to each place a run may start (most of a draft is letters and spaces);
 * from there the run is read by character codes.
 */
export function findPhoneRuns(text: string): PhoneRun[] {
  const runs: PhoneRun[] = [];
  // Character codes, not `text[i]` and a regex: this runs on every draft, and a one-unit string
  // outside Latin-1 is a fresh allocation (the editor's per-keystroke garbage).
  PHONE_START.lastIndex = 0;
  while (PHONE_START.test(text)) {
    const i = PHONE_START.lastIndex - 1;
    const end = readRunAt(text, i, runs);
    PHONE_START.lastIndex = Math.max(end, i + 1);
  }
  return runs;
}

/** Reads the run of phone characters from `start`, adds it to `runs` when it holds 7 digits or more, and gives its end. */
function readRunAt(text: string, start: number, runs: PhoneRun[]): number {
  let end = start;
  let digits = 0;
  let lastDigit = start;
  while (end < text.length && isPhoneChar(text.charCodeAt(end))) {
    if (text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) {
      digits++;
      lastDigit = end;
    }
    end++;
  }
  if (digits >= 7) runs.push({ start, end: Math.max(lastDigit + 1, start + 1), digits });
  return end;
}

/** PHONE_CHAR by character code: a digit or one of + ( ) - . space, no-break space and /. */
const isPhoneChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || code === 0x2b || code === 0x28 || code === 0x29 || code === 0x2d || code === 0x2e || code === 0x20 || code === 0xa0 || code === 0x2f;

/**
 * The valid phone numbers in the runs, for numbers written without +code read as `country`'s.
 * A run longer than WINDOW is read in overlapping windows, as libphonenumber-js's matcher slows
 * down more than linearly on long runs; at most MAX_WINDOWS a run.
 */
export function findPhoneNumbers(text: string, runs: readonly PhoneRun[], country: string): PhoneNumberFact[] {
  const found: PhoneNumberFact[] = [];
  const code = (isPhoneCountry(country) ? country : undefined) as CountryCode | undefined;
  const read = (from: number, piece: string) => {
    for (const match of findNumbers(piece, code, phoneMetadata())) {
      const fact: PhoneNumberFact = { number: match.number.number, start: from + match.startsAt, end: from + match.endsAt };
      const type = match.number.getType();
      if (type) fact.type = type;
      found.push(fact);
    }
  };
  for (const { start, end } of runs) {
    // Phone punctuation after the last digit belongs to the run as the library reads it.
    let stop = end;
    while (stop < text.length && PHONE_CHAR.test(text[stop]!)) stop++;
    if (stop - start <= WINDOW) read(start, text.slice(start, stop));
    else {
      for (let from = start; from < stop && from < start + (MAX_WINDOWS * WINDOW) / 2; from += WINDOW / 2) {
        const piece = text.slice(from, Math.min(stop, from + WINDOW));
        if (/\d{2}/.test(piece)) read(from, piece);
      }
    }
  }
  return found;
}

/** A configured contact (an allowed helpline number) as E.164, or undefined when it is no phone number. */
export function phoneNumberOf(value: string, country: string): string | undefined {
  return parseNumber(value, (isPhoneCountry(country) ? country : undefined) as CountryCode | undefined, phoneMetadata())?.number;
}

/** Whether libphonenumber-js knows the country (ISO 3166 code such as "GB"): its isSupportedCountry, from the list of countries alone. */
export function isPhoneCountry(country: string): boolean {
  return phoneCountries().has(country);
}
