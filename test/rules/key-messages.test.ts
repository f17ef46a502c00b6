import { describeRuleDocs } from '../helpers/rule-docs.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lint, type Campaign, type LintOptions } from '../../src/index.js';
import { englishWordVectors } from '@postlint/vectors-en';

const campaign: Campaign = {
  name: 'Spot It Early',
  theme: 'Early diagnosis of cancer.',
  hashtags: ['#SpotItEarly'],
  keyMessages: [
    { id: 'early-diagnosis', text: 'Cancer found early is more likely to be treated successfully.', also: ['early diagnosis saves lives'] },
    { id: 'see-your-gp', text: "If you notice a change that isn't normal for you, book an appointment with your GP.", beforeFold: true },
    { id: 'screening', text: 'Screening can find cancer before you have any symptoms, so take up your invitation.', channels: ['linkedin'] },
  ],
};
const options = (extra: Partial<LintOptions> = {}): LintOptions => ({ preset: 'none', rules: { 'key-messages': 'warn' }, campaign, ...extra });
const carried = (text: string, channel = 'x') => lint({ text, channel }, options()).keyMessages?.carried;

describe('keyMessages: carried by meaning', () => {
  it('carries a paraphrase with other words, in another order', () => {
    expect(carried('Spotting it sooner means treatment is more likely to work.')).toEqual(['early-diagnosis']);
    expect(carried('Noticed something odd? Your doctor wants to hear from you: make an appointment.')).toEqual(['see-your-gp']);
  });

  it('carries an `also` phrasing said word for word, however short', () => {
    expect(carried('Early diagnosis saves lives.')).toEqual(['early-diagnosis']);
  });

  it('does not count a post that only names the campaign or its hashtag', () => {
    expect(carried('Join us at the Spot It Early launch on Friday! #SpotItEarly')).toEqual([]);
  });

  it('does not count a post that denies the message', () => {
    expect(carried('No need to rush to the doctor over every little change.')).toEqual([]);
  });

  it('gives carried and missing ids in campaign order, missing only what the channel must carry', () => {
    const text = 'Found early, cancer is easier to treat successfully. Notice a change? Book an appointment with your GP.';
    const phrases = [
      { id: 'early-diagnosis', text: 'Found early, cancer is easier to treat' },
      { id: 'see-your-gp', text: 'Notice a change? Book an appointment with your GP' },
    ];
    const x = lint({ text, channel: 'x' }, options()).keyMessages!;
    expect({ ...x, phrases: x.phrases.map(({ id, text }) => ({ id, text })) }).toEqual({ carried: ['early-diagnosis', 'see-your-gp'], missing: [], phrases });
    expect(lint({ text, channel: 'linkedin' }, options()).keyMessages).toMatchObject({ carried: ['early-diagnosis', 'see-your-gp'], missing: ['screening'] });
  });

  it('leaves keyMessages out when no campaign is given', () => {
    expect(lint({ text: 'Hello' }, { preset: 'none' }).keyMessages).toBeUndefined();
  });
});

describe('key-messages rule', () => {
  const messages = (text: string, channel = 'x', extra: Partial<LintOptions> = {}) => lint({ text, channel }, options(extra)).messages.map((m) => m.message);

  it('names the closest key message, what it found and what is missing', () => {
    expect(messages('Come and find out about the campaign early on Friday.')).toEqual([
      "Carries 0 of the campaign's key messages, needs 1; closest: 'early-diagnosis', found 'found' + 'early', missing 'Cancer' + 'treated' + 'successfully'",
    ]);
  });

  it('asks for as many key messages as the minimum option says', () => {
    const text = 'Spotting it sooner means treatment is more likely to work.';
    expect(messages(text)).toEqual([]);
    expect(messages(text, 'x', { rules: { 'key-messages': ['warn', { minimum: 2 }] } })).toEqual([
      "Carries 1 of the campaign's key messages, needs 2; closest: 'see-your-gp', found 'notice', missing 'change' + 'normal' + 'book' + 'GP'",
    ]);
  });

  it('reports a message listed for the channel that the draft does not carry', () => {
    expect(messages('Spotting it sooner means treatment is more likely to work.', 'linkedin')).toEqual([
      "Key message 'screening' is listed for LinkedIn but this draft does not carry it; found 'find', missing 'Screening' + 'cancer' + 'before you have any symptoms' + 'take up' (+1 more)",
    ]);
  });

  it('reports a beforeFold message said only after the fold, at the words after it', () => {
    const opening = 'Thank you to everyone who came to our Northbridge fun run this weekend, and to the volunteers who gave up their Sunday morning for it. ';
    const text = opening + 'If you notice a change that is not normal for you, book an appointment with your GP.';
    const result = lint({ text, channel: 'instagram' }, options());
    expect(result.messages.map((m) => [m.message, m.start.offset])).toEqual([
      ["Key message 'see-your-gp' only appears after Instagram's \"see more\" fold (125 characters): move it up", text.indexOf('notice')],
    ]);
    expect(lint({ text, channel: 'x' }, options()).messages).toEqual([]);
  });

  it('validates its options', () => {
    expect(() => lint({ text: 'Hi' }, options({ rules: { 'key-messages': ['warn', { minimum: -1 }] } }))).toThrow('rules.key-messages[1].minimum: minimum must be 0 or more');
  });

  it('is deterministic and never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const first = lint({ text, channel: 'linkedin' }, options());
        expect(lint({ text, channel: 'linkedin' }, options())).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});

describe('keyMessages by meaning (with word vectors)', () => {
  // The examples of issue 17: a paraphrase sharing few words, a story, and two near-misses.
  const kit: Campaign = {
    name: 'Do The Kit',
    theme: 'Bowel screening at home.',
    hashtags: ['#DoTheKit'],
    keyMessages: [
      { id: 'do-it-now', text: 'Do your home test kit as soon as it arrives.' },
      { id: 'finds-early', text: 'Screening finds cancer early, when it is easier to treat.' },
      { id: 'see-gp', text: 'If you notice blood in your poo or a change in your bowel habits, ask your GP about it.' },
    ],
  };
  const wordVectors = englishWordVectors();
  const read = (text: string, vectors = true) => lint({ text, channel: 'x' }, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign: kit, ...(vectors ? { wordVectors } : {}) }).keyMessages!;

  it('carries a paraphrase that shares few words with the message, and shows the phrase that carried it', () => {
    const text = 'That envelope with the little stick in it? Please use it as soon as it comes.';
    const result = read(text);
    expect(result.carried).toEqual(['do-it-now']);
    const [phrase] = result.phrases;
    expect(text.slice(phrase!.start.offset, phrase!.end.offset)).toBe(phrase!.text);
    expect(phrase!.text).toContain('as soon as it comes');
    // Stems and thesaurus alone miss it.
    expect(read(text, false).carried).toEqual([]);
  });

  it('carries a story that conveys the message', () => {
    expect(read("My dad's kit found it early enough that surgery was enough.").carried).toContain('finds-early');
  });

  it("does not credit near-misses that reuse a message's words without its meaning", () => {
    expect(read("Congratulations to Northfield Surgery, winners of this year's Do The Kit award!").carried).toEqual([]);
    expect(read('Could you ask your GP team to put up our posters this month?').carried).toEqual([]);
  });

  it('is deterministic and never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(read(text)).toEqual(read(text));
      }),
      { numRuns: 200 },
    );
  });

  it("reads a draft by meaning only in the vectors' language: another is matched by stems and thesaurus alone", () => {
    const text = 'That envelope with the little stick in it? Please use it as soon as it comes.';
    const as = (language: 'en' | 'de' | 'auto') => lint({ text, channel: 'x' }, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign: kit, wordVectors, language });
    expect(as('auto').keyMessages!.carried).toEqual(['do-it-now']);
    // Read as German, the English vectors are not used: the result is the German lexical matcher's alone.
    expect(as('de').keyMessages).toEqual(lint({ text, channel: 'x' }, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign: kit, language: 'de' }).keyMessages);
    expect(as('de').language).toBe('de');
    // A German draft of a German campaign: the English vectors add nothing, they take nothing away.
    const german: Campaign = { name: 'Darmkrebsmonat', keyMessages: [{ id: 'test', text: 'Machen Sie den Test, sobald er ankommt.' }, { id: 'arzt', text: 'Sprechen Sie mit Ihrer Hausärztin über Blut im Stuhl.' }] };
    const draft = { text: 'Der Test ist da? Machen Sie ihn gleich, sobald er ankommt. Und bei Blut im Stuhl: ab zur Hausärztin.', channel: 'x' };
    const withVectors = lint(draft, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign: german, wordVectors });
    expect(withVectors.language).toBe('de');
    expect(withVectors.keyMessages).toEqual(lint(draft, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign: german }).keyMessages);
  });

  it('names the option when it is not word vectors', () => {
    expect(() => lint({ text: 'Hi' }, { campaign: kit, wordVectors: {} as never })).toThrow("wordVectors: expected the WordVectors of '@postlint/vectors-en'");
  });
});

describe('keyMessages in German and French (stems, stop words, elisions, compounds; no vectors)', () => {
  const lintAs = (campaign: Campaign, text: string) => lint({ text, channel: 'x' }, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign });

  it('reads a German compound as its parts: "Vorsorge gegen Darmkrebs" says "Darmkrebsvorsorge"', () => {
    const campaign: Campaign = {
      name: 'Vorsorgemonat',
      keyMessages: [
        { id: 'vorsorge', text: 'Die Darmkrebsvorsorge rettet Leben.' },
        { id: 'hausarzt', text: 'Fragen Sie Ihre Hausärztin nach dem Stuhltest.' },
      ],
    };
    const result = lintAs(campaign, 'Wussten Sie das? Die Vorsorge gegen Darmkrebs rettet Leben, und sie ist für Sie da.');
    expect(result.language).toBe('de');
    expect(result.keyMessages!.carried).toEqual(['vorsorge']);
    expect(result.keyMessages!.phrases[0]!.text).toBe('Vorsorge gegen Darmkrebs rettet Leben');
    expect(lintAs(campaign, 'Unser Sommerfest: Kuchen, Musik und gute Laune für alle Nachbarn!').keyMessages!.carried).toEqual([]);
  });

  it("reads French elisions and negation: \"l'âge\" says \"âge\", \"n'est pas gratuit\" is not \"gratuit\"", () => {
    const campaign: Campaign = {
      name: 'Mars bleu',
      keyMessages: [
        { id: 'gratuit', text: "Le test de dépistage est gratuit dès l'âge de cinquante ans." },
        { id: 'medecin', text: 'Demandez le kit à votre médecin traitant.' },
      ],
    };
    const result = lintAs(campaign, "Dès cinquante ans, le dépistage est gratuit : c'est l'âge du test !");
    expect(result.language).toBe('fr');
    expect(result.keyMessages!.carried).toEqual(['gratuit']);
    expect(lintAs(campaign, "Attention : le parking de l'hôpital n'est pas gratuit le samedi, nous sommes désolés.").keyMessages!.carried).toEqual([]);
  });

  it('is deterministic on German and French drafts', () => {
    const campaign: Campaign = { name: 'Tastzeit', keyMessages: [{ id: 'abtasten', text: 'Taste einmal im Monat deine Brust ab.' }, { id: 'peau', text: "Protégez votre peau pendant les traitements, même à l'ombre." }] };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('de', 'fr') as fc.Arbitrary<'de' | 'fr'>, (text, language) => {
        const first = lint({ text, channel: 'x' }, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign, language });
        expect(lint({ text, channel: 'x' }, { preset: 'none', rules: { 'key-messages': 'warn' }, campaign, language })).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});

describeRuleDocs('key-messages');
