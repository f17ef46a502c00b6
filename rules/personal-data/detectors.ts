/**
 * Finders for personal identifiers in a draft. Each scan is linear: anchored on a rare character
 * or bounded in length, so a megabyte of digits or "@" cannot make one quadratic.
 */
import wordData from '../data/personal-data.json';
import { entryOf, expandPhrase, readLexicon } from '../../src/rule/index.js';

const words = readLexicon(wordData, 'personal-data.json');
/** An entry's phrases (alternatives expanded) as a regular-expression alternation, longest first. */
const alternation = (id: string) =>
  entryOf(words, id)
    .phrases.flatMap(expandPhrase)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

export interface Found {
  kind: 'email' | 'phone' | 'dateOfBirth' | 'nhsNumber' | 'recordNumber' | 'address';
  value: string;
  start: number;
  end: number;
}

const NHS_NUMBER = /(?<![\d])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/g;

/** 10-digit NHS numbers whose check digit passes modulus 11 (NHS Data Dictionary). */
export function findNhsNumbers(text: string): Found[] {
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

const MONTH = `(?:${alternation('months')})[a-z]{0,6}\\.?`;
const DATE = new RegExp(
  `\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH} (?:19|20)\\d{2}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2})\\b`,
  'gi',
);
const BIRTH_CUE = new RegExp(`\\b(?:${alternation('birth-cues')})\\b`, 'i');

/** Dates with a birth cue ("DOB", "born", "date of birth") in the 30 characters before them, after any earlier date. */
export function findDatesOfBirth(text: string): Found[] {
  const found: Found[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(DATE)) {
    const start = match.index!;
    if (BIRTH_CUE.test(text.slice(Math.max(previousEnd, start - 30), start))) found.push({ kind: 'dateOfBirth', value: match[0], start, end: start + match[0].length });
    previousEnd = start + match[0].length;
  }
  return found;
}

const RECORD = new RegExp(`\\b(?:${alternation('record-labels')})[ \\t]{0,3}[:#]?[ \\t]{0,3}([A-Z]{0,3}-?\\d[\\dA-Z-]{3,15})\\b`, 'gi');

/** Record numbers after a label that names them (MRN, patient ID, hospital number...). */
export function findRecordNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(RECORD)) {
    const id = match[1]!;
    const start = match.index! + match[0].length - id.length;
    found.push({ kind: 'recordNumber', value: id, start, end: start + id.length });
  }
  return found;
}

// A full UK postcode (Royal Mail format) or a US state abbreviation with a ZIP code.
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA|[A-Z]{2} \d{5}(?:-\d{4})?)\b/g;
// A house number and a street type, up to three capitalised words between them.
const STREET = new RegExp(`\\b\\d{1,5}[A-Za-z]? (?:\\p{Lu}[\\p{L}'-]{0,30} ){1,3}(?:${alternation('street-types')})\\b\\.?`, 'gu');

/** Postal addresses: a postcode or ZIP code, with the street before it on the same line when there is one. */
export function findPostalAddresses(text: string): Found[] {
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
