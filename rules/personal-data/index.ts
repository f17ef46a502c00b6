import * as v from 'valibot';
import english from '../data/health-details.json';
import german from '../data/health-details.de.json';
import french from '../data/health-details.fr.json';
import { allowedContactsFor, normalise } from './allowed.js';
import { findDatesOfBirth, findNhsNumbers, firstMentionIn, vocativeAt, vocativePattern, findPostalAddresses, findRecordNumbers, PERSONAL_DATA_WORDS, type Found } from './detectors.js';
import { compileLexicon, compiledOnFirstUse, defineRule, entryOf, shippedLexicon, wordSet, Coverage, isPhoneCountry, type Language, type LexiconFile, type LexiconFileEntry } from '../../src/rule/index.js';

interface Options {
  /** The organisation's own published contacts (helpline numbers, emails, its postcode): never flagged. */
  allowedContacts: string[];
  /** ISO country for numbers written without +code (libphonenumber-js). */
  defaultCountry: string;
  /** Where the message tells the author to move the conversation. */
  privateChannel: string;
}

type HealthEntry = LexiconFileEntry & { personal?: boolean };
const HEALTH: Record<Language, ReturnType<typeof compileLexicon<HealthEntry>>> = compiledOnFirstUse({
  en: () => compileLexicon(shippedLexicon<HealthEntry>(english, 'health-details.json').entries),
  de: () => compileLexicon(shippedLexicon<HealthEntry>(german, 'health-details.de.json').entries),
  fr: () => compileLexicon(shippedLexicon<HealthEntry>(french, 'health-details.fr.json').entries),
});


/** What tells a person in one language: the words of its personal-data file, compiled once. */
function personWords(words: LexiconFile) {
  return {
    personal: wordSet(words, 'personal-words'),
    possessorsAfter: entryOf(words, 'possessors-after').phrases.map((p) => p.toLowerCase().split(' ')),
    notNames: wordSet(words, 'not-names'),
    nounEndings: entryOf(words, 'noun-endings').phrases,
    honorifics: wordSet(words, 'honorifics'),
    determiners: wordSet(words, 'determiners'),
    vocative: vocativePattern(words),
  };
}
const PERSON_WORDS: Record<Language, ReturnType<typeof personWords>> = compiledOnFirstUse({ en: () => personWords(PERSONAL_DATA_WORDS.en), de: () => personWords(PERSONAL_DATA_WORDS.de), fr: () => personWords(PERSONAL_DATA_WORDS.fr) });
const NEAR = 3;
// Freephone, shared-cost and non-geographic numbers (0808, 0300, 1-800...) belong to services, not
// people: libphonenumber-js's full metadata tells them apart from mobile and landline numbers.
const SERVICE_TYPES = new Set(['TOLL_FREE', 'SHARED_COST', 'UAN', 'PREMIUM_RATE']);

export default defineRule<Options>({
  meta: {
    id: 'personal-data',
    description: "A public post exposes no one's contact details, identifiers or health details.",
    severity: 'error',
    fixable: false,
    messages: {
      email: "Email address in a public post: move the conversation to {where} (if it is yours, list it under contacts in the config)",
      phone: "Phone number in a public post: move the conversation to {where} (if it is yours, list it under contacts in the config)",
      dateOfBirth: 'Date of birth in a public post: move the conversation to {where}',
      nhsNumber: 'NHS number in a public post: move the conversation to {where}',
      recordNumber: 'Record number in a public post: move the conversation to {where}',
      address: "Postal address in a public post: move the conversation to {where} (if it is yours, list it under contacts in the config)",
      healthDetail: '{person} is tied to a health detail ("{detail}") in public: move the conversation to {where}',
    },
    schema: v.strictObject({
      allowedContacts: v.array(v.string()),
      defaultCountry: v.pipe(v.string(), v.check((c) => isPhoneCountry(c), 'expected a supported ISO 3166 country code such as "GB" or "US"')),
      privateChannel: v.pipe(v.string(), v.minLength(1)),
    }),
    defaults: { allowedContacts: [], defaultCountry: 'GB', privateChannel: 'a private message or the helpline' },
    docs: {
      why:
        "Replies to patients happen in public. A reply that names a person next to their diagnosis, test or treatment (\"@jane_d your biopsy results...\") discloses health information, and regulators have fined providers for exactly this in replies to online reviews. Contact details, dates of birth, NHS and record numbers and postal addresses identify a person (they are HIPAA Safe Harbor identifiers). The rule suggests moving the conversation to a private channel; the organisation's own published phone numbers, emails, addresses, handles and domains go in the `contacts` setting (shared with the other rules; the rule's older `allowedContacts` option still works), and the messages for numbers, emails and addresses say so. It is an error in `recommended` because a publish hook should stop such a post: the harm cannot be undone once it is public. Messages never repeat the data, so CI logs do not copy it. Phone numbers are found with libphonenumber-js (valid numbers only, full metadata); freephone, shared-cost and other non-geographic service numbers (0808, 0300, 1-800) are not a person's and pass, while mobile and landline numbers need listing. NHS numbers must pass the modulus 11 check. German and French drafts have word lists of their own (rules/data/health-details.de.json and .fr.json, personal-data.de.json and .fr.json, written for postlint): health details (Befund, Chemo, Bestrahlung, Termin; biopsie, résultats, chimio, rendez-vous), possessives and pronouns of du and Sie, tu and vous, and possessors that follow the detail (\"die Chemo Ihrer Mutter\", \"les résultats de votre fils\"), greetings and titles (Liebe Frau Weber, Sehr geehrter Herr Dr. Müller; Bonjour Claire, Mme Martin) and birth-date cues (geb., Geburtsdatum; née le, date de naissance). German capitalises every noun, so a capitalised word opening a German sentence is taken for a name only after a greeting or a title, or when the comma after it is followed by a pronoun or possessive of address (\"Anna, dein Befund...\", not \"Menschen, die ihre Chemo...\"), and never when it ends like a noun (-ung, -heit, -keit) or is itself a health word; \"Frau\" and \"Herr\" after a determiner (\"jede Frau Ihres Alters\") are nouns, not titles. Phone numbers are read in defaultCountry (GB unless set: set it to \"DE\", \"AT\", \"CH\", \"FR\" or \"BE\" for national numbers there) and postal addresses are found in UK and US formats only, whatever the language. Messages stay in English and quote the German or French words.",
      sources: [
        'HIPAA Privacy Rule, 45 CFR 164.514(b)(2): the Safe Harbor identifiers',
        'HHS OCR: Elite Dental Associates (2019) and Manasa Health Center (2020), PHI disclosed in replies to online reviews',
        'NHS Data Dictionary: NHS NUMBER (modulus 11 check digit)',
        'UK GDPR Article 9 (health data is special category data)',
        'libphonenumber-js (Google libphonenumber metadata)',
        'GDPR Article 9 (DSGVO Art. 9, RGPD article 9): data concerning health is a special category of personal data',
      ],
      languages: ['en', 'de', 'fr'],
      correct: [
        { text: 'Call our nurses free on 0808 800 4040 or email hello@example.org', channel: 'x', options: { allowedContacts: ['hello@example.org'] } },
        { text: 'Our office: 020 7946 0958', channel: 'x', options: { allowedContacts: ['+44 20 7946 0958'] } },
        { text: 'Questions? Call our office on 020 7946 0958 or email nurses@example.org', channel: 'x', contacts: { phones: ['+44 20 7946 0958'], domains: ['example.org'] } },
        { text: '@OurCharity your biopsy guide is out: https://example.org/biopsy', channel: 'x', contacts: { handles: ['@OurCharity'] } },
        { text: 'Join @CancerCharityUK at the cancer awareness walk on 4 February', channel: 'x' },
        { text: 'Our clinic at 1 Main Street reopens on 12/03/2025', channel: 'x' },
        { text: 'Menschen, die ihre Chemo hinter sich haben, erzählen: heute um 18 Uhr live.', channel: 'x', language: 'de' },
        { text: 'Jede Frau Ihres Alters sollte ihre Mammographie wahrnehmen.', channel: 'x', language: 'de' },
        { text: 'Attention, votre rendez-vous de dépistage se prend en ligne.', channel: 'x', language: 'fr' },
      ],
      incorrect: [
        { text: '@jane_d your biopsy results are back, call us', channel: 'x', messages: ['@jane_d is tied to a health detail ("biopsy") in public: move the conversation to a private message or the helpline'] },
        { text: 'Hi Sam, sorry your chemo was delayed', channel: 'x', options: { privateChannel: 'a direct message' }, messages: ['Sam is tied to a health detail ("chemo") in public: move the conversation to a direct message'] },
        { text: 'Email jane.doe@example.com or call 07911 123456', channel: 'x', messages: ['Email address in a public post: move the conversation to a private message or the helpline (if it is yours, list it under contacts in the config)', 'Phone number in a public post: move the conversation to a private message or the helpline (if it is yours, list it under contacts in the config)'] },
        { text: 'Patient DOB 12/03/1985, NHS number 943 476 5919', channel: 'x', messages: ['Date of birth in a public post: move the conversation to a private message or the helpline', 'NHS number in a public post: move the conversation to a private message or the helpline'] },
        { text: 'MRN: A1234567 at 10 Downing Street, London SW1A 2AA', channel: 'x', messages: ['Record number in a public post: move the conversation to a private message or the helpline', 'Postal address in a public post: move the conversation to a private message or the helpline (if it is yours, list it under contacts in the config)'] },
        { text: 'Liebe Frau Weber, Ihr Termin zur Biopsie ist am Montag.', channel: 'x', language: 'de', messages: ['Frau Weber is tied to a health detail ("Termin") in public: move the conversation to a private message or the helpline'], ranges: [[6, 28]] },
        { text: 'Anna, dein Befund ist da. Geburtsdatum: 3. März 1985', channel: 'x', language: 'de', messages: ['Anna is tied to a health detail ("Befund") in public: move the conversation to a private message or the helpline', 'Date of birth in a public post: move the conversation to a private message or the helpline'], ranges: [[0, 17], [40, 52]] },
        { text: 'Bonjour Claire, votre chimio est reportée.', channel: 'x', language: 'fr', messages: ['Claire is tied to a health detail ("chimio") in public: move the conversation to a private message or the helpline'], ranges: [[8, 28]] },
        { text: '@claire_m née le 12/03/1985 : vos résultats sont arrivés', channel: 'x', language: 'fr', messages: ['@claire_m is tied to a health detail ("résultats") in public: move the conversation to a private message or the helpline', 'Date of birth in a public post: move the conversation to a private message or the helpline'], ranges: [[0, 43], [17, 27]] },
      ],
    },
  },
  check({ text, analysis, options, contacts, report }) {
    const country = options.defaultCountry;
    const allowed = allowedContactsFor(options, contacts.phones);
    const where = options.privateChannel;
    const found: Found[] = [];
    // Finders run from the most specific; a later finding inside an earlier one is the same data.
    const coverage = new Coverage(text.length);
    const add = (item: Found) => {
      const own = allowed.has(normalise(item.value)) || (item.kind === 'email' && contacts.isOwnEmail(item.value)) || (item.kind === 'address' && contacts.isOwnAddress(item.value));
      if (!own && coverage.claim(item.start, item.end)) found.push(item);
    };
    for (const { value, start, end } of analysis.emails) add({ kind: 'email', value, start, end });
    for (const item of findNhsNumbers(text, analysis.phoneRuns)) add(item);
    // The words first: the language is then decided from them, not from a tokenising of its own.
    const all = analysis.words;
    const sentences = analysis.sentences;
    const language = analysis.language;
    for (const item of findDatesOfBirth(text, language)) add(item);
    for (const item of findRecordNumbers(text, language)) add(item);
    for (const item of findPostalAddresses(text)) add(item);
    for (const phone of analysis.phoneNumbers(country)) {
      if (SERVICE_TYPES.has(phone.type ?? '') || allowed.has(phone.number)) continue;
      if (coverage.claim(phone.start, phone.end)) found.push({ kind: 'phone', value: phone.number, start: phone.start, end: phone.end });
    }
    found.sort((a, b) => a.start - b.start);
    for (const item of found) report({ messageId: item.kind, data: { where }, start: item.start, end: item.end });

    // A person (an @mention or a name) in the sentence, and a health detail a few words after "your", "her"...
    const reported = new Set<number>();
    const words = PERSON_WORDS[language];
    const healthHits = analysis.lexicon(HEALTH[language]);
    // The words that open a health hit, collected when a vocative first asks: a set, not a scan of every hit per sentence.
    let detailOpeners: Set<number> | undefined;
    const opensWithDetail = (word: number) => (detailOpeners ??= new Set(healthHits.map((h) => h.firstWord))).has(word);
    for (const hit of healthHits) {
      if (hit.entry.personal === false) continue;
      const sentenceIndex = all[hit.firstWord]!.sentence;
      if (reported.has(sentenceIndex)) continue;
      const sentence = sentences[sentenceIndex]!;
      let personal = false;
      for (let i = hit.firstWord - 1; i >= Math.max(sentence.firstWord, hit.firstWord - NEAR); i--) {
        if (words.personal.has(all[i]!.lower)) personal = true;
      }
      // "die Chemo Ihrer Mutter", "les résultats de votre fils": the possessor can follow the detail.
      if (!personal) personal = words.possessorsAfter.some((phrase) => phrase.every((word, k) => hit.endWord + k < sentence.endWord && all[hit.endWord + k]!.lower === word));
      if (!personal) continue;
      const from = sentenceIndex > 0 ? sentences[sentenceIndex - 1]!.end : 0;
      const person = findPerson(from, sentence.firstWord, hit.firstWord);
      if (!person) continue;
      reported.add(sentenceIndex);
      const start = Math.min(person.start, hit.start);
      report({ messageId: 'healthDetail', data: { person: person.text, detail: text.slice(hit.start, hit.end), where }, start, end: Math.max(person.end, hit.end) });
    }

    function findPerson(from: number, firstWord: number, before: number): { text: string; start: number; end: number } | undefined {
      // The organisation's own handle is not the person the health detail is about.
      const mention = firstMentionIn(analysis.mentions, from, all[before]!.start, (m) => !contacts.isOwnHandle(text.slice(m.start, m.end)));
      if (mention) return { text: text.slice(mention.start, mention.end), start: mention.start, end: mention.end };
      // A title and a capitalised word: "Mr Patel", "Frau Dr. Weber", "Mme Martin"; not "jede Frau Ihres Alters".
      // "Dr." ends a sentence for the splitter, so titles just before this sentence belong to it.
      let titles = firstWord;
      while (titles > 0 && words.honorifics.has(all[titles - 1]!.lower) && DOT_AND_SPACE.test(text.slice(all[titles - 1]!.end, all[titles]!.start))) titles--;
      for (let i = titles; i < before - 1; i++) {
        if (!words.honorifics.has(all[i]!.lower) || (i > 0 && words.determiners.has(all[i - 1]!.lower))) continue;
        let name = i + 1;
        while (name < before - 1 && words.honorifics.has(all[name]!.lower)) name++;
        const candidate = all[name]!;
        if (UPPER_FIRST.test(candidate.text) && !words.personal.has(candidate.lower) && !words.honorifics.has(candidate.lower)) {
          return { text: text.slice(all[i]!.start, candidate.end), start: all[i]!.start, end: candidate.end };
        }
      }
      const start = all[firstWord]!.start;
      const vocative = vocativeAt(words.vocative, text, start);
      // A health word opening the sentence ("Termine, Ihre Befunde...") is not a name, in German least of all.
      if (vocative && !opensWithDetail(firstWord) && isAddressedName(vocative, words, language)) {
        const person = (vocative[2]! + vocative[3]!).trim();
        const at = start + vocative[0].indexOf(person, vocative[1]!.length);
        return { text: person, start: at, end: at + person.length };
      }
      return undefined;
    }
  },
});

const UPPER_FIRST = /^\p{Lu}/u;
const DOT_AND_SPACE = /^\.?\s*$/;

/**
 * Whether "Word," opening a sentence addresses a person. German capitalises every noun, so there a
 * bare opener counts only when the comma is followed by a pronoun or possessive of address ("Anna,
 * dein Befund...", "Anna, Ihr Termin..."), not a relative clause ("Menschen, die ihre Chemo...").
 */
function isAddressedName(vocative: RegExpExecArray, words: (typeof PERSON_WORDS)[Language], language: Language): boolean {
  const [, greeting, honorific, name, next] = vocative as unknown as string[];
  const first = name!.split(/[ -]/)[0]!.toLowerCase();
  if (words.notNames.has(first)) return false;
  // The pattern matches case-insensitively (greetings may be lower case); in German and French every word of a name must be capitalised as written ("Après ça," is no name).
  if (language !== 'en' && !name!.split(' ').every((word) => /^\p{Lu}/u.test(word))) return false;
  if (honorific) return true;
  if (words.nounEndings.some((ending) => first.length > ending.length + 2 && first.endsWith(ending))) return false;
  if (language !== 'de' || greeting) return true;
  const after = next!.replace(/^[^\p{L}]+/u, '').split(/[^\p{L}']/u)[0]!;
  return words.personal.has(after.toLowerCase());
}
