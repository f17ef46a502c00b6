import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { isNhsNumber } from '../../rules/personal-data/detectors.js';

const only = (options?: Record<string, unknown>) => ({ preset: 'none', rules: { 'personal-data': options ? (['error', options] as ['error', Record<string, unknown>]) : ('error' as const) } });
const found = (text: string, options?: Record<string, unknown>) =>
  lint({ text, channel: 'x' }, only(options)).messages.map((m) => [m.messageId, m.start.offset, m.end.offset]);

describe('personal-data', () => {
  it('finds an email address with its exact range', () => {
    expect(found('Write to jane.doe+nhs@mail.example.co.uk.')).toEqual([['email', 9, 40]]);
  });

  it('does not take a mention or a bare @ for an email', () => {
    expect(found('Thanks @jane_d and @ everyone at example.org')).toEqual([]);
  });

  it('finds phone numbers with libphonenumber-js, national and international', () => {
    expect(found('Call 07911 123456 or +1 617 555 0123 now')).toEqual([
      ['phone', 5, 17],
      ['phone', 21, 36],
    ]);
  });

  it("allows the organisation's own contacts however they are written", () => {
    const options = { allowedContacts: ['+44 20 7946 0958', 'Helpline@Example.org'] };
    expect(found('Call 020 7946 0958 or email helpline@example.org', options)).toEqual([]);
    expect(found('Call 020 7946 0958')).toEqual([['phone', 5, 18]]);
  });

  it('lets freephone and non-geographic service numbers pass: they are not a person', () => {
    expect(found('Call 0808 800 4040, 0300 123 1022 or 116 123')).toEqual([]);
    expect(found('Call 1-800-227-2345', { defaultCountry: 'US' })).toEqual([]);
  });

  it('reads numbers in the default country it is given', () => {
    expect(found('Call (617) 253-1000', { defaultCountry: 'US' })).toEqual([['phone', 5, 19]]);
    expect(found('Call (617) 253-1000')).toEqual([]);
  });

  it('checks the NHS number modulus 11 digit', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
    expect(isNhsNumber('0000000000')).toBe(false);
    expect(found('NHS no 943 476 5919 and 943 476 5918')).toEqual([['nhsNumber', 7, 19]]);
  });

  it('flags a date only when a birth cue precedes it', () => {
    expect(found('Patient born 3 March 1985, seen 12/03/2024')).toEqual([['dateOfBirth', 13, 25]]);
    expect(found('D.O.B.: 1985-03-03')).toEqual([['dateOfBirth', 8, 18]]);
  });

  it('flags a record number after its label', () => {
    expect(found('MRN 1234567 and hospital number: RX-998877')).toEqual([
      ['recordNumber', 4, 11],
      ['recordNumber', 33, 42],
    ]);
  });

  it('flags a postcode with the street before it, and a US ZIP code', () => {
    expect(found('She lives at 22 Acacia Avenue, Leeds LS1 4AP.')).toEqual([['address', 13, 44]]);
    expect(found('Boston MA 02115-1234')).toEqual([['address', 7, 20]]);
    expect(found('Our shop at 1 High Street is open')).toEqual([]);
  });

  it('ties an @mention to a health detail after "your"', () => {
    expect(found('@jane_d your biopsy results are back')).toEqual([['healthDetail', 0, 19]]);
  });

  it('ties a name addressed at the start of a sentence, or with a title', () => {
    expect(found('Dear Mr Patel, your scan is booked.')).toEqual([['healthDetail', 5, 24]]);
    expect(found('Sorry, your results are late.')).toEqual([]);
  });

  it('does not flag campaign posts that mention an organisation and a condition', () => {
    expect(found('Join @CancerCharityUK for your local cancer awareness walk')).toEqual([]);
    expect(found('@jane_d thanks for your support')).toEqual([]);
  });

  it('tells where to move the conversation, from its options', () => {
    const [message] = lint({ text: 'Email a@b.org', channel: 'x' }, only({ privateChannel: 'a DM to @OurHelpline' })).messages;
    expect(message!.message).toBe('Email address in a public post: move the conversation to a DM to @OurHelpline (if it is yours, list it under contacts in the config)');
  });

  it('rejects an unknown country with the key', () => {
    expect(() => found('x', { defaultCountry: 'UK' })).toThrow('rules.personal-data[1].defaultCountry: expected a supported ISO 3166 country code such as "GB" or "US"');
  });
});

describeRuleDocs('personal-data');
