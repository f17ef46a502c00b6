import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { isNhsNumber } from '../../rules/personal-data/detectors.js';

const only = (options?: Record<string, unknown>) => ({ preset: 'none', rules: { 'personal-data': options ? (['error', options] as ['error', Record<string, unknown>]) : ('error' as const) } });
const found = (text: string, options?: Record<string, unknown>) =>
  lint({ text, channel: 'x' }, only(options)).messages.map((m) => [m.messageId, m.start.offset, m.end.offset]);
const inLanguage = (language: 'de' | 'fr', text: string) =>
  lint({ text, channel: 'x' }, { ...only(), language }).messages.map((m) => [m.message, m.start.offset, m.end.offset]);
const tied = (person: string, detail: string) => `${person} is tied to a health detail ("${detail}") in public: move the conversation to a private message or the helpline`;

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

describe('personal-data in German', () => {
  it('ties a mention, a greeting with a name, or a title and a name to a health detail after a possessive', () => {
    expect(inLanguage('de', '@anna_k dein Befund ist da, ruf uns an')).toEqual([[tied('@anna_k', 'Befund'), 0, 19]]);
    expect(inLanguage('de', 'Hallo Anna, deine Chemo wurde verschoben.')).toEqual([[tied('Anna', 'Chemo'), 6, 23]]);
    expect(inLanguage('de', 'Liebe Frau Weber, Ihr Termin zur Biopsie ist am Montag.')).toEqual([[tied('Frau Weber', 'Termin'), 6, 28]]);
    expect(inLanguage('de', 'Mit Frau Dr. Weber: Ihre Bestrahlung beginnt.')).toEqual([[tied('Frau Dr. Weber', 'Bestrahlung'), 4, 36]]);
  });

  it('takes a bare capitalised opener for a name only when a pronoun of address follows the comma', () => {
    expect(inLanguage('de', 'Anna, Ihr Befund ist da.')).toEqual([[tied('Anna', 'Befund'), 0, 16]]);
    expect(inLanguage('de', 'Anna, du hast deine Chemo geschafft!')).toEqual([[tied('Anna', 'Chemo'), 0, 25]]);
    // German capitalises every noun: these openers name no one.
    expect(inLanguage('de', 'Menschen, die ihre Chemo hinter sich haben, erzählen.')).toEqual([]);
    expect(inLanguage('de', 'Termine, Ihre Befunde und Fragen: wir helfen.')).toEqual([]);
    expect(inLanguage('de', 'Achtung, Ihr Termin wurde verschoben.')).toEqual([]);
    expect(inLanguage('de', 'Erinnerung, Ihr Termin zur Nachsorge steht an.')).toEqual([]);
    expect(inLanguage('de', 'Danke, dein Befund ist da.')).toEqual([]);
    expect(inLanguage('de', 'Hallo zusammen, Ihre Fragen zur Chemo beantworten wir heute.')).toEqual([]);
  });

  it('ties a person to a detail whose possessor follows it in the genitive', () => {
    expect(inLanguage('de', '@jan_k die Chemo Ihrer Mutter sollte heute noch die Ambulanz wissen.')).toEqual([[tied('@jan_k', 'Chemo'), 0, 16]]);
    expect(inLanguage('de', '@jan_k die Chemo in der Klinik beginnt um acht.')).toEqual([]);
  });

  it('does not take "Frau" or "Herr" after a determiner for a title', () => {
    expect(inLanguage('de', 'Jede Frau Ihres Alters sollte ihre Mammographie wahrnehmen.')).toEqual([]);
  });

  it('finds a date of birth after "geb." or "Geburtsdatum" and a number after its German label', () => {
    expect(inLanguage('de', 'Geburtsdatum: 3. März 1985, Patientennummer 12345678')).toEqual([
      ['Date of birth in a public post: move the conversation to a private message or the helpline', 14, 26],
      ['Record number in a public post: move the conversation to a private message or the helpline', 44, 52],
    ]);
    expect(inLanguage('de', 'geb. 12.03.1985')).toEqual([['Date of birth in a public post: move the conversation to a private message or the helpline', 5, 15]]);
    expect(inLanguage('de', 'Unser Infotag am 12.03.2025')).toEqual([]);
  });
});

describe('personal-data in French', () => {
  it('ties a mention, a greeting with a name, or a title and a name to a health detail after a possessive', () => {
    expect(inLanguage('fr', '@claire_m vos résultats de biopsie sont arrivés')).toEqual([[tied('@claire_m', 'résultats'), 0, 23]]);
    expect(inLanguage('fr', 'Bonjour Claire, votre chimio est reportée.')).toEqual([[tied('Claire', 'chimio'), 8, 28]]);
    expect(inLanguage('fr', 'Chère Madame Martin, votre biopsie a lieu lundi.')).toEqual([[tied('Madame Martin', 'biopsie'), 6, 34]]);
    expect(inLanguage('fr', 'Jean-Pierre, ton traitement commence lundi.')).toEqual([[tied('Jean-Pierre', 'traitement'), 0, 27]]);
  });

  it('ties a person to a detail whose possessor follows it with "de"', () => {
    expect(inLanguage('fr', '@paul_r les résultats de votre fils sont normaux ?')).toEqual([[tied('@paul_r', 'résultats'), 0, 21]]);
  });

  it('leaves openers and titles that name no one, and data processing', () => {
    expect(inLanguage('fr', 'Après ça, votre traitement continue.')).toEqual([]);
    expect(inLanguage('fr', 'Heureusement, votre traitement continue.')).toEqual([]);
    expect(inLanguage('fr', 'Bonjour Madame, votre biopsie a lieu lundi.')).toEqual([]);
    expect(inLanguage('fr', 'Attention, votre rendez-vous a changé.')).toEqual([]);
    expect(inLanguage('fr', 'Merci, vos résultats sont arrivés.')).toEqual([]);
    expect(inLanguage('fr', '@asso_rgpd merci pour votre traitement des données')).toEqual([]);
    expect(inLanguage('fr', '@asso_rgpd merci pour votre traitement')).toEqual([[tied('@asso_rgpd', 'traitement'), 0, 38]]);
  });

  it('finds a date of birth after "née le" and a number after its French label', () => {
    expect(inLanguage('fr', 'Née le 12/03/1985, numéro de dossier 4455667')).toEqual([
      ['Date of birth in a public post: move the conversation to a private message or the helpline', 7, 17],
      ['Record number in a public post: move the conversation to a private message or the helpline', 37, 44],
    ]);
    expect(inLanguage('fr', 'Date de naissance : 1er mars 1985')).toEqual([['Date of birth in a public post: move the conversation to a private message or the helpline', 20, 33]]);
  });
});

describeRuleDocs('personal-data');
