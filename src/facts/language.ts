import data from './data/language-words.json';
import { entryOf, shippedLexicon } from './lexicon.js';
import type { Entity } from '../core/types.js';
import { plainWordForms, type Word } from './words.js';

/** The languages postlint's judgement rules know. */
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const functionWords = shippedLexicon(data, 'language-words.json');
const WORDS = new Map<string, Language[]>();
for (const language of LANGUAGES)
  for (const word of entryOf(functionWords, language).phrases) (WORDS.get(word) ?? WORDS.set(word, []).get(word)!).push(language);

// No longer word can be a function word: language detection lower-cases none of them.
const LONGEST_WORD = Math.max(...[...WORDS.keys()].map((word) => word.length));

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
  let en = 0;
  let de = 0;
  let fr = 0;
  for (const lower of words) {
    const languages = WORDS.get(lower);
    if (languages) for (const language of languages) language === 'en' ? en++ : language === 'de' ? de++ : fr++;
  }
  de += countUpTo3(GERMAN_LETTERS, text) * 0.5;
  fr += countUpTo3(FRENCH_LETTERS, text) * 0.5;
  // The first of en, de, fr with the highest score (a stable sort's first), and the highest of the other two.
  const best = Math.max(en, de, fr);
  if (en === best) return 'en';
  const language: Language = de === best ? 'de' : 'fr';
  const second = language === 'de' ? Math.max(en, fr) : Math.max(en, de);
  return best - Math.max(second, en * 0.5) >= MARGIN || (best >= MARGIN && en === 0) ? language : 'en';
}

/** detectLanguage on the lower forms of the words without a tag, reading only those short enough to be function words, without copying them. */
export function detectLanguageOfWords(text: string, words: readonly Word[], distinct?: { ids: Int32Array; distinct: number }): Language {
  const forms: string[] = [];
  if (distinct) {
    // A long draft's words by distinct id: a function word is one of a few hundred, so each distinct
    // word is looked up once (0 not yet, 1 no, 2 yes) and only function words' lower forms are kept.
    const { ids } = distinct;
    const known = new Uint8Array(distinct.distinct);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word.tag) continue;
      const id = ids[i]!;
      if (known[id] === 0) known[id] = word.lower.length <= LONGEST_WORD && WORDS.has(word.lower) ? 2 : 1;
      if (known[id] === 2) forms.push(word.lower);
    }
    return detectLanguage(text, forms);
  }
  for (const word of words) if (!word.tag && word.lower.length <= LONGEST_WORD) forms.push(word.lower);
  return detectLanguage(text, forms);
}

/** detectLanguage on the plain word forms of the text (outside `entities`), reading only those short enough to be function words. */
export function detectLanguageOfText(text: string, entities: readonly Entity[]): Language {
  return detectLanguage(text, plainWordForms(text, entities, LONGEST_WORD));
}

/** Matches of a global pattern in the text, counted up to 3, without building them. */
function countUpTo3(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < 3 && pattern.test(text)) count++;
  return count;
}
