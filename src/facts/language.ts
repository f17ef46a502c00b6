import data from './data/language-words.json';
import { entryOf, shippedLexicon } from './lexicon.js';

/** The languages postlint's judgement rules know. */
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const functionWords = shippedLexicon(data, 'language-words.json');
const WORDS = new Map<string, Language[]>();
for (const language of LANGUAGES)
  for (const word of entryOf(functionWords, language).phrases) (WORDS.get(word) ?? WORDS.set(word, []).get(word)!).push(language);

// Letters only one of the three languages writes: ß and ä/ö/ü are German, é è ê ç à œ are French.
const GERMAN_LETTERS = /[äöüß]/giu;
const FRENCH_LETTERS = /[éèêëçàâîïôûùœ]/giu;
// A language must lead by this many points to be chosen; short or mixed drafts fall back to English.
const MARGIN = 2;

/**
 * The language of a draft from its function words and letters: fast (one pass over the words, the
 * lower-case forms of those outside hashtags, cashtags, URLs and mentions), small (a few hundred
 * words), and deliberately cautious: when unsure it says English.
 */
export function detectLanguage(text: string, words: readonly string[]): Language {
  const score: Record<Language, number> = { en: 0, de: 0, fr: 0 };
  for (const lower of words) for (const language of WORDS.get(lower) ?? []) score[language]++;
  score.de += Math.min(3, text.match(GERMAN_LETTERS)?.length ?? 0) * 0.5;
  score.fr += Math.min(3, text.match(FRENCH_LETTERS)?.length ?? 0) * 0.5;
  const [best, second] = LANGUAGES.map((l) => [l, score[l]] as const).sort((a, b) => b[1] - a[1]);
  if (best![0] === 'en') return 'en';
  return best![1] - Math.max(second![1], score.en * 0.5) >= MARGIN || (best![1] >= MARGIN && score.en === 0) ? best![0] : 'en';
}
