/**
 * Finders for personal identifiers in a draft. Each scan is linear: anchored on a rare character
 * or bounded in length, so a megabyte of digits or "@" cannot make one quadratic.
 */
import english from '../data/personal-data.json';
import german from '../data/personal-data.de.json';
import french from '../data/personal-data.fr.json';
import { compiledOnFirstUse, entryOf, expandPhrase, shippedLexicon, type Language, type LexiconFile } from '../../src/rule/index.js';

/** The words personal-data reads, one file per language with the same entries. */
export const PERSONAL_DATA_WORDS: Record<Language, LexiconFile> = {
  en: shippedLexicon(english, 'personal-data.json'),
  de: shippedLexicon(german, 'personal-data.de.json'),
  fr: shippedLexicon(french, 'personal-data.fr.json'),
};

/** An entry's phrases (alternatives expanded) as a regular-expression alternation, longest first. */
const alternation = (words: LexiconFile, id: string) =>
  entryOf(words, id)
    .phrases.flatMap(expandPhrase)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
// Word edges for any script: \b knows only ASCII, so it sees no edge after "né" or inside "Geb.-Datum".
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

export interface Found {
  kind: 'email' | 'phone' | 'dateOfBirth' | 'nhsNumber' | 'recordNumber' | 'address';
  value: string;
  start: number;
  end: number;
}

/**
 * Whether the text holds an ASCII digit. Every pattern below needs one (`\d` is ASCII, with or
 * without the u flag), and most posts have none: without one, no pattern runs.
 */
export function hasAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

const NHS_NUMBER = /(?<![\d])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g;

/**
 * 10-digit NHS numbers whose check digit passes modulus 11 (NHS Data Dictionary). An NHS number is
 * digits, spaces and hyphens, all phone characters: it lies inside one of the draft's phone runs
 * (findPhoneRuns), which then holds at least 10 digits. Given the runs, no other draft is scanned.
 */
export function findNhsNumbers(text: string, phoneRuns?: readonly { digits: number }[]): Found[] {
  const may = phoneRuns ? phoneRuns.some((run) => run.digits >= 10) : hasAsciiDigit(text);
  return may ? scanNhsNumbers(text) : [];
}

function scanNhsNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(NHS_NUMBER)) {
    const digits = match[1]! + match[2]! + match[3]!;
    if (isNhsNumber(digits)) found.push({ kind: 'nhsNumber', value: digits, start: match.index!, end: match.index! + match[0].length });
  }
  return found;
}

export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// Day and month names, dates and birth cues in each language: "3rd March 1985", "12. März 1985", "1er mars 1985".
function datePatterns(words: LexiconFile) {
  const month = `(?:${alternation(words, 'months')})\\p{Ll}{0,6}\\.?`;
  const day = '\\d{1,2}(?:st|nd|rd|th|er|\\.)?';
  return {
    date: new RegExp(
      `\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|${day} ${month} (?:19|20)\\d{2}|${month} \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2})\\b`,
      'giu',
    ),
    birthCue: new RegExp(`${BEFORE}(?:${alternation(words, 'birth-cues')})${AFTER}`, 'iu'),
    // The cues without their word edges: wherever birthCue matches a slice, this matches the text.
    anyBirthCue: new RegExp(alternation(words, 'birth-cues'), 'iu'),
  };
}
// Each language's patterns are built when a draft in it first needs them, not when the rule loads.
const DATES: Record<Language, ReturnType<typeof datePatterns>> = compiledOnFirstUse({ en: () => datePatterns(PERSONAL_DATA_WORDS.en), de: () => datePatterns(PERSONAL_DATA_WORDS.de), fr: () => datePatterns(PERSONAL_DATA_WORDS.fr) });

// What every date of the pattern holds: a digit, "/" "." or "-", a digit ("12/03/85", "1985-03-12"),
// or a year 19xx or 20xx ("3 March 1985"). Digits only, no flags: far cheaper than the cues' pattern.
const DATE_SHAPE = /\d[/.-]\d|(?:19|20)\d\d/;

/** Dates with a birth cue ("DOB", "born", "geb.", "née le") in the 30 characters before them, after any earlier date. */
export function findDatesOfBirth(text: string, language: Language = 'en'): Found[] {
  return DATE_SHAPE.test(text) && DATES[language].anyBirthCue.test(text) ? scanDatesOfBirth(text, language) : [];
}

function scanDatesOfBirth(text: string, language: Language): Found[] {
  const { date, birthCue } = DATES[language];
  const found: Found[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(date)) {
    const start = match.index!;
    if (birthCue.test(text.slice(Math.max(previousEnd, start - 30), start))) found.push({ kind: 'dateOfBirth', value: match[0], start, end: start + match[0].length });
    previousEnd = start + match[0].length;
  }
  return found;
}

const recordPattern = (words: LexiconFile) => new RegExp(`${BEFORE}(?:${alternation(words, 'record-labels')})[ \\t]{0,3}[:#]?[ \\t]{0,3}([A-Z]{0,3}-?\\d[\\dA-Z-]{3,15})\\b`, 'giu');
const RECORDS: Record<Language, RegExp> = compiledOnFirstUse({ en: () => recordPattern(PERSONAL_DATA_WORDS.en), de: () => recordPattern(PERSONAL_DATA_WORDS.de), fr: () => recordPattern(PERSONAL_DATA_WORDS.fr) });
// The labels alone, without the word edge before them: wherever a record pattern matches, this does.
const recordLabel = (words: LexiconFile) => new RegExp(alternation(words, 'record-labels'), 'iu');
const RECORD_LABELS: Record<Language, RegExp> = compiledOnFirstUse({ en: () => recordLabel(PERSONAL_DATA_WORDS.en), de: () => recordLabel(PERSONAL_DATA_WORDS.de), fr: () => recordLabel(PERSONAL_DATA_WORDS.fr) });

// What every record number holds: a digit and three more of [\dA-Z-], which ignoring case (the
// u and i flags) is also a-z, "ſ" (folds to s) and the Kelvin sign (folds to k).
const RECORD_SHAPE = /\d[\dA-Za-z\u017F\u212A-]{3}/;

/** Record numbers after a label that names them (MRN, patient ID, Patientennummer, numéro de dossier...). */
export function findRecordNumbers(text: string, language: Language = 'en'): Found[] {
  return RECORD_SHAPE.test(text) && RECORD_LABELS[language].test(text) ? scanRecordNumbers(text, language) : [];
}

function scanRecordNumbers(text: string, language: Language): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(RECORDS[language])) {
    const id = match[1]!;
    const start = match.index! + match[0].length - id.length;
    found.push({ kind: 'recordNumber', value: id, start, end: start + id.length });
  }
  return found;
}

// A full UK postcode (Royal Mail format) or a US state abbreviation with a ZIP code.
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA|[A-Z]{2} \d{5}(?:-\d{4})?)\b/g;
// A house number and a street type, up to three capitalised words between them.
const STREET = new RegExp(`\\b\\d{1,5}[A-Za-z]? (?:\\p{Lu}[\\p{L}'-]{0,30} ){1,3}(?:${alternation(PERSONAL_DATA_WORDS.en, 'street-types')})\\b\\.?`, 'gu');

// What every postcode holds: a capital letter before a digit ("SW1A", "GIR 0AA"), or before a space and a digit ("NY 10001").
const POSTCODE_SHAPE = /[A-Z] ?\d/;

/** Postal addresses (UK and US formats, whatever the draft's language): a postcode or ZIP code, with the street before it on the same line when there is one. */
export function findPostalAddresses(text: string): Found[] {
  return POSTCODE_SHAPE.test(text) ? scanPostalAddresses(text) : [];
}

function scanPostalAddresses(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(POSTCODE)) {
    const end = match.index! + match[0].length;
    let start = match.index!;
    const lineStart = Math.max(text.lastIndexOf('\n', start) + 1, start - 80);
    const before = text.slice(lineStart, start);
    const street = [...before.matchAll(STREET)].pop();
    if (street) start = lineStart + street.index!;
    found.push({ kind: 'address', value: match[0], start, end });
  }
  return found;
}

const escaped = (words: LexiconFile, id: string) => entryOf(words, id).phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const NAME = '\\p{Lu}\\p{Ll}{1,30}(?:-\\p{Lu}\\p{Ll}{1,30})?';

/** "Hi Jane," / "Dear Mr Patel," / "Liebe Frau Dr. Weber," / "Jane," at the start of a sentence: a person addressed by name. */
export function vocativePattern(words: LexiconFile): RegExp {
  return new RegExp(`^((?:(?:${escaped(words, 'greetings')})[ ,]+){0,2})((?:(?:${escaped(words, 'honorifics')})\\.? ){0,2})(${NAME}(?: ${NAME})?),[ \\t]*(\\S*)`, 'iu');
}

/**
 * The vocative pattern on the 80 characters from `start`. Every match holds a comma, so without
 * one there the pattern is not tried: ignoring case, its names match almost any word, and it
 * backtracks through every length of one or two of them before it fails.
 */
export function vocativeAt(vocative: RegExp, text: string, start: number): RegExpExecArray | null {
  // The comma is looked for in the window alone: text.indexOf from `start` would read to the end of
  // a draft without one, for every sentence of it.
  const window = text.slice(start, start + 80);
  return window.includes(',') ? vocative.exec(window) : null;
}

/**
 * The first mention, in the list's order, that starts in [from, before) and passes `accept`: what
 * `mentions.find` gives, found from a binary search when the mentions are in text order (they are:
 * entities come in order), so a long draft's thousands of mentions are not scanned per sentence.
 */
export function firstMentionIn<M extends { start: number }>(mentions: readonly M[], from: number, before: number, accept: (mention: M) => boolean): M | undefined {
  let i = 0;
  if (inOrder(mentions)) {
    let hi = mentions.length;
    while (i < hi) {
      const mid = (i + hi) >>> 1;
      if (mentions[mid]!.start < from) i = mid + 1;
      else hi = mid;
    }
    for (; i < mentions.length && mentions[i]!.start < before; i++) if (accept(mentions[i]!)) return mentions[i];
    return undefined;
  }
  return mentions.find((m) => m.start >= from && m.start < before && accept(m));
}

const checkedInOrder = new WeakMap<readonly { start: number }[], boolean>();
function inOrder(mentions: readonly { start: number }[]): boolean {
  let known = checkedInOrder.get(mentions);
  if (known === undefined) {
    known = true;
    for (let i = 1; i < mentions.length && known; i++) if (mentions[i]!.start < mentions[i - 1]!.start) known = false;
    checkedInOrder.set(mentions, known);
  }
  return known;
}

/** The finders without their gates: the plain reading that tests hold the gated finders to. */
export const ungated = { nhsNumbers: scanNhsNumbers, datesOfBirth: scanDatesOfBirth, recordNumbers: scanRecordNumbers, postalAddresses: scanPostalAddresses };
