import * as v from 'valibot';
import data from './data/plain-language.json';
import { compileLexicon, type CompiledLexicon, defineRule, readLexicon, inTitleCaseName, phraseSet, reportableHits, replacementsFor, type ReplaceableEntry } from '../src/rule/index.js';

interface Options {
  /** More phrases (lexicon syntax: `(a|b)` alternatives, `*` endings) with their everyday alternatives, e.g. { "neutropenic": "low white blood cell" }. */
  terms: Record<string, string | string[]>;
  /** Phrases not to report, as written in the draft (case-insensitive), e.g. ["oncology"] in a ward's name. */
  ignore: string[];
}

const builtin: ReplaceableEntry[] = readLexicon<ReplaceableEntry>(data, 'plain-language.json').entries;
const compiled = compileLexicon(builtin);
// Settings are validated once per options object, so a lexicon with extra terms is compiled once too.
const withTerms = new WeakMap<Options, { lexicon: CompiledLexicon<ReplaceableEntry>; ignore: Set<string> }>();

function lexiconFor(options: Options) {
  let found = withTerms.get(options);
  if (!found) {
    const extra = Object.entries(options.terms).map(([phrase, replace]) => ({ phrases: [phrase], replace: typeof replace === 'string' ? [replace] : replace }));
    const ignore = phraseSet(options.ignore);
    found = { lexicon: extra.length ? compileLexicon([...extra, ...builtin]) : compiled, ignore };
    withTerms.set(options, found);
  }
  return found;
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
        'Many adults struggle with health information written in medical language, and people reading about cancer are often frightened or tired. An everyday word ("cancer", "spread", "cancer doctor") is understood at a glance; the medical word can follow in brackets when readers will meet it again. Suggestions, not fixes: the writer checks the grammar of the new sentence. Words in a Title Case name ("Paediatric Oncology Unit", "Metastatic Breast Cancer Awareness Day") are left alone: names of wards, services and events are not the writer\'s to change. The list is postlint\'s own; add terms with `terms` and silence one with `ignore`.',
      sources: [
        'CDC, Everyday Words for Public Health Communication (2016)',
        'NHS digital service manual, content style guide: health literacy and the A to Z of NHS health writing',
        'University of Michigan, Plain Language Medical Dictionary',
      ],
      correct: [
        { text: 'If your cancer has spread, a cancer doctor will talk to you about your options.' },
        { text: 'Our Oncology Day Unit opens on Monday.' },
        { text: 'The oncology unit opens on Monday.', options: { ignore: ['oncology'] } },
        { text: 'Join us for #PulmonaryFibrosis awareness week' },
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
      ],
    },
  },
  check({ text, analysis, options, report }) {
    const { lexicon, ignore } = lexiconFor(options);
    const words = analysis.words;
    for (const hit of reportableHits(analysis.lexicon(lexicon), words, ignore)) {
      if (inTitleCaseName(hit, words)) continue;
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
