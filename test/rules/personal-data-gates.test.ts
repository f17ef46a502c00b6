import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDatesOfBirth, findNhsNumbers, findPostalAddresses, findRecordNumbers, firstMentionIn, hasAsciiDigit, PERSONAL_DATA_WORDS, ungated, vocativeAt, vocativePattern } from '../../rules/personal-data/detectors.js';
import { findPhoneRuns } from '../../src/facts/contacts.js';
import { drafts } from '../helpers/fuzz-arbitraries.js';

// The finders skip their patterns when the text has no digit, or no birth cue or record label at
// all; they must find what the patterns alone find, on any text.
describe('personal-data: the gated finders', () => {
  const pieces = fc.constantFrom(
    'DOB', 'dob ', 'd.o.b', 'Born', 'birthday', 'xborn', 'bornx', 'date of birth', 'geb.', 'Geburtsdatum', 'née le', 'date de naissance',
    '12/03/1985', '3 March 1985', 'March 3, 1985', '3. März 1985', '1er mars 1985', '1985-03-12', '12.03.85',
    'MRN', 'mrn:', 'MRN: A1234567', 'patient id #', 'Patientennummer', 'numéro de dossier', 'record no. ', 'CHI number 123',
    '943 476 5919', '9434765919', 'SW1A 2AA', 'GIR 0AA', 'NY 10001', '10 Downing Street, ', 'London ',
    ' ', '\n', ' '.repeat(26), ':', '#', '-', '0', '7', '٣', '５', 'K', 'ſ', 'İ', 'é',
    // Where the shape gates (a date's digits, a record number's, a postcode's, an NHS number's phone run) might wrongly close.
    '19', '20', '1985', '2099', '1-2', '9.9', '1/1', '12-', '-03', '3 ', 'March ', 'mars ', 'MRN 1', 'MRN: 1ſſſ', 'mrn 1KKK', 'MRN 1-a-', 'Patient ID 12ab',
    'R0', 'R 0', 'GIR0AA', 'gir 0aa', 'A1', 'NY ', '12345', 'W1', 'DOB 1/2/85', '943', '476', '5919', '943-476-5919', '+44 ', '(0)', '.',
  );
  const text = fc.oneof(drafts, fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 14 }).map((parts) => parts.join('')));

  it('find what the plain patterns find', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('en' as const, 'de' as const, 'fr' as const), (draft, language) => {
        expect(findNhsNumbers(draft)).toEqual(ungated.nhsNumbers(draft));
        expect(findNhsNumbers(draft, findPhoneRuns(draft))).toEqual(ungated.nhsNumbers(draft));
        expect(findPostalAddresses(draft)).toEqual(ungated.postalAddresses(draft));
        expect(findDatesOfBirth(draft, language)).toEqual(ungated.datesOfBirth(draft, language));
        expect(findRecordNumbers(draft, language)).toEqual(ungated.recordNumbers(draft, language));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds each kind where a gate might wrongly close', () => {
    expect(findDatesOfBirth('Patient DOB 12/03/1985')).toHaveLength(1);
    expect(findDatesOfBirth('Geburtsdatum: 3. März 1985', 'de')).toHaveLength(1);
    // The 30 characters before a date may start inside a word: "born" there is a cue, though "xborn" in the text is not.
    const cut = 'xborn' + ' '.repeat(26) + '12/03/1985';
    expect(findDatesOfBirth(cut)).toEqual(ungated.datesOfBirth(cut, 'en'));
    expect(findDatesOfBirth(cut)).toHaveLength(1);
    expect(findRecordNumbers('MRN: A1234567')).toHaveLength(1);
    expect(findPostalAddresses('London SW1A 2AA')).toHaveLength(1);
    expect(findNhsNumbers('NHS number 943 476 5919')).toHaveLength(1);
    expect(findNhsNumbers('NHS number 943 476 5919', findPhoneRuns('NHS number 943 476 5919'))).toHaveLength(1);
    expect(findDatesOfBirth('born 1/2/85')).toHaveLength(1);
    expect(findDatesOfBirth('born 3 March 1985')).toHaveLength(1);
    expect(findRecordNumbers('MRN 1ſſſ')).toEqual(ungated.recordNumbers('MRN 1ſſſ', 'en'));
    expect(findRecordNumbers('MRN 1ſſſ')).toHaveLength(1);
    expect(findRecordNumbers('MRN 1\u212A\u212A\u212A')).toHaveLength(1);
    expect(findPostalAddresses('GIR 0AA')).toHaveLength(1);
    expect(findPostalAddresses('Albany, NY 12207')).toHaveLength(1);
    expect(hasAsciiDigit('no digits ٣ ５')).toBe(false);
    expect(hasAsciiDigit('x9')).toBe(true);
  });
});

// The person finder looks for the first mention in a stretch by binary search when the mentions
// are in text order, and scans them otherwise: either way, what `mentions.find` gives.
describe('personal-data: firstMentionIn', () => {
  const mention = fc.record({ start: fc.integer({ min: 0, max: 60 }), own: fc.boolean() });
  it('finds what mentions.find finds, in order or not', () => {
    fc.assert(
      fc.property(fc.array(mention, { maxLength: 12 }), fc.boolean(), fc.integer({ min: -2, max: 62 }), fc.integer({ min: -2, max: 62 }), (list, sort, from, before) => {
        const mentions = sort ? [...list].sort((a, b) => a.start - b.start) : list;
        const accept = (m: { own: boolean }) => !m.own;
        expect(firstMentionIn(mentions, from, before, accept)).toBe(mentions.find((m) => m.start >= from && m.start < before && accept(m)));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the first of equal starts, and skips those not accepted', () => {
    const a = { start: 5, own: true };
    const b = { start: 5, own: false };
    const c = { start: 9, own: false };
    expect(firstMentionIn([a, b, c], 0, 10, (m) => !m.own)).toBe(b);
    expect(firstMentionIn([a, b, c], 6, 10, (m) => !m.own)).toBe(c);
    expect(firstMentionIn([a, b, c], 6, 9, (m) => !m.own)).toBeUndefined();
    expect(firstMentionIn([c, a, b], 0, 10, (m) => !m.own)).toBe(c);
  });
});

// The vocative pattern is tried only when a comma lies in the 80 characters it reads.
describe('personal-data: vocativeAt', () => {
  const pieces = fc.constantFrom('Hi ', 'hi, ', 'Dear ', 'Thank you ', 'Mr ', 'Mrs. ', 'Dr. ', 'Frau ', 'Herr ', 'Liebe ', 'Bonjour ', 'Mme ', 'Jane', 'Anna-Lena', 'Patel', 'claire', 'ÉMILE', 'Weber', ',', ', ', ' ', '\t', '\n', 'your biopsy', 'dein Befund', '.', 'x'.repeat(30), ' '.repeat(40));
  const text = fc.oneof(fc.array(pieces, { maxLength: 12 }).map((xs) => xs.join('')), fc.string({ maxLength: 100 }), drafts);
  it('matches what the pattern matches on the slice', () => {
    fc.assert(
      fc.property(text, fc.nat({ max: 100 }), fc.constantFrom('en' as const, 'de' as const, 'fr' as const), (draft, at, language) => {
        const pattern = vocativePattern(PERSONAL_DATA_WORDS[language]);
        const start = Math.min(at, draft.length);
        expect(vocativeAt(pattern, draft, start)).toEqual(pattern.exec(draft.slice(start, start + 80)));
      }),
      { numRuns: 3000 },
    );
  });
  it('finds a name with the comma at the last character read, and none past it', () => {
    const pattern = vocativePattern(PERSONAL_DATA_WORDS.en);
    const first = 'A' + 'b'.repeat(30) + '-C' + 'd'.repeat(30);
    const inside = 'Hi ' + first + ' E' + 'f'.repeat(11) + ', your scan';
    expect(inside.indexOf(',')).toBe(79);
    expect(vocativeAt(pattern, 'xx' + inside, 2)?.[3]).toBe(first + ' E' + 'f'.repeat(11));
    const past = 'Hi ' + first + ' E' + 'f'.repeat(12) + ', your scan';
    expect(vocativeAt(pattern, past, 0)).toBeNull();
    expect(pattern.exec(past.slice(0, 80))).toBeNull();
    expect(vocativeAt(pattern, 'Sam, sorry', 0)?.[3]).toBe('Sam');
    expect(vocativeAt(pattern, 'Sam is sorry, x', 0)).toBeNull();
  });
});
