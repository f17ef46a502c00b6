import * as v from 'valibot';
import healthData from '../data/health-details.json';
import wordData from '../data/personal-data.json';
import { findDatesOfBirth, findNhsNumbers, findPostalAddresses, findRecordNumbers, type Found } from './detectors.js';
import { compileLexicon, defineRule, entryOf, readLexicon, wordSet, Coverage, isPhoneCountry, phoneNumberOf, type LexiconFileEntry } from '../../src/rule/index.js';

interface Options {
  /** The organisation's own published contacts (helpline numbers, emails, its postcode): never flagged. */
  allowedContacts: string[];
  /** ISO country for numbers written without +code (libphonenumber-js). */
  defaultCountry: string;
  /** Where the message tells the author to move the conversation. */
  privateChannel: string;
}

const HEALTH = compileLexicon(readLexicon<LexiconFileEntry & { personal?: boolean }>(healthData, 'health-details.json').entries);
const words = readLexicon(wordData, 'personal-data.json');
const PERSONAL = wordSet(words, 'personal-words');
const NOT_NAMES = wordSet(words, 'not-names');
const HONORIFICS = wordSet(words, 'honorifics');
const alternatives = (id: string) => entryOf(words, id).phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
// "Hi Jane," / "Dear Mr Patel," / "Jane," at the start of a sentence: a person addressed by name.
const VOCATIVE = new RegExp(`^(?:(?:${alternatives('greetings')})[ ,]+)?((?:(?:${alternatives('honorifics')})\\.? )?\\p{Lu}\\p{Ll}{1,30}(?: \\p{Lu}\\p{Ll}{1,30})?),`, 'iu');
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
        "Replies to patients happen in public. A reply that names a person next to their diagnosis, test or treatment (\"@jane_d your biopsy results...\") discloses health information, and regulators have fined providers for exactly this in replies to online reviews. Contact details, dates of birth, NHS and record numbers and postal addresses identify a person (they are HIPAA Safe Harbor identifiers). The rule suggests moving the conversation to a private channel; the organisation's own published phone numbers, emails, addresses, handles and domains go in the `contacts` setting (shared with the other rules; the rule's older `allowedContacts` option still works), and the messages for numbers, emails and addresses say so. It is an error in `recommended` because a publish hook should stop such a post: the harm cannot be undone once it is public. Messages never repeat the data, so CI logs do not copy it. Phone numbers are found with libphonenumber-js (valid numbers only, full metadata); freephone, shared-cost and other non-geographic service numbers (0808, 0300, 1-800) are not a person's and pass, while mobile and landline numbers need listing. NHS numbers must pass the modulus 11 check.",
      sources: [
        'HIPAA Privacy Rule, 45 CFR 164.514(b)(2): the Safe Harbor identifiers',
        'HHS OCR: Elite Dental Associates (2019) and Manasa Health Center (2020), PHI disclosed in replies to online reviews',
        'NHS Data Dictionary: NHS NUMBER (modulus 11 check digit)',
        'UK GDPR Article 9 (health data is special category data)',
        'libphonenumber-js (Google libphonenumber metadata)',
      ],
      correct: [
        { text: 'Call our nurses free on 0808 800 4040 or email hello@example.org', channel: 'x', options: { allowedContacts: ['hello@example.org'] } },
        { text: 'Our office: 020 7946 0958', channel: 'x', options: { allowedContacts: ['+44 20 7946 0958'] } },
        { text: 'Questions? Call our office on 020 7946 0958 or email nurses@example.org', channel: 'x', contacts: { phones: ['+44 20 7946 0958'], domains: ['example.org'] } },
        { text: '@OurCharity your biopsy guide is out: https://example.org/biopsy', channel: 'x', contacts: { handles: ['@OurCharity'] } },
        { text: 'Join @CancerCharityUK at the cancer awareness walk on 4 February', channel: 'x' },
        { text: 'Our clinic at 1 Main Street reopens on 12/03/2025', channel: 'x' },
      ],
      incorrect: [
        { text: '@jane_d your biopsy results are back, call us', channel: 'x', messages: ['@jane_d is tied to a health detail ("biopsy") in public: move the conversation to a private message or the helpline'] },
        { text: 'Hi Sam, sorry your chemo was delayed', channel: 'x', options: { privateChannel: 'a direct message' }, messages: ['Sam is tied to a health detail ("chemo") in public: move the conversation to a direct message'] },
        { text: 'Email jane.doe@example.com or call 07911 123456', channel: 'x', messages: ['Email address in a public post: move the conversation to a private message or the helpline (if it is yours, list it under contacts in the config)', 'Phone number in a public post: move the conversation to a private message or the helpline (if it is yours, list it under contacts in the config)'] },
        { text: 'Patient DOB 12/03/1985, NHS number 943 476 5919', channel: 'x', messages: ['Date of birth in a public post: move the conversation to a private message or the helpline', 'NHS number in a public post: move the conversation to a private message or the helpline'] },
        { text: 'MRN: A1234567 at 10 Downing Street, London SW1A 2AA', channel: 'x', messages: ['Record number in a public post: move the conversation to a private message or the helpline', 'Postal address in a public post: move the conversation to a private message or the helpline (if it is yours, list it under contacts in the config)'] },
      ],
    },
  },
  check({ text, analysis, options, contacts, report }) {
    const country = options.defaultCountry;
    const allowed = new Set<string>();
    for (const contact of [...options.allowedContacts, ...contacts.phones]) {
      allowed.add(normalise(contact));
      const phone = phoneNumberOf(contact, country);
      if (phone) allowed.add(phone);
    }
    const where = options.privateChannel;
    const found: Found[] = [];
    // Finders run from the most specific; a later finding inside an earlier one is the same data.
    const coverage = new Coverage(text.length);
    const add = (item: Found) => {
      const own = allowed.has(normalise(item.value)) || (item.kind === 'email' && contacts.isOwnEmail(item.value)) || (item.kind === 'address' && contacts.isOwnAddress(item.value));
      if (!own && coverage.claim(item.start, item.end)) found.push(item);
    };
    for (const { value, start, end } of analysis.emails) add({ kind: 'email', value, start, end });
    for (const item of findNhsNumbers(text)) add(item);
    for (const item of findDatesOfBirth(text)) add(item);
    for (const item of findRecordNumbers(text)) add(item);
    for (const item of findPostalAddresses(text)) add(item);
    for (const phone of analysis.phoneNumbers(country)) {
      if (SERVICE_TYPES.has(phone.type ?? '') || allowed.has(phone.number)) continue;
      if (coverage.claim(phone.start, phone.end)) found.push({ kind: 'phone', value: phone.number, start: phone.start, end: phone.end });
    }
    found.sort((a, b) => a.start - b.start);
    for (const item of found) report({ messageId: item.kind, data: { where }, start: item.start, end: item.end });

    // A person (an @mention or a name) in the sentence, and a health detail a few words after "your", "her"...
    const all = analysis.words;
    const sentences = analysis.sentences;
    const reported = new Set<number>();
    for (const hit of analysis.lexicon(HEALTH)) {
      if (hit.entry.personal === false) continue;
      const sentenceIndex = all[hit.firstWord]!.sentence;
      if (reported.has(sentenceIndex)) continue;
      const sentence = sentences[sentenceIndex]!;
      let personal = false;
      for (let i = hit.firstWord - 1; i >= Math.max(sentence.firstWord, hit.firstWord - NEAR); i--) {
        if (PERSONAL.has(all[i]!.lower)) personal = true;
      }
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
      const mention = analysis.mentions.find((m) => m.start >= from && m.start < all[before]!.start && !contacts.isOwnHandle(text.slice(m.start, m.end)));
      if (mention) return { text: text.slice(mention.start, mention.end), start: mention.start, end: mention.end };
      for (let i = firstWord; i < before - 1; i++) {
        if (HONORIFICS.has(all[i]!.lower) && /^\p{Lu}/u.test(all[i + 1]!.text)) {
          return { text: text.slice(all[i]!.start, all[i + 1]!.end), start: all[i]!.start, end: all[i + 1]!.end };
        }
      }
      const start = all[firstWord]!.start;
      const vocative = VOCATIVE.exec(text.slice(start, start + 80));
      if (vocative && !NOT_NAMES.has(vocative[1]!.split(' ')[0]!.toLowerCase().replace(/\.$/, ''))) {
        const at = start + vocative[0].indexOf(vocative[1]!);
        return { text: vocative[1]!, start: at, end: at + vocative[1]!.length };
      }
      return undefined;
    }
  },
});

function normalise(value: string): string {
  return value.toLowerCase().replace(/[\s()\-.]/g, '');
}
