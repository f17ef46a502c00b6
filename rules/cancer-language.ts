import * as v from 'valibot';
import data from './data/cancer-language.json';
import { compileLexicon, defineRule, phraseSet, readLexicon, reportableHits, replacementsFor, type ReplaceableEntry } from '../src/rule/index.js';

type Kind = 'battle' | 'hero' | 'victim';

interface Options {
  /** Phrases not to report, as written in the draft (case-insensitive), e.g. ["cancer warriors"] for a team's own name. */
  ignore: string[];
}

const lexicon = compileLexicon(readLexicon<ReplaceableEntry & { kind: Kind }>(data, 'cancer-language.json').entries);
const ADVICE: Record<Kind, string> = {
  battle: 'say what happened plainly, e.g. "has cancer", "died from cancer"',
  hero: 'describe the person, e.g. "person with cancer"',
  victim: 'say "person with cancer" or "has cancer"',
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
        'In a YouGov poll of 2,000 people who have or have had cancer, for Macmillan Cancer Support (January 2019), "cancer-stricken", "victim" and "hero" were among the least-liked descriptions, as were calling cancer a "battle" or "war" and saying someone "lost their battle" or "lost their fight" when they died; respondents found such words disempowering (42%), isolating (24%) and a pressure to be positive (30%), and preferred factual words. The Lancaster University study of metaphor in cancer and end-of-life talk (Semino et al.) found that violence metaphors can make people feel guilty or like failures when treatment does not work, though some patients find them empowering. So the rule flags these framings when they describe a person ("lost her battle", "battling cancer", "cancer victim", "sufferer", "cancer warrior") and offers factual wording as suggestions, never fixes. Campaign language about an organisation ("the fight against cancer", "fight for funding", "beat cancer"), "survivor" (which many people choose for themselves) and other senses ("battle bus", "hero image", "true heroes" for volunteers) are left alone; a person\'s own words can be kept with `ignore`.',
      sources: [
        'Macmillan Cancer Support (2019), YouGov survey of 2,000 people who have or have had cancer, reported by BBC News, "Cancer clichés to avoid: I\'m not \'brave\'", 28 January 2019',
        'Semino, E., Demjén, Z., Hardie, A., Payne, S. and Rayson, P. (2018) Metaphor, Cancer and the End of Life: A Corpus-Based Study. Routledge. Lancaster University',
        'Semino, E. et al. (2017) "The online use of Violence and Journey metaphors by patients with cancer, as compared with health professionals", BMJ Supportive & Palliative Care 7(1)',
      ],
      correct: [
        { text: 'Sam has lived with cancer for six years and is running the marathon for us.' },
        { text: 'Join the fight against cancer: our battle bus tours the region in May.' },
        { text: 'Our volunteers are true heroes. New hero image for the campaign page!' },
        { text: 'She called herself a cancer warrior, and so do we.', options: { ignore: ['cancer warrior'] } },
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
      ],
    },
  },
  check({ text, analysis, options, report }) {
    let ignore = ignoreSets.get(options);
    if (!ignore) ignoreSets.set(options, (ignore = phraseSet(options.ignore)));
    const words = analysis.words;
    for (const hit of reportableHits(analysis.lexicon(lexicon), words, ignore)) {
      const replacements = replacementsFor(hit, words, text);
      const found = { messageId: hit.entry.kind, start: hit.start, end: hit.end };
      const advice = replacements ? `try ${replacements.listed}` : (hit.entry.note ?? ADVICE[hit.entry.kind]);
      report({ ...found, data: { found: text.slice(hit.start, hit.end), advice }, ...(replacements && { suggestions: replacements.suggestions }) });
    }
  },
});
