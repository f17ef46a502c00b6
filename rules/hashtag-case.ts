import { daleChall } from 'dale-chall';
import extraData from './data/hashtag-words.json';
import { defineRule, entryOf, shippedLexicon, wordSet } from '../src/rule/index.js';

// Familiar words: the New Dale–Chall list (dale-chall, MIT) and the health and campaign words of rules/data.
// A closed compound ("teamwork") is one word: listed whole, it is read as one and needs no CamelCase.
// Built on the first hashtag read, not at module load (~0.6 ms, node -e timing of the same new Set).
const extra = shippedLexicon(extraData, 'hashtag-words.json');
let words: Set<string> | undefined;
const familiar = (): Set<string> => (words ??= new Set<string>([...daleChall, ...wordSet(extra, 'hashtag-words'), ...wordSet(extra, 'single-words')]));
const ENDINGS = entryOf(extra, 'endings').phrases;
const LONGEST = 24;

function isWord(candidate: string): boolean {
  if (candidate.length === 1) return candidate === 'a' || candidate === 'i';
  const known = familiar();
  if (known.has(candidate)) return true;
  return ENDINGS.some((ending) => candidate.length > ending.length + 2 && candidate.endsWith(ending) && known.has(candidate.slice(0, -ending.length)));
}

/**
 * The words of an all-lower-case run of letters, when there is exactly one way to read it with
 * the fewest words; undefined when the run is not made of listed words or reads two ways
 * with as few words.
 */
export function segmentWords(letters: string): string[] | undefined {
  const n = letters.length;
  // fewest[i]: the fewest words that spell letters[0, i); ways[i]: how many spellings use that many (capped at 2).
  const fewest = new Array<number>(n + 1).fill(Infinity);
  const ways = new Array<number>(n + 1).fill(0);
  const from = new Array<number>(n + 1).fill(-1);
  fewest[0] = 0;
  ways[0] = 1;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - LONGEST); start < end; start++) {
      if (fewest[start] === Infinity || !isWord(letters.slice(start, end))) continue;
      const count = fewest[start]! + 1;
      if (count < fewest[end]!) {
        fewest[end] = count;
        ways[end] = ways[start]!;
        from[end] = start;
      } else if (count === fewest[end]) {
        ways[end] = Math.min(2, ways[end]! + ways[start]!);
      }
    }
  }
  if (fewest[n] === Infinity || ways[n] !== 1) return undefined;
  const words: string[] = [];
  for (let end = n; end > 0; end = from[end]!) words.unshift(letters.slice(from[end]!, end));
  return words;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export default defineRule({
  meta: {
    id: 'hashtag-case',
    description: 'Hashtags of several words are written in CamelCase, so screen readers read the words.',
    severity: 'info',
    fixable: false,
    hasSuggestions: true,
    messages: { lowerCase: 'Screen readers read #{tag} as one word: write #{camel}' },
    defaults: {},
    docs: {
      why: 'A screen reader spells out or mispronounces #worldcancerday; #WorldCancerDay is read as three words, and sighted readers parse it faster too. The words are found in a list of familiar English words (New Dale–Chall, with health and campaign words); a single word made of two ("#teamwork", "#wellbeing") needs none, and a hashtag that reads two ways or has an unknown word gets no suggestion. Campaign hashtags are left to campaign-hashtag, which names the spelling the plan chose. A suggestion, not a fix: only the author knows the words meant. English only: German and French drafts are skipped. German writes a compound as one word (#Weltkrebstag, #Darmkrebsmonat), so splitting it into #WeltKrebsTag would be wrong spelling, not an accessibility fix, and a German rule would have to tell compounds from phrases run together (#gemeinsamgegenkrebs); French hashtags do use CamelCase (#MoisSansTabac), but the rule needs a list of familiar words under a permissive licence to find where the words meet, and we have none for German or French. Read with the English list, a German or French hashtag would be split into whatever English words it happens to spell.',
      sources: ['RNIB guidance on accessible social media: capitalise each word of a hashtag'],
      languages: ['en'],
      correct: [
        { text: 'Join us on #WorldCancerDay', channel: 'x' },
        { text: 'Thank you #nurses', channel: 'x' },
        { text: 'Thank you for the #teamwork', channel: 'x' },
        { text: 'Heute ist #Weltkrebstag, auch #worldcancerday: Wir sind für Sie da.', channel: 'x', language: 'de' },
        { text: "C'est le #moissanstabac : on vous accompagne.", channel: 'x', language: 'fr' },
      ],
      incorrect: [
        {
          text: 'Join us on #worldcancerday',
          channel: 'x',
          messages: ['Screen readers read #worldcancerday as one word: write #WorldCancerDay'],
          ranges: [[11, 26]],
          suggestions: [{ title: 'Write #WorldCancerDay', output: 'Join us on #WorldCancerDay' }],
        },
        {
          text: 'Sign up for #walk4life',
          channel: 'bluesky',
          messages: ['Screen readers read #walk4life as one word: write #Walk4Life'],
          ranges: [[12, 22]],
          suggestions: [{ title: 'Write #Walk4Life', output: 'Sign up for #Walk4Life' }],
        },
      ],
    },
  },
  check({ analysis, campaign, report }) {
    if (analysis.language !== 'en') return;
    // The campaign's own hashtags are campaign-hashtag's to report: it names the spelling the plan chose.
    // Made for the first hashtag without a capital: most drafts have none.
    let campaignTags: Set<string> | undefined;
    for (const hashtag of analysis.hashtags) {
      const body = hashtag.text;
      // Only hashtags without any capital: an author who capitalised chose the words already.
      if (body !== body.toLowerCase() || !/^[a-z\d]+$/.test(body)) continue;
      campaignTags ??= new Set((campaign?.hashtags ?? []).map((tag) => tag.replace(/^#/, '').toLowerCase()));
      if (campaignTags.has(body)) continue;
      const runs = body.match(/[a-z]+|\d+/g) ?? [];
      let letterWords = 0;
      const parts: string[] = [];
      for (const run of runs) {
        if (/^\d/.test(run)) {
          parts.push(run);
          continue;
        }
        const words = segmentWords(run);
        if (!words) {
          parts.length = 0;
          break;
        }
        letterWords += words.length;
        parts.push(...words.map(capitalise));
      }
      if (parts.length === 0 || letterWords < 2) continue;
      const camel = parts.join('');
      const bodyStart = hashtag.end - body.length;
      report({
        messageId: 'lowerCase',
        data: { tag: body, camel },
        start: hashtag.start,
        end: hashtag.end,
        suggestions: [{ title: `Write #${camel}`, fix: { edits: [{ range: [bodyStart, hashtag.end], text: camel }] } }],
      });
    }
  },
});
