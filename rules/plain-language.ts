import * as v from 'valibot';
import data from './data/plain-language.json';
import german from './data/plain-language.de.json';
import french from './data/plain-language.fr.json';
import { compileLexicon, type CompiledLexicon, defineRule, inTitleCaseName, type Language, phraseSet, shippedLexicon, reportableHits, replacementsFor, type ReplaceableEntry } from '../src/rule/index.js';

interface Options {
  /** More phrases (lexicon syntax: `(a|b)` alternatives, `*` endings) with their everyday alternatives, e.g. { "neutropenic": "low white blood cell" }. */
  terms: Record<string, string | string[]>;
  /** Phrases not to report, as written in the draft (case-insensitive), e.g. ["oncology"] in a ward's name. */
  ignore: string[];
}

const builtin: Record<Language, ReplaceableEntry[]> = {
  en: shippedLexicon<ReplaceableEntry>(data, 'plain-language.json').entries,
  de: shippedLexicon<ReplaceableEntry>(german, 'plain-language.de.json').entries,
  fr: shippedLexicon<ReplaceableEntry>(french, 'plain-language.fr.json').entries,
};
const compiled: Partial<Record<Language, CompiledLexicon<ReplaceableEntry>>> = {};
// Settings are validated once per options object, so a lexicon with extra terms is compiled once per language too.
const withTerms = new WeakMap<Options, { lexicons: Partial<Record<Language, CompiledLexicon<ReplaceableEntry>>>; extra: ReplaceableEntry[]; ignore: Set<string> }>();

// The writer's own terms are in the draft's language, whichever it is, so they join each language's list.
function lexiconFor(options: Options, language: Language) {
  let found = withTerms.get(options);
  if (!found) {
    const extra = Object.entries(options.terms).map(([phrase, replace]) => ({ phrases: [phrase], replace: typeof replace === 'string' ? [replace] : replace }));
    found = { lexicons: {}, extra, ignore: phraseSet(options.ignore) };
    withTerms.set(options, found);
  }
  const lexicon = found.extra.length
    ? (found.lexicons[language] ??= compileLexicon([...found.extra, ...builtin[language]]))
    : (compiled[language] ??= compileLexicon(builtin[language]));
  return { lexicon, ignore: found.ignore };
}

export default defineRule<Options>({
  meta: {
    id: 'plain-language',
    description: 'Medical and official jargon has an everyday word readers understand.',
    severity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: { jargon: '"{found}" is jargon to many readers: try {alternatives}' },
    schema: v.strictObject(
      {
        terms: v.record(v.string(), v.union([v.string(), v.array(v.string())], 'expected a replacement or a list of replacements, e.g. { "neutropenia": "low white blood cell count" }')),
        ignore: v.array(v.string(), 'expected a list of phrases, e.g. ["oncology"]'),
      },
      'unknown option; use "terms" or "ignore"',
    ),
    defaults: { terms: {}, ignore: [] },
    docs: {
      why:
        'Many adults struggle with health information written in medical language, and people reading about cancer are often frightened or tired. An everyday word ("cancer", "spread", "cancer doctor") is understood at a glance; the medical word can follow in brackets when readers will meet it again. Suggestions, not fixes: the writer checks the grammar of the new sentence. Words in a Title Case name ("Paediatric Oncology Unit", "Metastatic Breast Cancer Awareness Day") are left alone: names of wards, services and events are not the writer\'s to change. The list is postlint\'s own; add terms with `terms` and silence one with `ignore`. German and French drafts have lists of their own (rules/data/plain-language.de.json and .fr.json, also postlint\'s own, written by native speakers): "Karzinom" becomes "Krebs", "Metastasen" "Tochtergeschwülste", "maligne" "bösartig", "Rezidiv" "Rückfall"; "carcinome" becomes "cancer", "métastases" "tumeurs secondaires", "tumeur maligne" "tumeur cancéreuse", "récidive" "rechute". Where the everyday word has another gender, the article is part of the phrase ("das Karzinom" becomes "der Krebs", "la biopsie" "le prélèvement"), and an adjective is listed in each of its endings. German capitalises every noun, so there capitals do not mark a name: silence a department\'s name with `ignore`. Terms given with `terms` apply in every language. Messages stay in English and quote the German or French words.',
      sources: [
        'CDC, Everyday Words for Public Health Communication (2016)',
        'NHS digital service manual, content style guide: health literacy and the A to Z of NHS health writing',
        'University of Michigan, Plain Language Medical Dictionary',
        'Krebsinformationsdienst (DKFZ) and Institut national du cancer: their patient pages explain these terms in everyday words; the German and French lists are postlint\'s own',
      ],
      languages: ['en', 'de', 'fr'],
      correct: [
        { text: 'If your cancer has spread, a cancer doctor will talk to you about your options.' },
        { text: 'Our Oncology Day Unit opens on Monday.' },
        { text: 'The oncology unit opens on Monday.', options: { ignore: ['oncology'] } },
        { text: 'Join us for #PulmonaryFibrosis awareness week' },
        { text: 'Wenn der Krebs gestreut hat, bespricht Ihr Krebsspezialist mit Ihnen die nächsten Schritte.', language: 'de' },
        { text: 'Si le cancer revient, votre cancérologue vous proposera un nouveau traitement.', language: 'fr' },
      ],
      incorrect: [
        {
          text: 'Most carcinomas are found early.',
          messages: ['"carcinomas" is jargon to many readers: try "cancers"'],
          ranges: [[5, 15]],
          suggestions: [{ title: 'Replace with "cancers"', output: 'Most cancers are found early.' }],
        },
        {
          text: 'Metastatic breast cancer: ask your oncologist.',
          messages: ['"Metastatic" is jargon to many readers: try "Secondary" or "Advanced"', '"oncologist" is jargon to many readers: try "cancer doctor"'],
          ranges: [[0, 10], [35, 45]],
          suggestions: [
            { title: 'Replace with "Secondary"', output: 'Secondary breast cancer: ask your oncologist.' },
            { title: 'Replace with "Advanced"', output: 'Advanced breast cancer: ask your oncologist.' },
            { title: 'Replace with "cancer doctor"', output: 'Metastatic breast cancer: ask your cancer doctor.' },
          ],
        },
        {
          text: 'Neutropenic fever needs urgent care.',
          options: { terms: { 'neutropenic fever': 'fever with a low white blood cell count' } },
          messages: ['"Neutropenic fever" is jargon to many readers: try "Fever with a low white blood cell count"'],
          ranges: [[0, 17]],
          suggestions: [{ title: 'Replace with "Fever with a low white blood cell count"', output: 'Fever with a low white blood cell count needs urgent care.' }],
        },
        {
          text: 'Das Karzinom ist maligne, aber die Metastasen sind klein.',
          language: 'de',
          messages: [
            '"Das Karzinom" is jargon to many readers: try "Der Krebs"',
            '"ist maligne" is jargon to many readers: try "ist bösartig"',
            '"Metastasen" is jargon to many readers: try "Tochtergeschwülste" or "Absiedlungen"',
          ],
          ranges: [[0, 12], [13, 24], [35, 45]],
          suggestions: [
            { title: 'Replace with "Der Krebs"', output: 'Der Krebs ist maligne, aber die Metastasen sind klein.' },
            { title: 'Replace "maligne" with "bösartig"', output: 'Das Karzinom ist bösartig, aber die Metastasen sind klein.' },
            { title: 'Replace with "Tochtergeschwülste"', output: 'Das Karzinom ist maligne, aber die Tochtergeschwülste sind klein.' },
            { title: 'Replace with "Absiedlungen"', output: 'Das Karzinom ist maligne, aber die Absiedlungen sind klein.' },
          ],
        },
        {
          text: 'Nach einem Rezidiv fragen Sie Ihre Onkologin.',
          language: 'de',
          messages: ['"Rezidiv" is jargon to many readers: try "Rückfall"', '"Onkologin" is jargon to many readers: try "Krebsspezialistin"'],
          ranges: [[11, 18], [35, 44]],
          suggestions: [
            { title: 'Replace with "Rückfall"', output: 'Nach einem Rückfall fragen Sie Ihre Onkologin.' },
            { title: 'Replace with "Krebsspezialistin"', output: 'Nach einem Rezidiv fragen Sie Ihre Krebsspezialistin.' },
          ],
        },
        {
          text: "Une tumeur maligne : parlez-en à l'oncologue.",
          language: 'fr',
          messages: ['"tumeur maligne" is jargon to many readers: try "tumeur cancéreuse"', '"à l\'oncologue" is jargon to many readers: try "au cancérologue" or "à la cancérologue"'],
          ranges: [[4, 18], [31, 44]],
          suggestions: [
            { title: 'Replace with "tumeur cancéreuse"', output: "Une tumeur cancéreuse : parlez-en à l'oncologue." },
            { title: 'Replace with "au cancérologue"', output: 'Une tumeur maligne : parlez-en au cancérologue.' },
            { title: 'Replace with "à la cancérologue"', output: 'Une tumeur maligne : parlez-en à la cancérologue.' },
          ],
        },
        {
          text: 'En cas de récidive, la biopsie a lieu lundi. Les métastases sont petites.',
          language: 'fr',
          messages: [
            '"récidive" is jargon to many readers: try "rechute"',
            '"la biopsie" is jargon to many readers: try "le prélèvement"',
            '"métastases" is jargon to many readers: try "tumeurs secondaires"',
          ],
          ranges: [[10, 18], [20, 30], [49, 59]],
          suggestions: [
            { title: 'Replace with "rechute"', output: 'En cas de rechute, la biopsie a lieu lundi. Les métastases sont petites.' },
            { title: 'Replace with "le prélèvement"', output: 'En cas de récidive, le prélèvement a lieu lundi. Les métastases sont petites.' },
            { title: 'Replace with "tumeurs secondaires"', output: 'En cas de récidive, la biopsie a lieu lundi. Les tumeurs secondaires sont petites.' },
          ],
        },
      ],
    },
  },
  check({ text, analysis, options, report }) {
    const language = analysis.language;
    const { lexicon, ignore } = lexiconFor(options, language);
    const words = analysis.words;
    for (const hit of reportableHits(analysis.lexicon(lexicon), words, ignore)) {
      // German capitalises every noun, so capitals do not mark a name there.
      if (language !== 'de' && inTitleCaseName(hit, words)) continue;
      const replacements = replacementsFor(hit, words, text);
      if (!replacements) continue;
      report({
        messageId: 'jargon',
        data: { found: text.slice(hit.start, hit.end), alternatives: replacements.listed },
        start: hit.start,
        end: hit.end,
        suggestions: replacements.suggestions,
      });
    }
  },
});
