import * as v from 'valibot';
import data from './data/cancer-language.json';
import german from './data/cancer-language.de.json';
import french from './data/cancer-language.fr.json';
import { compileLexicon, compiledOnFirstUse, type CompiledLexicon, defineRule, type Language, phraseSet, shippedLexicon, reportableHits, replacementsFor, type ReplaceableEntry } from '../src/rule/index.js';

type Kind = 'battle' | 'hero' | 'victim';

interface Options {
  /** Phrases not to report, as written in the draft (case-insensitive), e.g. ["cancer warriors"] for a team's own name. */
  ignore: string[];
}

type Entry = ReplaceableEntry & { kind: Kind };
const lexicons: Record<Language, CompiledLexicon<Entry>> = compiledOnFirstUse({
  en: () => compileLexicon(shippedLexicon<Entry>(data, 'cancer-language.json').entries),
  de: () => compileLexicon(shippedLexicon<Entry>(german, 'cancer-language.de.json').entries),
  fr: () => compileLexicon(shippedLexicon<Entry>(french, 'cancer-language.fr.json').entries),
});
const ADVICE: Record<Kind, string> = {
  battle: 'say what happened plainly, e.g. "has cancer", "died from cancer"',
  hero: 'describe the person, e.g. "person with cancer"',
  victim: 'say "person with cancer" or "has cancer"',
};
// The advice for a German or French phrase quotes German or French wording; the message stays English.
const ADVICE_BY_LANGUAGE: Record<Language, Record<Kind, string>> = {
  en: ADVICE,
  de: {
    battle: 'say what happened plainly, e.g. "hat Krebs", "ist an Krebs gestorben"',
    hero: 'describe the person, e.g. "Frau mit Krebs", "Mensch mit Krebs"',
    victim: 'say "Mensch mit Krebs" or "hat Krebs"',
  },
  fr: {
    battle: 'say what happened plainly, e.g. "a un cancer", "est mort d\'un cancer"',
    hero: 'describe the person, e.g. "personne vivant avec un cancer"',
    victim: 'say "personne atteinte d\'un cancer" or "a un cancer"',
  },
};
const ignoreSets = new WeakMap<Options, Set<string>>();

export default defineRule<Options>({
  meta: {
    id: 'cancer-language',
    description: 'No battle, hero or victim framing of a person with cancer.',
    severity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: {
      battle: '"{found}" frames cancer as a battle to win or lose: {advice}',
      hero: '"{found}" expects a person with cancer to be a fighter: {advice}',
      victim: '"{found}" casts the person as a victim: {advice}',
    },
    schema: v.strictObject({ ignore: v.array(v.string(), 'expected a list of phrases, e.g. ["cancer warriors"]') }, 'unknown option; use "ignore"'),
    defaults: { ignore: [] },
    docs: {
      why:
        'In a YouGov poll of 2,000 people who have or have had cancer, for Macmillan Cancer Support (January 2019), "cancer-stricken", "victim" and "hero" were among the least-liked descriptions, as were calling cancer a "battle" or "war" and saying someone "lost their battle" or "lost their fight" when they died; respondents found such words disempowering (42%), isolating (24%) and a pressure to be positive (30%), and preferred factual words. The Lancaster University study of metaphor in cancer and end-of-life talk (Semino et al.) found that violence metaphors can make people feel guilty or like failures when treatment does not work, though some patients find them empowering. So the rule flags these framings when they describe a person ("lost her battle", "battling cancer", "cancer victim", "sufferer", "cancer warrior") and offers factual wording as suggestions, never fixes. Campaign language about an organisation ("the fight against cancer", "fight for funding", "beat cancer"), "survivor" (which many people choose for themselves) and other senses ("battle bus", "hero image", "true heroes" for volunteers) are left alone; a person\'s own words can be kept with `ignore`. German and French drafts have lists of their own (rules/data/cancer-language.de.json and .fr.json), written for postlint by native speakers, not translated and not taken from a published list: the German one follows the Frauenselbsthilfe Krebs, a German patient organisation, which names "den Kampf gegen den Krebs verloren" and "den Krebs besiegt" in headlines as harmful; for French we found no published patient-organisation guide, so the French list is postlint\'s own. Their suggestions keep the grammar of the words around them where they can ("leidet an einem Tumor" becomes "hat einen Tumor", "souffre d\'un cancer" becomes "a un cancer") and offer both forms where the person\'s gender decides ("est morte" or "est mort d\'un cancer"). Messages stay in English and quote the German or French words.',
      sources: [
        'Macmillan Cancer Support (2019), YouGov survey of 2,000 people who have or have had cancer, reported by BBC News, "Cancer clichés to avoid: I\'m not \'brave\'", 28 January 2019',
        'Semino, E., Demjén, Z., Hardie, A., Payne, S. and Rayson, P. (2018) Metaphor, Cancer and the End of Life: A Corpus-Based Study. Routledge. Lancaster University',
        'Semino, E. et al. (2017) "The online use of Violence and Journey metaphors by patients with cancer, as compared with health professionals", BMJ Supportive & Palliative Care 7(1)',
        'Frauenselbsthilfe Krebs (Hilde Schulte), "Den Krebs besiegt: Die Wirkung der Metaphorik in der Krebsberichterstattung", frauenselbsthilfe.de; also as "Kampf? Sieg? Niederlage?" on gesundheitsinformation.de (IQWiG)',
        'Hauser, D. J. and Schwarz, N. (2015) "The war on prevention: bellicose cancer metaphors hurt (some) prevention intentions", Personality and Social Psychology Bulletin 41(1)',
      ],
      languages: ['en', 'de', 'fr'],
      correct: [
        { text: 'Sam has lived with cancer for six years and is running the marathon for us.' },
        { text: 'Join the fight against cancer: our battle bus tours the region in May.' },
        { text: 'Our volunteers are true heroes. New hero image for the campaign page!' },
        { text: 'She called herself a cancer warrior, and so do we.', options: { ignore: ['cancer warrior'] } },
        { text: 'Gemeinsam im Kampf gegen den Krebs: Die Krebshilfe kämpft gegen Krebs, mit Ihrer Spende.', language: 'de' },
        { text: 'Anna lebt seit sechs Jahren mit Krebs und läuft für uns den Marathon.', language: 'de' },
        { text: 'La Ligue contre le cancer soutient la lutte contre le cancer dans toute la région.', language: 'fr' },
        { text: "Les personnes atteintes d'un cancer peuvent nous appeler.", language: 'fr' },
      ],
      incorrect: [
        {
          text: 'Our friend Jo lost her battle with cancer last week.',
          messages: ['"lost her battle with" frames cancer as a battle to win or lose: try "died from"'],
          ranges: [[14, 34]],
          suggestions: [{ title: 'Replace with "died from"', output: 'Our friend Jo died from cancer last week.' }],
        },
        {
          text: 'Battling breast cancer at 30',
          messages: ['"Battling breast cancer" frames cancer as a battle to win or lose: try "Living with breast cancer" or "Having treatment for breast cancer"'],
          ranges: [[0, 22]],
          suggestions: [
            { title: 'Replace "Battling" with "Living with"', output: 'Living with breast cancer at 30' },
            { title: 'Replace "Battling" with "Having treatment for"', output: 'Having treatment for breast cancer at 30' },
          ],
        },
        {
          text: 'Support for cancer sufferers and their families',
          messages: ['"cancer sufferers" casts the person as a victim: try "people with cancer" or "people living with cancer"'],
          ranges: [[12, 28]],
          suggestions: [
            { title: 'Replace with "people with cancer"', output: 'Support for people with cancer and their families' },
            { title: 'Replace with "people living with cancer"', output: 'Support for people living with cancer and their families' },
          ],
        },
        { text: "She's a real fighter.", messages: ['"real fighter" expects a person with cancer to be a fighter: describe the person, e.g. "person with cancer"'], ranges: [[8, 20]] },
        {
          text: 'Unsere liebe Anna hat den Kampf gegen den Krebs verloren.',
          language: 'de',
          messages: ['"hat den Kampf gegen den Krebs verloren" frames cancer as a battle to win or lose: try "ist an Krebs gestorben"'],
          ranges: [[18, 56]],
          suggestions: [{ title: 'Replace with "ist an Krebs gestorben"', output: 'Unsere liebe Anna ist an Krebs gestorben.' }],
        },
        {
          text: 'Hilfe für Krebsopfer: Mein Vater leidet an Lungenkrebs.',
          language: 'de',
          messages: [
            '"Krebsopfer" casts the person as a victim: try "Menschen mit Krebs" or "Menschen, die an Krebs gestorben sind"',
            '"leidet an Lungenkrebs" casts the person as a victim: try "hat Lungenkrebs"',
          ],
          ranges: [[10, 20], [33, 54]],
          suggestions: [
            { title: 'Replace with "Menschen mit Krebs"', output: 'Hilfe für Menschen mit Krebs: Mein Vater leidet an Lungenkrebs.' },
            { title: 'Replace with "Menschen, die an Krebs gestorben sind"', output: 'Hilfe für Menschen, die an Krebs gestorben sind: Mein Vater leidet an Lungenkrebs.' },
            { title: 'Replace "leidet an" with "hat"', output: 'Hilfe für Krebsopfer: Mein Vater hat Lungenkrebs.' },
          ],
        },
        {
          text: 'Lena ist eine tapfere Kämpferin!',
          language: 'de',
          messages: ['"ist eine tapfere Kämpferin" expects a person with cancer to be a fighter: describe the person, e.g. "Frau mit Krebs", "Mensch mit Krebs"'],
          ranges: [[5, 31]],
        },
        {
          text: 'Notre amie Claire a perdu son combat contre le cancer.',
          language: 'fr',
          messages: ['"a perdu son combat contre le cancer" frames cancer as a battle to win or lose: try "est morte d\'un cancer" or "est mort d\'un cancer"'],
          ranges: [[18, 53]],
          suggestions: [
            { title: 'Replace with "est morte d\'un cancer"', output: "Notre amie Claire est morte d'un cancer." },
            { title: 'Replace with "est mort d\'un cancer"', output: "Notre amie Claire est mort d'un cancer." },
          ],
        },
        {
          text: "Hommage aux victimes du cancer. Elle souffre d'un cancer du sein.",
          language: 'fr',
          messages: [
            '"victimes du cancer" casts the person as a victim: try "personnes atteintes d\'un cancer" or "personnes mortes d\'un cancer"',
            '"souffre d\'un cancer" casts the person as a victim: try "a un cancer" or "vit avec un cancer"',
          ],
          ranges: [[12, 30], [37, 56]],
          suggestions: [
            { title: 'Replace with "personnes atteintes d\'un cancer"', output: "Hommage aux personnes atteintes d'un cancer. Elle souffre d'un cancer du sein." },
            { title: 'Replace with "personnes mortes d\'un cancer"', output: "Hommage aux personnes mortes d'un cancer. Elle souffre d'un cancer du sein." },
            { title: 'Replace "souffre d\'un" with "a un"', output: "Hommage aux victimes du cancer. Elle a un cancer du sein." },
            { title: 'Replace "souffre d\'un" with "vit avec un"', output: "Hommage aux victimes du cancer. Elle vit avec un cancer du sein." },
          ],
        },
        {
          text: "Un long combat, mais elle est là. C'est une vraie battante !",
          language: 'fr',
          messages: [
            '"long combat" frames cancer as a battle to win or lose: say what happened plainly, e.g. "a un cancer", "est mort d\'un cancer"',
            '"C\'est une vraie battante" expects a person with cancer to be a fighter: describe the person, e.g. "personne vivant avec un cancer"',
          ],
          ranges: [[3, 14], [34, 58]],
        },
      ],
    },
  },
  check({ text, analysis, options, report }) {
    let ignore = ignoreSets.get(options);
    if (!ignore) ignoreSets.set(options, (ignore = phraseSet(options.ignore)));
    const words = analysis.words;
    const language = analysis.language;
    for (const hit of reportableHits(analysis.lexicon(lexicons[language]), words, ignore)) {
      const replacements = replacementsFor(hit, words, text);
      const found = { messageId: hit.entry.kind, start: hit.start, end: hit.end };
      const advice = replacements ? `try ${replacements.listed}` : (hit.entry.note ?? ADVICE_BY_LANGUAGE[language][hit.entry.kind]);
      report({ ...found, data: { found: text.slice(hit.start, hit.end), advice }, ...(replacements && { suggestions: replacements.suggestions }) });
    }
  },
});
