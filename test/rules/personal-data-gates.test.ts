import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDatesOfBirth, findNhsNumbers, findPostalAddresses, findRecordNumbers, hasAsciiDigit, ungated } from '../../rules/personal-data/detectors.js';
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
  );
  const text = fc.oneof(drafts, fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 14 }).map((parts) => parts.join('')));

  it('find what the plain patterns find', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('en' as const, 'de' as const, 'fr' as const), (draft, language) => {
        expect(findNhsNumbers(draft)).toEqual(ungated.nhsNumbers(draft));
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
    expect(hasAsciiDigit('no digits ٣ ５')).toBe(false);
    expect(hasAsciiDigit('x9')).toBe(true);
  });
});
